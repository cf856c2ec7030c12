/** The real CDISC pilot study: every record must come in, exactly as recorded. */
import { readAllAudit } from '../../src/lib/db/audit-repository';
import { describe, expect, it } from 'vitest';
import { DoseWatchDatabase } from '../../src/lib/db/database';
import { commitImport } from '../../src/lib/db/study-repository';
import { computeFirstExposure } from '../../src/lib/domain/first-exposure';
import { computeStudyDay } from '../../src/lib/domain/partial-date';
import { planImport } from '../../src/lib/io/import/plan-import';
import { resolve } from 'node:path';
import { PILOT, pilotFiles, source } from './helpers';

const plan = planImport(pilotFiles(), { target: null, newStudyId: 'pilot', now: '2026-01-01T00:00:00Z', who: 'tester' });

describe('importing cdiscpilot01', () => {
	it('has no errors and reads every subject, dose and AE record', () => {
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(plan.counts).toMatchObject({ subjects: 306, doses: 591, aes: 1191 });
	});

	it('takes dose levels from ACTARMCD, the placebo arm as a control and the others in the order of their doses, with screen failures at no level', () => {
		expect(plan.study.doseLevels.map((d) => `${d.code}${d.control ? ' (control)' : ''}: ${d.doses.map((x) => `${x.drug} ${x.amount} ${x.unit}`).join(' + ')}`)).toEqual([
			'Pbo (control): PLACEBO 0 mg',
			'Xan_Lo: XANOMELINE 54 mg',
			'Xan_Hi: XANOMELINE 81 mg'
		]);
		expect(plan.study.drugs).toEqual([
			{ code: 'PLACEBO', name: 'PLACEBO', placebo: true },
			{ code: 'XANOMELINE', name: 'XANOMELINE' }
		]);
		expect(plan.subjects.filter((s) => s.doseLevel === null)).toHaveLength(52);
		expect(plan.subjects.filter((s) => s.status === 'screen_failure')).toHaveLength(52);
	});

	it('keeps partial and blank dates exactly as recorded', () => {
		const partial = plan.aes.filter((a) => a.start && a.start.length < 10).map((a) => a.start);
		expect(partial).toHaveLength(26);
		expect(partial).toContain('2012-02');
		expect(partial).toContain('2003');
		expect(plan.aes.filter((a) => a.end === null)).toHaveLength(473);
	});

	it('derives grades from AESEV and marks them derived', () => {
		expect(plan.aes.every((a) => a.gradeDerived)).toBe(true);
		expect(plan.aes.filter((a) => a.grade === 3)).toHaveLength(43); // SEVERE
	});

	it('maps the pilot relatedness wordings and keeps the recorded wording', () => {
		// 01-701-1015 received placebo only: placebo is not a drug, so its AEs are attributed to none.
		expect(plan.aes.find((a) => a.usubjid === '01-701-1015' && a.aeseq === 1)!.attribution).toEqual({});
		const xan = plan.aes.find((a) => a.usubjid === '01-701-1028' && a.aeseq === 1)!;
		expect(plan.subjects.find((s) => s.usubjid === '01-701-1028')!.doseLevel).not.toBe('Pbo');
		expect(xan.attribution).toEqual({ XANOMELINE: expect.any(String) });
		expect(xan.attributionHistory[0]).toMatchObject({ drug: 'XANOMELINE', from: null, recorded: expect.any(String) });
		expect(plan.problems).toContainEqual(expect.objectContaining({ file: 'ae.csv', column: 'AEREL', severity: 'warning', message: expect.stringMatching(/^301 AEs of subjects who received no study drug \(placebo only\) carry a relatedness/) }));
	});

	it('does not merge repeated rows of one term for one subject', () => {
		const byTerm = new Map<string, number>();
		for (const a of plan.aes) byTerm.set(`${a.usubjid}|${a.term}`, (byTerm.get(`${a.usubjid}|${a.term}`) ?? 0) + 1);
		expect([...byTerm.values()].some((n) => n > 1)).toBe(true);
		expect(new Set(plan.aes.map((a) => `${a.usubjid}|${a.aeseq}`)).size).toBe(1191);
	});

	it('computes study days that agree with the sponsor-derived AESTDY', () => {
		// AESTDY in the pilot is derived from RFSTDTC; first exposure is the same date for these subjects.
		const doses = plan.doses.filter((d) => d.usubjid === '01-701-1015');
		const subject = plan.subjects.find((s) => s.usubjid === '01-701-1015')!;
		const first = computeFirstExposure(subject, doses);
		expect(first).toBe('2014-01-02');
		expect(computeStudyDay('2014-01-03', first)).toBe(2); // AESTDY = 2 in ae.csv row 2
	});

	it('is written in one transaction and persists', async () => {
		const db = new DoseWatchDatabase('pilot-test');
		await commitImport(db, plan, { who: 'tester', at: '2026-01-01T00:00:00Z', files: ['dm.csv', 'ex.csv', 'ae.csv'] });
		expect(await db.aes.where('studyId').equals('pilot').count()).toBe(1191);
		expect(await db.subjects.where('studyId').equals('pilot').count()).toBe(306);
		const audit = await readAllAudit(db);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ action: 'import', who: 'tester', after: { counts: { aes: 1191 } } });
		db.close();
	});
});

describe('importing the pilot with its DS (disposition) file', () => {
	const withDs = planImport({ ...pilotFiles(), ds: source(resolve(PILOT, 'ds.csv')) }, { target: null, newStudyId: 'pilot', now: '2026-01-01T00:00:00Z', who: 'tester' });

	it('reads each early discontinuation (not completions, screen failures or other events), with date and reason', () => {
		expect(withDs.problems.filter((p) => p.severity === 'error')).toEqual([]);
		const left = withDs.subjects.filter((s) => s.discontinued);
		expect(left).toHaveLength(144);
		expect(withDs.subjects.find((s) => s.usubjid === '01-701-1023')).toMatchObject({
			status: 'discontinued',
			discontinued: { date: '2012-09-02', reason: 'ADVERSE EVENT' }
		});
		expect(withDs.subjects.find((s) => s.usubjid === '01-701-1015')!.discontinued).toBeUndefined(); // completed
		expect(withDs.mappings.map((m) => m.domain)).toContain('DS');
	});

	it('refuses a DS row for a subject not in DM or with an impossible date, naming file, row and column', () => {
		const bad = 'STUDYID,DOMAIN,USUBJID,DSSEQ,DSTERM,DSDECOD,DSCAT,DSSTDTC\nCDISCPILOT01,DS,NOBODY,1,WITHDREW,WITHDRAWAL BY SUBJECT,DISPOSITION EVENT,2014-01-01\nCDISCPILOT01,DS,01-701-1015,2,WITHDREW,WITHDRAWAL BY SUBJECT,DISPOSITION EVENT,2014-02-30\n';
		const p = planImport({ ...pilotFiles(), ds: { name: 'ds.csv', text: bad } }, { target: null, newStudyId: 'pilot', now: '2026-01-01T00:00:00Z', who: 'tester' });
		const errors = p.problems.filter((x) => x.severity === 'error');
		expect(errors).toEqual([
			expect.objectContaining({ file: 'ds.csv', row: 2, column: 'USUBJID', message: 'subject NOBODY is not in DM' }),
			expect.objectContaining({ file: 'ds.csv', row: 3, column: 'DSSTDTC', message: expect.stringMatching(/not a calendar date/) })
		]);
	});
});
