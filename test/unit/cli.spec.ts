/** The headless command, run as a user runs it: a child process with real files and exit codes. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PILOT } from './helpers';

const ROOT = resolve(__dirname, '../..');
function dosewatch(...args: string[]) {
	const r = spawnSync(process.execPath, [resolve(ROOT, 'src/cli/bin.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dosewatch validate', () => {
	it('passes the real pilot files with exit 0 and reports the counts', () => {
		const r = dosewatch('validate', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--ae', `${PILOT}/ae.csv`);
		expect(r.code).toBe(0);
		expect(r.out).toContain('306 subjects, 591 dose records, 1191 adverse events');
		expect(r.out).toContain('No problems found.');
	});

	it('prints the same problem as the preview, naming file, row and column, and exits 1', () => {
		const r = dosewatch(
			'validate',
			'--dm', 'test/fixtures/small/dm.csv',
			'--ex', 'test/fixtures/small/ex.csv',
			'--ae', 'test/fixtures/broken/03-grade-out-of-range.ae.csv'
		);
		expect(r.code).toBe(1);
		expect(r.out).toContain('ERROR 03-grade-out-of-range.ae.csv, row 2, AETOXGR: grade "7" is not a CTCAE grade 1–5');
	});

	it('gives JSON on request', () => {
		const r = dosewatch('validate', '--format', 'json', '--dm', 'test/fixtures/small/dm.csv', '--ae', 'test/fixtures/broken/05-unknown-subject.ae.csv');
		expect(r.code).toBe(1);
		expect(JSON.parse(r.out).problems).toContainEqual(expect.objectContaining({ row: 4, column: 'USUBJID' }));
	});

	it('checks dose levels against a preset', () => {
		const r = dosewatch('validate', '--preset', 'sk-nk', '--dm', 'test/fixtures/small/dm.csv');
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/dm.csv, row 2, ACTARMCD: dose level "DL1" is not one of this study's dose levels \(D20, D30\)/);
	});

	it.each([
		[['validate'], /validate needs --dm/],
		[['frobnicate'], /unknown command "frobnicate"/],
		[['validate', '--dm', 'no/such.csv'], /--dm no\/such.csv: cannot read the file \(ENOENT\)/],
		[['validate', '--dm', 'x.csv', '--bogus'], /Unknown option '--bogus'/],
		[['validate', '--preset', 'nope', '--dm', 'x.csv'], /unknown preset "nope"/]
	])('refuses %j with exit 2', (args, message) => {
		const r = dosewatch(...args);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(message);
	});
});

describe('dosewatch evaluate', () => {
	const DEMO = 'static/demo/bat4706-bat1308';
	const demoArgs = ['--dm', `${DEMO}/dm.csv`, '--ex', `${DEMO}/ex.csv`, '--ae', `${DEMO}/ae.csv`, '--as-of', '2026-11-16'];

	it('gives on the 001 demo exactly the verdicts each cast subject was built to show', async () => {
		const { CASES_001 } = await import('../demo/generate-demo');
		const r = dosewatch('evaluate', '--preset', 'bat4706-bat1308', ...demoArgs);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.out);
		expect(out).toMatchObject({ preset: 'bat4706-bat1308', asOf: '2026-11-16', ruleSet: { id: 'bat4706-bat1308', version: 1 } });
		const expected = CASES_001.flatMap((c) =>
			c.aes.map((a, i) => ({ usubjid: `BAT-001-${c.id}`, aeseq: i + 1, verdict: a.expect![0], rule: a.expect![1] }))
		);
		const actual = out.events
			.map((e: { usubjid: string; aeseq: number; verdict: string; rule: string | null }) => ({ usubjid: e.usubjid, aeseq: e.aeseq, verdict: e.verdict, rule: e.rule }))
			.sort((a: { usubjid: string; aeseq: number }, b: { usubjid: string; aeseq: number }) => a.usubjid.localeCompare(b.usubjid) || a.aeseq - b.aeseq);
		expect(actual).toEqual(expected);
	});

	it('summarises subjects and dose levels with the 3+3 standing', () => {
		const out = JSON.parse(dosewatch('evaluate', '--preset', 'bat4706-bat1308', ...demoArgs).out);
		const status = (id: string) => out.subjects.find((s: { usubjid: string }) => s.usubjid === `BAT-001-${id}`);
		expect(status('0204')).toMatchObject({ doseLevel: 'DL2', firstDose: '2026-04-20', windowEnd: '2026-05-10', status: 'dlt' });
		expect(status('0504')).toMatchObject({ status: 'pending' });
		expect(status('0506')).toMatchObject({ status: 'not_evaluable', firstDose: null });
		expect(status('0901')).toMatchObject({ doseLevel: null });
		expect(out.doseLevels).toEqual([
			{ doseLevel: 'DL1', enrolled: 3, evaluable: 3, dlts: 0, pending: 0, decision: 'escalate' },
			{ doseLevel: 'DL2', enrolled: 6, evaluable: 6, dlts: 1, pending: 0, decision: 'escalate' },
			{ doseLevel: 'DL3', enrolled: 6, evaluable: 6, dlts: 1, pending: 0, decision: 'escalate' },
			{ doseLevel: 'DL4', enrolled: 6, evaluable: 6, dlts: 1, pending: 0, decision: 'escalate' },
			{ doseLevel: 'DL5', enrolled: 6, evaluable: 3, dlts: 3, pending: 2, decision: 'de_escalate' }
		]);
	});

	it('lists all 1,191 pilot AE records with study days and TEAE flags that agree with the sponsor', async () => {
		const r = dosewatch('evaluate', '--preset', 'generic', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--ae', `${PILOT}/ae.csv`, '--as-of', '2015-01-01');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.out);
		expect(out.events).toHaveLength(1191);
		expect(out.events.every((e: { studyDay: unknown }) => e.studyDay === null || Number.isInteger(e.studyDay))).toBe(true);
		expect(out.events.filter((e: { studyDay: unknown }) => e.studyDay === null)).toHaveLength(26); // the partial onsets
		const { readFileSync } = await import('node:fs');
		const Papa = (await import('papaparse')).default;
		const supp = Papa.parse<Record<string, string>>(readFileSync(`${PILOT}/suppae.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
		const sponsor = new Map(supp.map((s) => [`${s.USUBJID}/${s.IDVARVAL}`, s.QVAL === 'Y']));
		const disagree = out.events.filter((e: { usubjid: string; aeseq: number; teae: boolean }) => sponsor.get(`${e.usubjid}/${e.aeseq}`) !== e.teae);
		expect(disagree).toEqual([]);
		// AESTDY as derived by the sponsor, where the onset is complete
		const ae = Papa.parse<Record<string, string>>(readFileSync(`${PILOT}/ae.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
		const aestdy = new Map(ae.map((a) => [`${a.USUBJID}/${a.AESEQ}`, a.AESTDY === '' ? null : Number(a.AESTDY)]));
		const dayDiffers = out.events.filter((e: { usubjid: string; aeseq: number; studyDay: number | null }) => e.studyDay !== null && aestdy.get(`${e.usubjid}/${e.aeseq}`) !== e.studyDay);
		expect(dayDiffers.length).toBeLessThan(5);
	});

	it('writes CSV with one row per event and a readable text report', () => {
		const csv = dosewatch('evaluate', '--preset', 'bat4706-bat1308', '--format', 'csv', ...demoArgs);
		const lines = csv.out.trim().split('\r\n');
		expect(lines[0]).toBe('"USUBJID","AESEQ","TERM","GRADE","STUDYDAY","TEAE","INWINDOW","RELATED","VERDICT","RULE","REASON"');
		expect(lines).toHaveLength(38);
		const text = dosewatch('evaluate', '--preset', 'bat4706-bat1308', '--format', 'text', ...demoArgs);
		expect(text.out).toMatch(/DL5 +6 +3 +3 +2 +de_escalate/);
		expect(text.out).toContain('BAT-001-0504 (day 1 2026-11-02, window to 2026-11-22): pending.');
	});

	it('with --study, checks the data against the study and follows its escalation order', async () => {
		const { mkdtempSync, writeFileSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const { createStudyFromPreset, findPreset } = await import('../../src/lib/presets/study-presets');
		const study = createStudyFromPreset(findPreset('bat4706-bat1308')!, { id: 'x', now: 't', isDemo: false });
		study.doseLevels.reverse();
		const file = `${mkdtempSync(`${tmpdir()}/dw-`)}/study.json`;
		writeFileSync(file, JSON.stringify(study));
		const out = JSON.parse(dosewatch('evaluate', '--study', file, ...demoArgs).out);
		expect(out.doseLevels.map((d: { doseLevel: string }) => d.doseLevel)).toEqual(['DL5', 'DL4', 'DL3', 'DL2', 'DL1']);
		writeFileSync(file, JSON.stringify({ ...study, dltWindow: { cycle: 1 } }));
		const bad = dosewatch('evaluate', '--study', file, ...demoArgs);
		expect(bad.code).toBe(2);
		expect(bad.err).toMatch(/study.json: dltWindow.startDay: Invalid key/);
	});

	it.each([
		[['evaluate', '--dm', 'x.csv'], /exactly one of --preset ID or --study FILE/],
		[['evaluate', '--preset', 'generic', '--study', 's.json', '--dm', 'x.csv'], /exactly one of/],
		[['evaluate', '--preset', 'generic', '--dm', 'x.csv', '--as-of', '16/11/2026'], /--as-of "16\/11\/2026" is not a YYYY-MM-DD date/],
		[['evaluate', '--preset', 'nope', '--dm', `${PILOT}/dm.csv`], /unknown DLT rule set or preset "nope"/],
		[['evaluate', '--preset', 'generic', '--dm', `${PILOT}/dm.csv`, '--format', 'xml'], /--format must be json, csv or text/]
	])('refuses %j with exit 2', (args, message) => {
		const r = dosewatch(...args);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(message);
	});

	it('refuses files with errors, exit 1, naming file, row and column', () => {
		const r = dosewatch('evaluate', '--preset', 'generic', '--dm', 'test/fixtures/small/dm.csv', '--ae', 'test/fixtures/broken/03-grade-out-of-range.ae.csv');
		expect(r.code).toBe(1);
		expect(r.err).toContain('03-grade-out-of-range.ae.csv, row 2, AETOXGR');
	});
});
