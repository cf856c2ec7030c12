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
