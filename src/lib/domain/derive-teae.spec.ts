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
		['year-only onset of the first-dose year', '2026', null, [], FIRST, true, /imputed from 2026 as 2 Mar 2026/],
		['day 1 at 08:00, before the 09:00 first dose: pre-dose', '2026-03-02T08:00', null, [{ grade: 2, from: '2026-03-02T08:00' }], FIRST, false, /Started before the first dose/],
		['day 1 at 09:30, after the first dose', '2026-03-02T09:30', null, [], FIRST, true, /on or after the first dose/],
		['pre-dose onset worsening 31 days after the last dose does not count', '2026-02-25', null, [{ grade: 1, from: '2026-02-25' }, { grade: 3, from: '2026-06-04' }], FIRST, false, /did not worsen in the treatment-emergent window/],
		['pre-dose onset worsening 30 days after the last dose counts', '2026-02-25', null, [{ grade: 1, from: '2026-02-25' }, { grade: 3, from: '2026-06-03' }], FIRST, true, /worsened to grade 3 on 3 Jun 2026/]
	] as [string, string | null, string | null, GradeChange[], string | null, boolean, RegExp][])('%s', (_n, start, end, gradeHistory, first, flag, reason) => {
		const r = deriveTeae({ start, end, gradeHistory }, first, LAST, 30);
		expect(r.teae).toBe(flag);
		expect(r.reason).toMatch(reason);
	});

	it('a last exposure without an end date ends on its start date: the 30 days count from it', () => {
		// LAST is the start of a dose record with no end: day 30 after it is 3 Jun, day 31 is 4 Jun.
		expect(deriveTeae({ start: '2026-06-04', end: null, gradeHistory: [] }, FIRST, LAST, 30)).toMatchObject({ teae: false });
		expect(deriveTeae({ start: '2026-06-03', end: null, gradeHistory: [] }, FIRST, LAST, 30)).toMatchObject({ teae: true });
	});

	it('with no limit (protocol 001: through study completion) any onset after the first dose counts', () => {
		const r = deriveTeae({ start: '2027-01-15', end: null, gradeHistory: [] }, FIRST, LAST, null);
		expect(r).toMatchObject({ teae: true, reason: expect.stringMatching(/through study completion/) });
	});

	it('says when the onset was imputed and what it became', () => {
		expect(imputeOnset('2026-03', FIRST)).toEqual({ date: '2026-03-02', imputed: true });
		expect(imputeOnset('2026-04', FIRST)).toEqual({ date: '2026-04-01', imputed: true });
		expect(imputeOnset('2026-03-09T10:00', FIRST)).toEqual({ date: '2026-03-09', imputed: false });
		expect(imputeOnset(null, FIRST)).toBeNull();
	});
});
