import { describe, expect, it } from 'vitest';
import { asRecorded } from './read-ae';
import { csv, dm, plan, problemsOf } from './reader-test-kit';

const EX = csv('ex.csv', 'USUBJID,EXSEQ,EXTRT,EXDOSE,EXSTDTC', 'S-1,1,DRUG A,10,2026-03-02', 'S-1,2,DRUG B,5,2026-03-02');
const AE = 'USUBJID,AESEQ,AETERM,AEDECOD,AEPTCD,AELLTCD,AEBODSYS,AETOXGR,AESEV,AESTDTC,AEENDTC,AEREL1,AEREL2,AESDTH,AEOUT,AECONTRT,AEGRHIST';
const ae = (...rows: string[]) => csv('ae.csv', AE, ...rows);
const one = (row: string) => plan({ dm: dm('S-1,DL1,DL1,,,50'), ex: EX, ae: ae(row) });

describe('read-ae: adverse events from AE', () => {
	it.each([
		{ name: 'MedDRA codes and the British term as exported', row: 'S-1,1,diarrhoea,DIARRHOEA,10012735,10012727,GASTROINTESTINAL DISORDERS,3,,2026-03-05,2026-03-08,POSSIBLY RELATED,NOT RELATED,N,RECOVERED/RESOLVED,Y,', expect: { term: 'DIARRHOEA', ptCode: '10012735', lltCode: '10012727', grade: 3 } },
		{ name: 'attribution per drug from AEREL1 and AEREL2', row: 'S-1,1,x,Colitis,,,GI,3,,2026-03-05,,PROBABLY RELATED,NOT RELATED,N,,N,', expect: { attribution: { 'DRUG A': 'probable', 'DRUG B': 'not_related' } } },
		{ name: 'a grade from AESEV is marked derived', row: 'S-1,1,x,Colitis,,,GI,,SEVERE,2026-03-05,,POSSIBLY RELATED,POSSIBLY RELATED,N,,N,', expect: { grade: 3, gradeDerived: true } },
		{ name: 'AESDTH = Y is a seriousness criterion, AEOUT kept', row: 'S-1,1,x,Sepsis,,,Infections,5,,2026-03-05,2026-03-07,NOT RELATED,NOT RELATED,Y,FATAL,Y,', expect: { seriousCriteria: ['AESDTH'], outcome: 'FATAL' } },
		{ name: 'the grade history from AEGRHIST', row: 'S-1,1,x,Colitis,,,GI,3,,2026-03-05,,POSSIBLY RELATED,POSSIBLY RELATED,N,,N,2@2026-03-05;3@2026-03-08', expect: { gradeHistory: [{ grade: 2, from: '2026-03-05' }, { grade: 3, from: '2026-03-08' }] } },
		{ name: 'no AEGRHIST: the grade from the onset', row: 'S-1,1,x,Colitis,,,GI,3,,2026-03-05,,POSSIBLY RELATED,POSSIBLY RELATED,N,,N,', expect: { gradeHistory: [{ grade: 3, from: '2026-03-05' }] } }
	])('$name', ({ row, expect: e }) => {
		const p = one(row);
		expect(problemsOf(p)).toEqual([]);
		expect(p.aes[0]).toMatchObject(e);
	});

	it.each([
		{ name: 'a grade history out of time order', row: 'S-1,1,x,Colitis,,,GI,3,,2026-03-05,,POSSIBLY RELATED,POSSIBLY RELATED,N,,N,3@2026-03-08;2@2026-03-05', problem: /^ae.csv 2 AEGRHIST: grade changes are not in time order/ },
		{ name: 'a history whose worst grade differs from AETOXGR', row: 'S-1,1,x,Colitis,,,GI,4,,2026-03-05,,POSSIBLY RELATED,POSSIBLY RELATED,N,,N,2@2026-03-05;3@2026-03-08', problem: /^ae.csv 2 AEGRHIST: the worst grade in the history \(3\) differs from AETOXGR \(4\)/ },
		{ name: 'AECONTRT that is not Y or N', row: 'S-1,1,x,Colitis,,,GI,3,,2026-03-05,,POSSIBLY RELATED,POSSIBLY RELATED,N,,MAYBE,', problem: /^ae.csv 2 AECONTRT: AECONTRT "MAYBE" is not Y or N/ },
		{ name: 'AESDTH that is not Y or N', row: 'S-1,1,x,Colitis,,,GI,3,,2026-03-05,,POSSIBLY RELATED,POSSIBLY RELATED,X,,N,', problem: /^ae.csv 2 AESDTH: AESDTH "X" is not Y or N/ },
		{ name: 'a grade outside 1–5', row: 'S-1,1,x,Colitis,,,GI,7,,2026-03-05,,POSSIBLY RELATED,POSSIBLY RELATED,N,,N,', problem: /^ae.csv 2 AETOXGR: / }
	])('refuses $name, naming file, row and column', ({ row, problem }) => {
		expect(problemsOf(one(row))).toContainEqual(expect.stringMatching(problem));
	});
});

describe('ADaM dates read back as recorded (asRecorded)', () => {
	it.each([
		['2012-02-01', 'D', '2012-02', 'the day was imputed'],
		['2012-07-01', 'M', '2012', 'month and day were imputed'],
		['2012-07-01', 'Y', '', 'the whole date was imputed'],
		['2012-07-14', '', '2012-07-14', 'no imputation'],
		['2012-07-14', ' d ', '2012-07', 'a flag in any case, with spaces']
	])('%s with flag "%s" reads "%s": %s', (value, flag, expected) => {
		expect(asRecorded(value, flag)).toBe(expected);
	});
});
