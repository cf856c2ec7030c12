import { describe, expect, it } from 'vitest';
import { applySettings, settingsOf, windowWithDays } from './study-settings';
import type { DltWindow, Study } from './types';

const PROTOCOL_WINDOW: DltWindow = { cycle: 1, startDay: 1, endDay: 21, protocol: 'from day 1 to day 21 after administration in the first cycle', reading: 'Cycle 1, days 1–21', confirmed: null };
const ctx = { who: 'Dr Grace Monitor', at: '2026-11-30T10:00:00Z', reason: 'Amendment 4: a 28-day window' };

describe('windowWithDays', () => {
	it('keeps the window as it is when its days do not change (the protocol’s words stay)', () => {
		expect(windowWithDays(PROTOCOL_WINDOW, 1, 21, ctx)).toBe(PROTOCOL_WINDOW);
	});

	it('new days are no longer the protocol’s window: who set them, when and why are kept, with the protocol’s words in the reading', () => {
		const w = windowWithDays(PROTOCOL_WINDOW, 1, 28, ctx);
		expect(w).toMatchObject({ startDay: 1, endDay: 28, protocol: null, confirmed: { by: 'Dr Grace Monitor', at: ctx.at, reason: 'Amendment 4: a 28-day window' } });
		expect(w.reading).toBe(
			'Cycle 1, study days 1–28 (day 1 = first dose), set by Dr Grace Monitor: Amendment 4: a 28-day window. The protocol says: “from day 1 to day 21 after administration in the first cycle” (days 1–21).'
		);
	});

	it('an assumed window given days is a confirmed one', () => {
		const assumed: DltWindow = { ...PROTOCOL_WINDOW, protocol: null };
		expect(windowWithDays(assumed, 1, 28, ctx).reading).not.toContain('The protocol says');
	});
});

describe('applySettings', () => {
	const study = {
		id: 's', doseLevels: [{ code: 'DL1', label: 'DL1', doses: [] }], drugs: [{ code: 'A', name: 'A' }], dltRuleSet: 'generic',
		dltWindow: PROTOCOL_WINDOW, design: { kind: '3+3', deescalation: true }, dataCutoff: null, title: 'T'
	} as unknown as Study;

	it('sets every setting and leaves the rest of the study alone', () => {
		const next = applySettings(study, { ...settingsOf(study), dltRuleSet: 'bat4706-bat1308', design: { kind: 'boin', target: 0.25, elimination: true, stopWhenDeescalationImpossible: false }, dataCutoff: '2026-11-01' }, ctx);
		expect(next).toMatchObject({ id: 's', title: 'T', dltRuleSet: 'bat4706-bat1308', design: { kind: 'boin', target: 0.25 }, dataCutoff: '2026-11-01', dltWindow: PROTOCOL_WINDOW });
	});
});
