import { describe, expect, it } from 'vitest';
import { csv, dm, plan, problemsOf } from './reader-test-kit';

const DS = 'USUBJID,DSDECOD,DSTERM,DSCAT,DSSTDTC';
const ds = (...rows: string[]) => csv('ds.csv', DS, ...rows);

describe('read-ds: early ends and deaths from DS', () => {
	it.each([
		{ name: 'a withdrawal is an early end', rows: ['S-1,WITHDRAWAL BY SUBJECT,,DISPOSITION EVENT,2026-03-11'], expect: { discontinued: { date: '2026-03-11', reason: 'WITHDRAWAL BY SUBJECT' }, status: 'discontinued' } },
		{ name: 'a death is an early end and a death', rows: ['S-1,DEATH,DIED,DISPOSITION EVENT,2026-03-16'], expect: { discontinued: { date: '2026-03-16', reason: 'DEATH' }, death: { date: '2026-03-16', source: 'DS DSDECOD = DEATH' } } },
		{ name: 'a completion is no early end', rows: ['S-1,COMPLETED,,DISPOSITION EVENT,2026-06-01'], expect: { status: 'on_treatment' } },
		{ name: 'a protocol milestone is not a disposition event', rows: ['S-1,RANDOMIZED,,PROTOCOL MILESTONE,2026-02-20'], expect: { status: 'on_treatment' } },
		{ name: 'of two early ends, the earlier counts', rows: ['S-1,ADVERSE EVENT,,DISPOSITION EVENT,2026-04-01', 'S-1,LOST TO FOLLOW-UP,,DISPOSITION EVENT,2026-03-20'], expect: { discontinued: { date: '2026-03-20', reason: 'LOST TO FOLLOW-UP' } } }
	])('$name', ({ rows, expect: e }) => {
		const p = plan({ dm: dm('S-1,DL1,DL1,,,50'), ds: ds(...rows) });
		expect(problemsOf(p)).toEqual([]);
		expect(p.subjects[0]).toMatchObject(e);
	});

	it('a DS date DM does not know of names file, row and column', () => {
		expect(problemsOf(plan({ dm: dm('S-1,DL1,DL1,,,50'), ds: ds('S-9,DEATH,,DISPOSITION EVENT,2026-03-16') }))).toContainEqual(expect.stringMatching(/^ds.csv 2 USUBJID: subject S-9 is not in DM/));
	});
});
