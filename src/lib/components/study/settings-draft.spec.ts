import { describe, expect, it } from 'vitest';
import type { StudySettings } from '$lib/domain/study-settings';
import { checkSettingsDraft, settingsFromDraft, toSettingsDraft, type SettingsDraft } from './settings-draft';

const settings: StudySettings = {
	doseLevels: [
		{ code: 'Pbo', label: 'Placebo', doses: [{ drug: 'PLACEBO', amount: 0, unit: 'mg' }], control: true },
		{ code: 'Xan_Lo', label: 'Xanomeline Low Dose', doses: [{ drug: 'XANOMELINE', amount: 54, unit: 'mg' }] }
	],
	drugs: [{ code: 'PLACEBO', name: 'PLACEBO', placebo: true }, { code: 'XANOMELINE', name: 'XANOMELINE' }],
	dltRuleSet: 'generic',
	dltWindow: { cycle: 1, startDay: 1, endDay: 21, protocol: null, reading: '', confirmed: null },
	design: { kind: '3+3', deescalation: true },
	dataCutoff: null
};
const RULE_SETS = ['generic', 'bat4706-bat1308'];

describe('the study settings form', () => {
	it('gives back the settings unchanged when nothing is edited', () => {
		const draft = toSettingsDraft(settings);
		expect(checkSettingsDraft(draft, RULE_SETS)).toEqual({});
		expect(settingsFromDraft(draft, settings)).toEqual(settings);
	});

	const cases: [string, (d: SettingsDraft) => void, string, RegExp][] = [
		['a level without a label', (d) => (d.levels[1]!.label = ' '), 'level-1-label', /Give Xan_Lo a label/],
		['every level a control arm', (d) => (d.levels[1]!.control = true), 'level-0-label', /At least one dose level must be a level of the escalation/],
		['every drug a placebo', (d) => (d.drugs[1]!.placebo = true), 'drug-0-name', /At least one drug must be a study drug/],
		['an unknown rule set', (d) => (d.ruleSet = 'old'), 'rule-set', /Choose the DLT rule set/],
		['a window from day 0', (d) => (d.windowStart = 0), 'window-start', /from 1 to 365/],
		['a window ending before it starts', (d) => ((d.windowStart = 8), (d.windowEnd = 7)), 'window-end', /from 8 to 365/],
		['a window of half a day', (d) => (d.windowEnd = 21.5), 'window-end', /whole study day/],
		['an empty window end', (d) => (d.windowEnd = null), 'window-end', /whole study day/],
		['a BOIN target of 1', (d) => ((d.design.kind = 'boin'), (d.design.target = '1')), 'design-target', /between 0 and 1/],
		['a BOIN target left blank', (d) => ((d.design.kind = 'boin'), (d.design.target = '')), 'design-target', /between 0 and 1/],
		['a partial cut-off', (d) => (d.cutoff = '2026-11'), 'cutoff', /full date/]
	];
	it.each(cases)('refuses %s, on the field to fix', (_n, breakIt, field, message) => {
		const draft = toSettingsDraft(settings);
		breakIt(draft);
		const errors = checkSettingsDraft(draft, RULE_SETS);
		expect(Object.keys(errors)).toEqual([field]);
		expect(errors[field]).toMatch(message);
	});

	it('reads BOIN and the new window days from the draft; applySettings records who set the days', () => {
		const draft = toSettingsDraft(settings);
		Object.assign(draft.design, { kind: 'boin', target: '0.25', elimination: false, stopAtOne: true });
		draft.windowEnd = 28;
		const s = settingsFromDraft(draft, settings);
		expect(s.design).toEqual({ kind: 'boin', target: 0.25, elimination: false, stopWhenDeescalationImpossible: true });
		expect(s.dltWindow).toMatchObject({ startDay: 1, endDay: 28 });
	});
});
