import { describe, expect, it } from 'vitest';
import { groupByDoseLevel, summarizeSubjects } from './summarize-subjects';
import type { AdverseEvent, DoseAdministration, Subject } from './types';

const s = (usubjid: string, doseLevel: string | null, refStart: string | null = null): Subject => ({
	studyId: 's', usubjid, doseLevel, site: '', sex: '', age: null, enrolled: null, status: 'on_treatment', refStart
});
const d = (usubjid: string, seq: number, start: string, end: string | null = null): DoseAdministration => ({
	studyId: 's', usubjid, seq, drug: 'A', start, end, dose: 1, unit: 'mg', cycle: null, day: null
});
const a = (usubjid: string, grade: AdverseEvent['grade'], serious = false) =>
	({ usubjid, grade, serious }) as AdverseEvent;

describe('summarizeSubjects', () => {
	const rows = summarizeSubjects(
		[s('S-10', 'DL2'), s('S-2', 'DL1'), s('S-3', null, '2025-01-05'), s('S-4', 'DL1')],
		[d('S-2', 2, '2025-02-01'), d('S-2', 1, '2025-01-10', '2025-01-10T11:00'), d('S-10', 1, '2025-03')],
		[a('S-2', 2), a('S-2', 4, true), a('S-2', null), a('S-10', 1)]
	);
	it('orders subjects naturally (S-2 before S-10)', () => {
		expect(rows.map((r) => r.subject.usubjid)).toEqual(['S-2', 'S-3', 'S-4', 'S-10']);
	});
	it.each([
		// subject, first dose, last dose, doses, AEs, worst grade, serious
		['S-2', '2025-01-10', '2025-02-01', 2, 3, 4, 1],
		['S-3', '2025-01-05', null, 0, 0, null, 0], // ADaM reference start, no dose records
		['S-4', null, null, 0, 0, null, 0], // never dosed
		['S-10', null, null, 1, 1, 1, 0] // only a partial dose date: no day 1
	])('%s', (id, first, last, doses, aes, worst, serious) => {
		expect(rows.find((r) => r.subject.usubjid === id)).toMatchObject({ firstDose: first, lastDose: last, doses, aes, worstGrade: worst, serious });
	});
	it('groups by dose level in escalation order, empty levels kept, unassigned last', () => {
		const groups = groupByDoseLevel(rows, ['DL1', 'DL2', 'DL3']);
		expect(groups.map((g) => [g.level, g.rows.map((r) => r.subject.usubjid)])).toEqual([
			['DL1', ['S-2', 'S-4']],
			['DL2', ['S-10']],
			['DL3', []],
			[null, ['S-3']]
		]);
	});
});
