/** The headless command, run as a user runs it: a child process with real files and exit codes. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PILOT } from './helpers';

const ROOT = resolve(__dirname, '../..');
function dosewatch(...args: string[]) {
	return dosewatchWithInput('', ...args);
}
function dosewatchWithInput(input: string, ...args: string[]) {
	const r = spawnSync(process.execPath, [resolve(ROOT, 'src/cli/bin.js'), ...args], { cwd: ROOT, encoding: 'utf8', input });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dosewatch validate', () => {
	it('passes the real pilot files with exit 0 and reports the counts', () => {
		const r = dosewatch('validate', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--ae', `${PILOT}/ae.csv`);
		expect(r.code).toBe(0);
		expect(r.out).toContain('306 subjects, 591 dose records, 1191 adverse events');
		expect(r.out).not.toMatch(/\berror\b/i);
		expect(r.out).toContain('escalation order from the doses in EX: Xan_Lo (54 mg), Xan_Hi (81 mg)');
		expect(r.out).toContain('control arm, not a level of the escalation: Pbo');
	});

	it('reads the DS file when given and says how many subjects left early', () => {
		const r = dosewatch('validate', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--ae', `${PILOT}/ae.csv`, '--ds', `${PILOT}/ds.csv`);
		expect(r.code).toBe(0);
		expect(r.out).toContain('144 left the study early (DS)');
		expect(r.out).toContain('ds.csv (DS): usubjid←USUBJID, decod←DSDECOD');
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
		expect(out).toMatchObject({ preset: 'bat4706-bat1308', asOf: '2026-11-16', ruleSet: { id: 'bat4706-bat1308', version: 2 } });
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
		expect(out.doseLevels.map(({ reason: _r, ...rest }: { reason: string }) => rest)).toEqual([
			// The design's answer at each level (the same function as the Escalation tab): DL5 is too toxic and DL4
			// has 1 DLT in 6, so every level reads "stop, MTD DL4".
			{ doseLevel: 'DL1', enrolled: 3, evaluable: 3, dlts: 0, pending: 0, decision: 'stop' },
			{ doseLevel: 'DL2', enrolled: 6, evaluable: 6, dlts: 1, pending: 0, decision: 'stop' },
			{ doseLevel: 'DL3', enrolled: 6, evaluable: 6, dlts: 1, pending: 0, decision: 'stop' },
			{ doseLevel: 'DL4', enrolled: 6, evaluable: 6, dlts: 1, pending: 0, decision: 'stop' },
			{ doseLevel: 'DL5', enrolled: 6, evaluable: 3, dlts: 3, pending: 2, decision: 'stop' }
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
		// One subject's last patch record (01-705-1303 EXSEQ 2, 31 Dec 2013) has no end date: DoseWatch ends that
		// exposure on its start date (issue 11), so AEs from 5 Feb 2014 are more than 30 days after it. The sponsor
		// carried the patch on. Every other record agrees.
		expect(disagree.map((e: { usubjid: string; aeseq: number }) => `${e.usubjid}/${e.aeseq}`).sort()).toEqual(['01-705-1303/1', '01-705-1303/2', '01-705-1303/3', '01-705-1303/4']);
		// AESTDY as derived by the sponsor, where the onset is complete
		const ae = Papa.parse<Record<string, string>>(readFileSync(`${PILOT}/ae.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
		const aestdy = new Map(ae.map((a) => [`${a.USUBJID}/${a.AESEQ}`, a.AESTDY === '' ? null : Number(a.AESTDY)]));
		const dayDiffers = out.events.filter((e: { usubjid: string; aeseq: number; studyDay: number | null }) => e.studyDay !== null && aestdy.get(`${e.usubjid}/${e.aeseq}`) !== e.studyDay);
		expect(dayDiffers.length).toBeLessThan(5);
	});

	it('gives the Escalation tab’s answer: the Gentuximab demo stops with MTD C2, never a cohort with 2 DLTs', () => {
		const D = 'static/demo/gentuximab';
		const out = JSON.parse(dosewatch('evaluate', '--preset', 'gentuximab', '--dm', `${D}/dm.csv`, '--ex', `${D}/ex.csv`, '--ae', `${D}/ae.csv`, '--as-of', '2026-11-16').out);
		expect(out.doseLevels.filter((l: { dlts: number }) => l.dlts >= 2).map((l: { doseLevel: string }) => l.doseLevel)).toEqual(['C3', 'C4', 'C5']);
		expect(out.recommendation).toMatchObject({ kind: 'stop', mtd: 'C2' });
		expect(out.recommendation.reason).toMatch(/dose 3 \(C3\) has 2 DLTs in 6: it and every dose above it .* are too toxic/);
		const text = dosewatch('evaluate', '--preset', 'gentuximab', '--format', 'text', '--dm', `${D}/dm.csv`, '--ex', `${D}/ex.csv`, '--ae', `${D}/ae.csv`, '--as-of', '2026-11-16').out;
		expect(text).toContain('Recommendation: Stop. MTD: C2.');
	});

	it('writes CSV with one row per event and a readable text report', () => {
		const csv = dosewatch('evaluate', '--preset', 'bat4706-bat1308', '--format', 'csv', ...demoArgs);
		const lines = csv.out.trim().split('\r\n');
		expect(lines[0]).toBe('"USUBJID","AESEQ","TERM","GRADE","STUDYDAY","TEAE","INWINDOW","RELATED","VERDICT","RULE","FATAL","REASON","COMMITTEE","COMMITTEE_REASON","RULESET"');
		expect(lines).toHaveLength(38);
		const text = dosewatch('evaluate', '--preset', 'bat4706-bat1308', '--format', 'text', ...demoArgs);
		expect(text.out).toMatch(/DL5 +6 +3 +3 +2 +stop/);
		expect(text.out).toContain('MTD = dose 4 (DL4)');
		expect(text.out).toContain('BAT-001-0504 (day 1 2026-11-02, window to 2026-11-22): pending.');
	});

	it('with --rules, judges each subject by the rule set version in force on their day 1, as the app does', async () => {
		const { findRuleSet } = await import('../../src/lib/presets/dlt-rule-sets');
		const base = findRuleSet('bat4706-bat1308')!;
		// Amendment 3 (from 21 April 2026): nausea, vomiting and diarrhoea relieved within 4 days are excepted.
		const amended = structuredClone(base);
		Object.assign(amended, { id: 'study-x', version: 3, effectiveFrom: '2026-04-21', amendment: 'Amendment 3' });
		Object.assign(amended.rules[0]!.exceptions![0]!, { withinHours: 96, limitText: '4 days' });
		const dir = mkdtempSync(`${tmpdir()}/dw-`);
		writeFileSync(`${dir}/rules.json`, JSON.stringify([amended, base]));
		const out = JSON.parse(dosewatch('evaluate', '--preset', 'bat4706-bat1308', '--rules', `${dir}/rules.json`, ...demoArgs).out);
		const subject = (id: string) => out.subjects.find((s: { usubjid: string }) => s.usubjid === `BAT-001-${id}`);
		// BAT-001-0204, dosed 20 April, keeps version 2: its diarrhoea relieved in 4 days stays a DLT.
		expect(subject('0204')).toMatchObject({ status: 'dlt', ruleSet: { id: 'bat4706-bat1308', version: 2 } });
		expect(subject('0301').ruleSet).toMatchObject({ id: 'study-x', version: 3, effectiveFrom: '2026-04-21', amendment: 'Amendment 3' });
		expect(out.ruleSetsUsed.map((r: { version: number }) => r.version)).toEqual([2, 3]);
		// Everyone under the amendment (effective from the start): 0204's diarrhoea is excepted.
		writeFileSync(`${dir}/rules.json`, JSON.stringify({ ...amended, effectiveFrom: null }));
		expect(JSON.parse(dosewatch('evaluate', '--preset', 'bat4706-bat1308', '--rules', `${dir}/rules.json`, ...demoArgs).out).subjects.find((s: { usubjid: string }) => s.usubjid === 'BAT-001-0204').status).toBe('no_dlt');
		writeFileSync(`${dir}/rules.json`, JSON.stringify({ ...amended, rules: [{ ...amended.rules[0], grade: { min: 7 } }] }));
		const bad = dosewatch('evaluate', '--preset', 'bat4706-bat1308', '--rules', `${dir}/rules.json`, ...demoArgs);
		expect(bad.code).toBe(2);
		expect(bad.err).toMatch(/--rules .*rules\.json: rules\.0\.grade\.min/);
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

describe('dosewatch recommend and boundaries', () => {
	it('answers a JSON array of scenarios in order, with the defaults', () => {
		const scenarios = [
			{ design: '3+3', currentDose: 2, n: [3, 6, 0], dlt: [0, 1, 0] },
			{ design: '3+3', currentDose: 2, n: [3, 3, 0], dlt: [0, 2, 0], deescalation: true },
			{ design: 'boin', currentDose: 1, n: [3, 0, 0], dlt: [3, 0, 0] },
			{ design: 'boin', currentDose: 2, n: [3, 6, 0], dlt: [0, 2, 0], target: 0.25 }
		];
		const r = dosewatchWithInput(JSON.stringify(scenarios), 'recommend', '--json');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.out);
		expect(out.map((x: { nextDose: number | null; continue: boolean; mtd: number | null }) => [x.nextDose, x.continue, x.mtd])).toEqual([
			[3, true, null],
			[1, true, null],
			[null, false, null],
			[1, true, null] // φ = 0.25: 2 of 6 reaches the de-escalation boundary (λd ≈ 0.298)
		]);
		expect(out[0].reason).toBe('1 DLT in 6 at dose 2: escalate to dose 3 (rule 4).');
	});

	it('answers one scenario in words', () => {
		const r = dosewatch('recommend', '--design', '3+3', '--current-dose', '3', '--n', '3,3,3', '--dlt', '0,0,0');
		expect(r.code).toBe(0);
		expect(r.out).toBe('Next cohort: dose 3.\n0 DLTs in 3 at dose 3, the top dose; dose 3 has 0 DLTs in 3 (6 needed to confirm an MTD): treat 3 more at dose 3 (rule 4).\n');
		const storer = dosewatch('recommend', '--design', '3+3', '--storer', '--current-dose', '3', '--n', '3,3,3', '--dlt', '0,0,0');
		expect(storer.out).toMatch(/^Stop\. MTD: dose 3\.\n.*Storer's variant/);
	});

	it('answers the Gentuximab demo state as the app does: MTD cohort 2, never a dose with 2 DLTs', () => {
		const r = dosewatch('recommend', '--design', '3+3', '--current-dose', '4', '--n', '3,6,6,6,0', '--dlt', '0,0,2,3,0');
		expect(r.out).toMatch(/^Stop\. MTD: dose 2\./);
	});

	it.each([
		['arrays of different lengths', [{ design: '3+3', currentDose: 1, n: [3, 3], dlt: [0] }], /scenario 0: n has 2 doses but dlt has 1/],
		['DLTs above n', [{ design: 'boin', currentDose: 1, n: [3], dlt: [4] }], /scenario 0: dose 1 has 4 DLTs but only 3 treated/],
		['a dose outside the list', [{ design: '3+3', currentDose: 1, n: [3], dlt: [0] }, { design: '3+3', currentDose: 4, n: [3], dlt: [0] }], /scenario 1: currentDose 4 is not one of the doses 1–1/],
		['a target outside (0, 1)', [{ design: 'boin', currentDose: 1, n: [3], dlt: [0], target: 1.2 }], /scenario 0\.target: .*Expected <1 but received 1\.2/],
		['an unknown design', [{ design: 'crm', currentDose: 1, n: [3], dlt: [0] }], /scenario 0\.design/],
		['not an array', { design: '3+3' }, /must be a JSON array/]
	])('refuses %s with exit 2', (_n, input, message) => {
		const r = dosewatchWithInput(JSON.stringify(input), 'recommend', '--json');
		expect(r.code).toBe(2);
		expect(r.err).toMatch(message);
	});

	it('prints the BOIN table as JSON', () => {
		const r = dosewatch('boundaries', '--target', '0.3', '--max-n', '30', '--format', 'json');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.out);
		expect(out.target).toBe(0.3);
		expect(out.rows).toHaveLength(30);
		expect(out.rows[0]).toEqual({ n: 1, escalate: 0, deescalate: 1, eliminate: null });
		expect(out.rows[29]).toEqual({ n: 30, escalate: 7, deescalate: 11, eliminate: 14 });
	});

	it('prints the BOIN table as text, and refuses a bad target', () => {
		expect(dosewatch('boundaries', '--target', '0.25', '--max-n', '3').out).toMatch(/ 3 +0 +1 +3\n$/);
		const bad = dosewatch('boundaries', '--target', '0');
		expect(bad.code).toBe(2);
		expect(bad.err).toMatch(/--target 0 must be a number between 0 and 1/);
	});
});

describe('dosewatch verify', () => {
	const tmp = () => mkdtempSync(join(tmpdir(), 'dw-verify-'));

	it('says a genuine backup holds, with each chain head and each verified signature, exit 0', () => {
		const r = dosewatch('verify', 'test/fixtures/backups/schema-5.json');
		expect(r.code).toBe(0);
		expect(r.out).toContain('the backup holds.');
		expect(r.out).toMatch(/audit chain tst: 4 entries, head 4: [0-9a-f]{8} /);
		expect(r.out).toContain('signature verified: meeting 2026-11-30 (tst): Dr Fixture Chair, SRC chair, approved as chair');
	});

	it('finds a signed meeting edited by hand with its checksum recomputed, exit 1', () => {
		const file = JSON.parse(readFileSync('test/fixtures/backups/schema-5.json', 'utf8'));
		file.data.meetings[0].minutes = 'We decided to stop.';
		file.checksum = createHash('sha256').update(JSON.stringify(file.data)).digest('hex');
		const path = join(tmp(), 'edited.json');
		writeFileSync(path, JSON.stringify(file));
		const r = dosewatch('verify', path);
		expect(r.code).toBe(1);
		expect(r.out).toContain('the signed content was changed after Dr Fixture Chair signed it');
	});

	it('checks a chain head copied from a printed pack', () => {
		const file = JSON.parse(readFileSync('test/fixtures/backups/schema-5.json', 'utf8'));
		const head = file.data.audit.find((e: { chain: string; seq: number }) => e.chain === 'tst' && e.seq === 3);
		expect(dosewatch('verify', 'test/fixtures/backups/schema-5.json', '--head', `tst:3:${head.hash.slice(0, 8)} ${head.hash.slice(8, 16)}`).code).toBe(0);
		const wrong = dosewatch('verify', 'test/fixtures/backups/schema-5.json', '--head', 'tst:3:00000000');
		expect(wrong.code).toBe(1);
		expect(wrong.out).toContain('the printed head tst:3 was 00000000…');
	});
});

describe('text from files cannot drive the terminal', () => {
	it('prints control characters in a file as <U+XXXX>, so an escape sequence cannot hide the error lines', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dw-esc-'));
		const ae = readFileSync('test/fixtures/small/ae.csv', 'utf8').replace('TST01,AE,TST01-001,1,TIREDNESS', 'TST01,AE,TST01-001\u001b[2K\u001b[1A,1,TIREDNESS');
		writeFileSync(join(dir, 'ae.csv'), ae);
		const r = dosewatch('validate', '--dm', 'test/fixtures/small/dm.csv', '--ex', 'test/fixtures/small/ex.csv', '--ae', join(dir, 'ae.csv'));
		expect(r.code).toBe(1);
		expect(r.out).not.toContain('\u001b');
		expect(r.out).toContain('subject "TST01-001<U+001B>[2K<U+001B>[1A" is not in dm.csv');
	});
});

describe('dosewatch ada', () => {
	const IS = resolve(PILOT, '../pharmaversesdtm/is_ada.csv');
	it('classifies each sample against the cut-point (equal is not above) and each participant by protocol 000’s rule', () => {
		const r = dosewatch('ada', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--is', IS, '--cut-point', '1.51');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.out) as { subjects: { usubjid: string; adaStatus: string; pattern: string; reason: string }[]; samples: { usubjid: string; seq: number; studyDay: number | null; result: string }[] };
		expect(Object.keys(out.subjects[0]!)).toEqual(['usubjid', 'adaStatus', 'pattern', 'reason']);
		expect(new Set(out.subjects.map((s) => s.adaStatus))).toEqual(new Set(['positive', 'negative', 'not_evaluable']));
		// 01-701-1023's baseline level is exactly 1.51: equal to the cut-point, so negative.
		expect(out.samples.find((s) => s.usubjid === '01-701-1023' && s.seq === 1)).toMatchObject({ result: 'negative' });
		// Every positive participant's reason is one of the rule's two clauses.
		for (const s of out.subjects.filter((x) => x.adaStatus === 'positive')) expect(s.reason).toMatch(/^(2 consecutive positive samples|the final sample tested)/);
	});

	it('without a cut-point, a level is indeterminate, while POSITIVE and NEGATIVE are read as reported', () => {
		const out = JSON.parse(dosewatch('ada', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--is', IS, '--test', 'ADA_NAB').out) as { samples: { result: string }[] };
		// NAb is reported as text: 220 NEGATIVE, 21 POSITIVE and one blank (no result).
		expect(new Set(out.samples.map((s) => s.result))).toEqual(new Set(['positive', 'negative', 'indeterminate']));
		const bab = JSON.parse(dosewatch('ada', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--is', IS).out) as { samples: { result: string }[] };
		expect(bab.samples.some((s) => s.result === 'indeterminate')).toBe(true);
	});
});

describe('dosewatch response', () => {
	const RS = resolve(PILOT, '../pharmaversesdtm/rs_onco_recist.csv');
	it('gives each subject’s confirmed and unconfirmed best overall response, and ORR per dose level with its exact interval', () => {
		const r = dosewatch('response', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--rs', RS);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.out) as { subjects: { usubjid: string; bor: string; borUnconfirmed: string; doseLevel: string }[]; doseLevels: { doseLevel: string; n: number; orr: number; orrCi95: number[] }[] };
		const of = (id: string) => out.subjects.find((s) => s.usubjid === `01-701-${id}`)!;
		// 1015 (day 1 2 Jan 2014): SD on day 22 is too early, NE in Feb, CR on 6 Mar never confirmed: SD; unconfirmed CR.
		expect(of('1015')).toMatchObject({ bor: 'SD', borUnconfirmed: 'CR', doseLevel: 'Pbo' });
		// 1118: PR on 23 Apr confirmed by PR on 4 Jun (42 days later) across one NE.
		expect(of('1118')).toMatchObject({ bor: 'PR', borUnconfirmed: 'PR' });
		// 1028: SD too early, then PD; the SD after PD is not read.
		expect(of('1028')).toMatchObject({ bor: 'PD', borUnconfirmed: 'PD' });
		for (const l of out.doseLevels) {
			expect(l.orrCi95[0]).toBeLessThanOrEqual(l.orr);
			expect(l.orrCi95[1]).toBeGreaterThanOrEqual(l.orr);
		}
	});

	it('with TR and AE: PFS and duration of response in days (event or censored, with the reason), the best change in tumour size, and per level the Kaplan–Meier medians', () => {
		const TR = resolve(PILOT, '../pharmaversesdtm/tr_onco_recist.csv');
		const r = dosewatch('response', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--ae', `${PILOT}/ae.csv`, '--rs', RS, '--tr', TR);
		expect(r.code).toBe(0);
		type Tte = { days: number; event: boolean; reason: string } | null;
		const out = JSON.parse(r.out) as { subjects: { usubjid: string; pfs: Tte; dor: Tte; bestChangePct: number | null }[]; doseLevels: { doseLevel: string; pfs: { n: number; events: number; medianDays: number | null } }[] };
		const of = (id: string) => out.subjects.find((s) => s.usubjid === `01-701-${id}`)!;
		// 1118: PR on 23 Apr 2014 (day 43) confirmed on 4 Jun (day 85), no PD: both censored there.
		expect(of('1118').pfs).toEqual({ days: 85, event: false, reason: 'censored at the last adequate assessment (PR) on 2014-06-04' });
		expect(of('1118').dor).toMatchObject({ days: 43, event: false });
		// 1028: PD on 30 Aug 2013, day 43: a PFS event; no confirmed response, so no duration of response.
		expect(of('1028').pfs).toMatchObject({ days: 43, event: true });
		expect(of('1028').dor).toBeNull();
		// The sum of the target lesions' longest diameters shrank by more than 30% for the PR.
		expect(of('1118').bestChangePct).toBeLessThan(-30);
		const hi = out.doseLevels.find((l) => l.doseLevel === 'Xan_Hi')!;
		expect(hi.pfs).toMatchObject({ n: 3, events: 2 });
	});

	it('an independent assessor’s accepted read is used when asked for', () => {
		const out = JSON.parse(dosewatch('response', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--rs', RS, '--evaluator', 'INDEPENDENT ASSESSOR').out) as { subjects: { usubjid: string; bor: string }[] };
		// 1028: the accepted reads are SD, then PD on 30 Aug (day 43).
		expect(out.subjects.find((s) => s.usubjid === '01-701-1028')!.bor).toBe('PD');
	});
});
