import { describe, expect, it } from 'vitest';
import { deriveTeae, imputeOnset } from './derive-teae';
import type { GradeChange } from './types';

const FIRST = '2026-03-02T09:00';
const LAST = '2026-05-04T10:00';

describe('deriveTeae: admiral derive_var_trtemfl cases in order', () => {
	it.each([
		// name, start, end, history, first dose, expected flag, reason
		['no first dose: not flagged', '2026-03-05', null, [], null, false, /No dose given/],
		['ended before the first dose: not flagged', '2026-02-20', '2026-02-25', [], FIRST, false, /before the first dose/],
		['onset unknown: flagged (cautious)', null, null, [], FIRST, true, /Onset date unknown/],
		['onset on the first dose day', '2026-03-02', null, [], FIRST, true, /on or after the first dose/],
		['onset 30 days after the last dose (boundary)', '2026-06-03', null, [], FIRST, true, /within 30 days/],
		['onset 31 days after the last dose', '2026-06-04', null, [], FIRST, false, /more than 30 days after the last dose/],
		['pre-dose onset that worsened on treatment', '2026-02-25', null, [{ grade: 1, from: '2026-02-25' }, { grade: 3, from: '2026-03-10' }], FIRST, true, /worsened to grade 3 on 10 Mar 2026/],
		['pre-dose onset that did not worsen', '2026-02-25', null, [{ grade: 2, from: '2026-02-25' }, { grade: 1, from: '2026-03-10' }], FIRST, false, /did not worsen/],
		['partial onset in the first-dose month: imputed to the first dose', '2026-03', null, [], FIRST, true, /imputed from 2026-03 as 2 Mar 2026/],
		['partial onset a month before: imputed to its first day, pre-dose', '2026-02', null, [], FIRST, false, /imputed from 2026-02 as 1 Feb 2026/],
		['year-only onset of the first-dose year', '2026', null, [], FIRST, true, /imputed from 2026 as 2 Mar 2026/]
	] as [string, string | null, string | null, GradeChange[], string | null, boolean, RegExp][])('%s', (_n, start, end, gradeHistory, first, flag, reason) => {
		const r = deriveTeae({ start, end, gradeHistory }, first, LAST, 30);
		expect(r.teae).toBe(flag);
		expect(r.reason).toMatch(reason);
	});

	it('has no upper bound while exposure is ongoing (last dose record without an end date)', () => {
		const r = deriveTeae({ start: '2026-09-01', end: null, gradeHistory: [] }, FIRST, LAST, 30, true);
		expect(r).toMatchObject({ teae: true, reason: expect.stringMatching(/exposure ongoing/) });
	});

	it('says when the onset was imputed and what it became', () => {
		expect(imputeOnset('2026-03', FIRST)).toEqual({ date: '2026-03-02', imputed: true });
		expect(imputeOnset('2026-04', FIRST)).toEqual({ date: '2026-04-01', imputed: true });
		expect(imputeOnset('2026-03-09T10:00', FIRST)).toEqual({ date: '2026-03-09', imputed: false });
		expect(imputeOnset(null, FIRST)).toBeNull();
	});
});
