import { describe, expect, it } from 'vitest';
import { dm, plan, problemsOf } from './reader-test-kit';

describe('read-dm: subjects, dose levels and deaths from DM', () => {
	it.each([
		{ name: 'ACTARMCD is the dose level actually received', row: 'S-1,DL1,DL2,,,50', expect: { doseLevel: 'DL2', status: 'on_treatment', death: null } },
		{ name: 'a screen failure has no dose level', row: 'S-1,SCRNFAIL,SCRNFAIL,,,50', expect: { doseLevel: null, status: 'screen_failure' } },
		{ name: 'assigned but never treated keeps the planned level, not treated', row: 'S-1,DL2,NOTTRT,,,50', expect: { doseLevel: 'DL2', status: 'not_treated' } },
		{ name: 'DTHDTC is a death with its date', row: 'S-1,DL1,DL1,2026-03-16,Y,50', expect: { death: { date: '2026-03-16', source: 'DM DTHDTC' } } },
		{ name: 'DTHFL = Y alone is a death without a date', row: 'S-1,DL1,DL1,,Y,50', expect: { death: { date: null, source: 'DM DTHFL = Y' } } },
		{ name: 'a partial DTHDTC is kept as recorded', row: 'S-1,DL1,DL1,2026-03,,50', expect: { death: { date: '2026-03', source: 'DM DTHDTC' } } }
	])('$name', ({ row, expect: e }) => {
		const p = plan({ dm: dm(row) });
		expect(problemsOf(p)).toEqual([]);
		expect(p.subjects[0]).toMatchObject(e);
	});

	it.each([
		{ name: 'a DTHDTC that is not a date', rows: ['S-1,DL1,DL1,16/03/2026,Y,50'], problem: /^dm.csv 2 DTHDTC: / },
		{ name: 'a duplicate subject', rows: ['S-1,DL1,DL1,,,50', 'S-1,DL1,DL1,,,51'], problem: /^dm.csv 3 USUBJID: duplicate subject S-1 \(first at row 2\)/ },
		{ name: 'an age outside 0–120', rows: ['S-1,DL1,DL1,,,130'], problem: /^dm.csv 2 AGE: age "130" is not a number of years 0–120/ },
		{ name: 'a blank USUBJID', rows: [',DL1,DL1,,,50'], problem: /^dm.csv 2 USUBJID: USUBJID is blank/ }
	])('refuses $name, naming file, row and column', ({ rows, problem }) => {
		expect(problemsOf(plan({ dm: dm(...rows) }))).toContainEqual(expect.stringMatching(problem));
	});

	it('a new study takes its dose levels from DM in natural order (DL2 before DL10)', () => {
		const p = plan({ dm: dm('S-1,DL10,DL10,,,50', 'S-2,DL2,DL2,,,50') });
		expect(p.study.doseLevels.map((l) => l.code)).toEqual(['DL2', 'DL10']);
	});
});
