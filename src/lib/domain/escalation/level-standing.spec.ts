import { describe, expect, it } from 'vitest';
import { levelStandings } from './level-standing';
import { recommendFor } from './recommend';
import type { EscalationDesign } from '../types';

const standard: EscalationDesign = { kind: '3+3', deescalation: true };
const codes = ['C1', 'C2', 'C3', 'C4', 'C5'];

describe('where the design stands at each dose level', () => {
	it.each([
		// name, n, dlt, standings
		['a study starting', [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], ['enrolling', 'enrolling', 'enrolling', 'enrolling', 'enrolling']],
		['0 of 3, 1 of 3, 2 of 3', [3, 3, 3, 0, 0], [0, 1, 2, 0, 0], ['escalate', 'expand', 'de_escalate', 'de_escalate', 'de_escalate']],
		['the Gentuximab demo: 3 of 6 above 2 of 6, cohort 2 confirmed on 6: stop everywhere', [3, 6, 6, 6, 0], [0, 0, 2, 3, 0], ['stop', 'stop', 'stop', 'stop', 'stop']]
	] as const)('%s', (_name, n, dlt, expected) => {
		expect(levelStandings(standard, n, dlt, codes).map((s) => s.standing)).toEqual(expected);
	});

	it('the row of the dose last given is the Escalation tab’s answer, word for word', () => {
		const n = [3, 6, 6, 6, 0];
		const dlt = [0, 0, 2, 3, 0];
		const rows = levelStandings(standard, n, dlt, codes);
		const tab = recommendFor(standard, { currentDose: 4, n, dlt });
		expect(rows[3]!.detail).toBe(tab.reason.replace(/dose (\d)/g, (_m, d) => `dose ${d} (C${d})`));
		expect(rows[3]!.reason).toBe('3 of 6 evaluable with a DLT; the design: stop, MTD = dose 2 (C2).');
	});

	it('BOIN stays are "stay", not "expand"', () => {
		const boin: EscalationDesign = { kind: 'boin', target: 0.3, elimination: true, stopWhenDeescalationImpossible: false };
		expect(levelStandings(boin, [3, 6, 0], [0, 2, 0], codes.slice(0, 3)).map((s) => s.standing)).toEqual(['escalate', 'stay', 'enrolling']);
	});
});
