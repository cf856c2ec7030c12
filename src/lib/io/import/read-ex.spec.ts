import { describe, expect, it } from 'vitest';
import { computeFirstExposure } from '../../domain/first-exposure';
import { csv, dm, plan, problemsOf } from './reader-test-kit';
import { parseVisit } from './read-ex';

const EX = 'USUBJID,EXSEQ,EXTRT,EXDOSE,EXDOSU,EXSTDTC,EXENDTC,VISIT';
const ex = (...rows: string[]) => csv('ex.csv', EX, ...rows);

describe('read-ex: dose records from EX', () => {
	it('keeps a held dose (EXDOSE 0) as a record, and day 1 is the first dose above zero', () => {
		const p = plan({ dm: dm('S-1,DL1,DL1,,,50'), ex: ex('S-1,1,DRUGX,0,mg,2026-03-02,2026-03-02,CYCLE 1 DAY 1', 'S-1,2,DRUGX,10,mg,2026-03-09,2026-03-09,CYCLE 1 DAY 8') });
		expect(problemsOf(p)).toEqual([]);
		expect(p.doses.map((d) => d.dose)).toEqual([0, 10]);
		expect(computeFirstExposure(p.subjects[0]!, p.doses)).toBe('2026-03-09');
		expect(p.study.drugs).toEqual([{ code: 'DRUGX', name: 'DRUGX' }]);
	});

	it.each([
		{ name: 'a negative dose', row: 'S-1,1,DRUGX,-1,mg,2026-03-02,,', problem: /^ex.csv 2 EXDOSE: dose "-1" is not a plain decimal number ≥ 0/ },
		{ name: 'an end before the start', row: 'S-1,1,DRUGX,10,mg,2026-03-02,2026-03-01,', problem: /^ex.csv 2 EXENDTC: end 2026-03-01 is before start 2026-03-02/ },
		{ name: 'a subject not in DM', row: 'S-9,1,DRUGX,10,mg,2026-03-02,,', problem: /^ex.csv 2 USUBJID: subject "S-9" is not in dm.csv/ },
		{ name: 'an EXSEQ that is not a whole number', row: 'S-1,1.5,DRUGX,10,mg,2026-03-02,,', problem: /^ex.csv 2 EXSEQ: EXSEQ "1.5" is not a whole number/ },
		{ name: 'a blank start', row: 'S-1,1,DRUGX,10,mg,,,', problem: /^ex.csv 2 EXSTDTC: the date is blank/ }
	])('refuses $name, naming file, row and column', ({ row, problem }) => {
		expect(problemsOf(plan({ dm: dm('S-1,DL1,DL1,,,50'), ex: ex(row) }))).toContainEqual(expect.stringMatching(problem));
	});

	it('a subject with a dose level but no dose record in the EX given was never treated', () => {
		const p = plan({ dm: dm('S-1,DL1,DL1,,,50', 'S-2,DL1,DL1,,,50'), ex: ex('S-1,1,DRUGX,10,mg,2026-03-02,,') });
		expect(p.subjects.map((s) => s.status)).toEqual(['on_treatment', 'not_treated']);
	});

	it.each([
		['CYCLE 2 DAY 8', { cycle: 2, day: 8 }],
		['C2D8', { cycle: 2, day: 8 }],
		['Cycle 3, Day 1', { cycle: 3, day: 1 }],
		['SCREENING', { cycle: null, day: null }]
	])('reads the visit %s', (visit, expected) => {
		expect(parseVisit(visit)).toEqual(expected);
	});
});
