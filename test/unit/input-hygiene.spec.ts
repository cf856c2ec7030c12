/** Issue 13, point 6: numbers are plain decimals, text is decoded as the app and command both do, hidden characters are shown. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/lib/io/import/plan-import';
import { decodeBytes } from '../../src/lib/io/decode-text';
import { SMALL } from './helpers';

const read = (f: string) => readFileSync(`${SMALL}/${f}`, 'utf8');
const plan = (ex: string, ae = read('ae.csv'), aeWarning: string | null = null) =>
	planImport({ dm: { name: 'dm.csv', text: read('dm.csv') }, ex: { name: 'ex.csv', text: ex }, ae: { name: 'ae.csv', text: ae, encodingWarning: aeWarning } }, { target: null, newStudyId: 's', now: 't', who: 'w' });

describe('numbers are plain decimals', () => {
	const firstDose = read('ex.csv').split('\n')[1]!;
	const doseColumn = read('ex.csv').split('\n')[0]!.split(',').indexOf('EXDOSE');
	const withDose = (dose: string) => {
		const cells = firstDose.split(',');
		cells[doseColumn] = dose;
		return read('ex.csv').replace(firstDose, cells.join(','));
	};
	it.each(['0x10', '1e1', '+16', '16mg', 'Infinity'])('refuses EXDOSE "%s", naming row and column', (dose) => {
		expect(plan(withDose(dose)).problems).toContainEqual(expect.objectContaining({ file: 'ex.csv', row: 2, column: 'EXDOSE', severity: 'error', message: expect.stringContaining(`dose "${dose}" is not a plain decimal number`) }));
	});
	it.each(['16', '2.5', '0', '.5'])('reads EXDOSE "%s"', (dose) => {
		expect(plan(withDose(dose)).problems.filter((p) => p.column === 'EXDOSE')).toEqual([]);
	});
	it('refuses an AESEQ written in hex', () => {
		const ae = read('ae.csv').replace('TST01,AE,TST01-001,1,', 'TST01,AE,TST01-001,0x1,');
		expect(plan(read('ex.csv'), ae).problems).toContainEqual(expect.objectContaining({ column: 'AESEQ', message: 'AESEQ "0x1" is not a whole number' }));
	});
	it('refuses a grade written with an exponent', () => {
		const ae = read('ae.csv').replace('Investigations,4,', 'Investigations,4e0,');
		expect(plan(read('ex.csv'), ae).problems).toContainEqual(expect.objectContaining({ column: 'AETOXGR', message: 'grade "4e0" is not a CTCAE grade 1–5' }));
	});
});

describe('text', () => {
	it('a Windows-1252 AE file is read with its accents and a warning naming the encoding', () => {
		const bytes = new Uint8Array([...readFileSync(`${SMALL}/ae.csv`)].map((b) => b)).slice();
		const text = new TextDecoder().decode(bytes).replace('TIREDNESS', 'MÜDIGKEIT');
		const cp1252 = Uint8Array.from([...text].map((c) => (c === 'Ü' ? 0xdc : c.charCodeAt(0))));
		const decoded = decodeBytes(cp1252, 'ae.csv');
		const p = plan(read('ex.csv'), decoded.text, decoded.warning);
		expect(p.aes.find((a) => a.verbatim === 'MÜDIGKEIT')).toBeTruthy();
		expect(p.problems).toContainEqual(expect.objectContaining({ file: 'ae.csv', severity: 'warning', message: expect.stringMatching(/^ae\.csv is not UTF-8: read as Windows-1252 \(e\.g\. “MÜDIGKEIT”/) }));
	});

	it('an invisible character in an ID is shown where it is', () => {
		const ae = read('ae.csv').replace('TST01,AE,TST01-002,1,', 'TST01,AE,TST01-002\u200B,1,');
		const p = plan(read('ex.csv'), ae);
		expect(p.problems).toContainEqual(expect.objectContaining({ file: 'ae.csv', row: 4, column: 'USUBJID', severity: 'warning', message: 'the value holds invisible characters: TST01-002<U+200B>' }));
		expect(p.problems).toContainEqual(expect.objectContaining({ severity: 'error', message: 'subject "TST01-002\u200B" is not in dm.csv' }));
	});
});
