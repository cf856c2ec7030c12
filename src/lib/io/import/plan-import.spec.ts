/** Column mapping: which column each field is read from when several are present, and what is not read. */
import { describe, expect, it } from 'vitest';
import { planImport } from './plan-import';

const options = { target: null, newStudyId: 's', now: 't', who: 'w' };
const dm = (header: string, row: string) => ({ name: 'dm.csv', text: `${header}\n${row}\n` });

describe('column mapping', () => {
	it.each([
		// DM header, row, field, expected column, expected dose level
		['USUBJID,ACTARMCD,ARMCD', 'S-1,DL2,DL1', 'doseLevel', 'ACTARMCD', 'DL2'], // the level actually received wins
		['USUBJID,ARMCD', 'S-1,DL1', 'doseLevel', 'ARMCD', 'DL1'], // else the planned arm
		['USUBJID,ACTARMCD,ARMCD', 'S-1,NOTTRT,DL3', 'doseLevel', 'ACTARMCD', 'DL3'], // assigned but never treated: planned level kept
		['USUBJID,ACTARMCD,ARMCD', 'S-1,SCRNFAIL,SCRNFAIL', 'doseLevel', 'ACTARMCD', null] // screen failure: no level
	])('DM %s → %s read from %s', (header, row, field, column, level) => {
		const plan = planImport({ dm: dm(header, row) }, options);
		expect(plan.mappings[0]!.fields.find((f) => f.field === field)!.column).toBe(column);
		expect(plan.subjects[0]!.doseLevel).toBe(level);
	});

	it('prefers AEBODSYS to AESOC and AETOXGR to AESEV, and lists the columns it does not read', () => {
		const ae = {
			name: 'ae.csv',
			text: 'USUBJID,AESEQ,AETERM,AEDECOD,AEBODSYS,AESOC,AETOXGR,AESEV,AESTDTC,SPONSORCOL\nS-1,1,sick,Nausea,Gastrointestinal disorders,GI (primary),3,MILD,2026-01-05,x\n'
		};
		const plan = planImport({ dm: dm('USUBJID,ACTARMCD', 'S-1,DL1'), ae }, options);
		const m = plan.mappings.find((x) => x.domain === 'AE')!;
		expect(m.fields.find((f) => f.field === 'soc')!.column).toBe('AEBODSYS');
		expect(m.fields.find((f) => f.field === 'grade')!.column).toBe('AETOXGR');
		expect(m.ignored).toEqual(['AESOC', 'SPONSORCOL']);
		expect(plan.aes[0]).toMatchObject({ soc: 'Gastrointestinal disorders', grade: 3, gradeDerived: false });
	});

	it('reads per-drug relatedness from AEREL_<drug> or AERELn, in the study’s drug order', () => {
		const ex = { name: 'ex.csv', text: 'USUBJID,EXSEQ,EXTRT,EXSTDTC\nS-1,1,DRUGA,2026-01-01\nS-1,2,DRUGB,2026-01-01\n' };
		const ae = { name: 'ae.csv', text: 'USUBJID,AESEQ,AETERM,AESTDTC,AEREL,AEREL_DRUGB,AEREL1\nS-1,1,x,2026-01-05,NOT RELATED,PROBABLE,POSSIBLE\n' };
		const plan = planImport({ dm: dm('USUBJID,ACTARMCD', 'S-1,DL1'), ex, ae }, options);
		expect(plan.aes[0]!.attribution).toEqual({ DRUGA: 'possible', DRUGB: 'probable' });
		expect(plan.mappings.find((x) => x.domain === 'AE')!.fields.filter((f) => f.field.startsWith('relatedness to'))).toEqual([
			{ field: 'relatedness to DRUGA', column: 'AEREL1', required: false },
			{ field: 'relatedness to DRUGB', column: 'AEREL_DRUGB', required: false }
		]);
	});
});

describe('a new study’s control arm, placebo and dose order', () => {
	const dmText = { name: 'dm.csv', text: 'USUBJID,ACTARMCD\nP-1,ARM_A\nH-1,HIGH\nL-1,LOW\nZ-1,HELD\n' };
	const ex = {
		name: 'ex.csv',
		text: [
			'USUBJID,EXSEQ,EXTRT,EXDOSE,EXDOSU,EXSTDTC',
			'P-1,1,PLACEBO,0,mg,2026-01-01',
			'H-1,1,DRUGX,20,mg,2026-01-01',
			'L-1,1,DRUGX,10,mg,2026-01-01',
			'Z-1,1,DRUGX,0,mg,2026-01-01' // every dose of the study drug held: still a dose level, not a control
		].join('\n')
	};
	const plan = planImport({ dm: dmText, ex }, options);

	it.each([
		['placebo only (whatever its name): a control arm', 'ARM_A', true],
		['study drug given: a dose level', 'LOW', false],
		['study drug held at every dose: still a dose level', 'HELD', false]
	])('%s', (_name, code, control) => {
		expect(Boolean(plan.study.doseLevels.find((l) => l.code === code)!.control)).toBe(control);
	});

	it('a level whose name only mentions a placebo stays a dose level; one named "Placebo" without dose records is a control', () => {
		const p = planImport({ dm: { name: 'dm.csv', text: 'USUBJID,ACTARMCD,ACTARM\nA-1,DL2,DL2 + placebo\nB-1,PBO,Placebo\n' } }, options);
		expect(p.study.doseLevels.map((l) => `${l.code}${l.control ? ' (control)' : ''}`)).toEqual(['DL2', 'PBO (control)']);
	});

	it('marks the placebo and leaves the order natural when a level has no dose above zero', () => {
		expect(plan.study.drugs).toEqual([{ code: 'PLACEBO', name: 'PLACEBO', placebo: true }, { code: 'DRUGX', name: 'DRUGX' }]);
		expect(plan.study.doseLevels.map((l) => l.code)).toEqual(['ARM_A', 'HELD', 'HIGH', 'LOW']);
	});

	it('orders the dose levels by their doses when each has one, and says so', () => {
		const p = planImport({ dm: { name: 'dm.csv', text: 'USUBJID,ACTARMCD\nP-1,ARM_A\nH-1,HIGH\nL-1,LOW\n' }, ex: { ...ex, text: ex.text.split('\n').slice(0, 4).join('\n') } }, options);
		expect(p.study.doseLevels.map((l) => l.code)).toEqual(['ARM_A', 'LOW', 'HIGH']);
		expect(p.problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^escalation order from the doses in EX: LOW \(10 mg\), HIGH \(20 mg\) \(the arm codes' own order was HIGH, LOW\); control arm, not a level of the escalation: ARM_A/) }));
	});
});
