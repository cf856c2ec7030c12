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
