import { describe, expect, it } from 'vitest';
import type { DoseAdministration, SafetyResult } from '../types';
import { aroundDoses } from './around-doses';

const dose = (seq: number, start: string, end: string | null, amount = 1): DoseAdministration => ({ studyId: 's', usubjid: 'S', seq, drug: 'NK', start, end, dose: amount, unit: 'cells', cycle: 1, day: 1 });
let n = 0;
const lym = (date: string, value: number): SafetyResult => ({
	studyId: 's', usubjid: 'S', domain: 'LB', seq: ++n, testcd: 'LYM', test: '', category: '', value, text: '', unit: 'GI/L', low: 1, high: 4, nrind: '', baselineFlag: false, date, visit: ''
});

describe('values before and after each infusion', () => {
	it.each<[string, SafetyResult[], number | null, number | null]>([
		['a pre-dose draw that morning and one two hours after the end', [lym('2026-05-06T08:00', 1.5), lym('2026-05-06T12:45', 2.0)], 1.5, 2.0],
		['a draw during the infusion is neither', [lym('2026-05-06T10:20', 1.8)], null, null],
		['a pre-dose draw of the day before, within 24 hours', [lym('2026-05-05T14:00', 1.4)], 1.4, null],
		['a draw more than 24 hours before is not "before"', [lym('2026-05-05T08:00', 1.4)], null, null],
		['a draw the next morning, within 24 hours of the end, is "after"', [lym('2026-05-07T08:00', 1.9)], null, 1.9],
		['a dosing-day draw without a time counts as pre-dose', [lym('2026-05-06', 1.6)], 1.6, null]
	])('%s', (_n, results, before, after) => {
		const [a] = aroundDoses(results, [dose(1, '2026-05-06T10:00', '2026-05-06T10:45')]);
		expect(a!.before?.value ?? null).toBe(before);
		expect(a!.after?.value ?? null).toBe(after);
		expect(a!.change).toBe(before !== null && after !== null ? after - before : null);
	});

	it('leaves out held doses (dose 0) and orders the doses in time', () => {
		const rows = aroundDoses([], [dose(2, '2026-05-13T10:00', null), dose(1, '2026-05-06T10:00', null), dose(3, '2026-05-20T10:00', null, 0)]);
		expect(rows.map((r) => r.dose.seq)).toEqual([1, 2]);
	});
});
