/** The XPORT reader, value for value against xport-js (a reference implementation) on the pilot's own files. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import Library from 'xport-js';
import { ibmNumber, parseXpt } from './xpt';

const DIR = resolve(__dirname, '../../../../../shared/data/cdiscpilot01-xpt');

describe('parseXpt against xport-js', () => {
	it.each(readdirSync(DIR).filter((f) => f.endsWith('.xpt')))('%s: every value the same', async (file) => {
		const bytes = new Uint8Array(readFileSync(resolve(DIR, file)));
		const [member, ...more] = parseXpt(bytes, file);
		expect(more).toEqual([]);
		const lib = new Library(resolve(DIR, file));
		const reference: unknown[][] = [];
		for await (const row of lib.read({ rowFormat: 'array', skipHeader: true })) reference.push(row as unknown[]);
		const meta = (await lib.getMetadata()) as { name: string; label: string; length: number; type: string }[];
		expect(member!.variables.map((v) => v.name)).toEqual(meta.map((m) => m.name));
		expect(member!.rows.length).toBe(reference.length);
		// Blanks padding a value on the right are not part of it; a missing number is null in both.
		const normal = (x: unknown) => (typeof x === 'string' ? x.replace(/[ \0]+$/, '') : x === undefined ? null : x);
		let compared = 0;
		member!.rows.forEach((row, i) => {
			row.forEach((value, j) => {
				// xport-js also drops leading blanks, which SAS keeps (and DoseWatch with it: see the next test).
				const mine = typeof value === 'string' ? value.trimStart() : value;
				expect(mine, `${file} row ${i + 1} ${member!.variables[j]!.name}`).toEqual(normal(reference[i]![j]));
				compared++;
			});
		});
		expect(compared).toBeGreaterThan(0);
	});

	it('keeps leading blanks, as SAS does (DS.DSSPID)', () => {
		const [ds] = parseXpt(new Uint8Array(readFileSync(resolve(DIR, 'ds.xpt'))), 'ds.xpt');
		const col = ds!.variables.findIndex((v) => v.name === 'DSSPID');
		expect(ds!.rows.some((r) => typeof r[col] === 'string' && /^ +\S/.test(r[col] as string))).toBe(true);
	});
});

describe('ibmNumber', () => {
	const bytes = (...b: number[]) => Uint8Array.from(b);
	it.each([
		['1', bytes(0x41, 0x10, 0, 0, 0, 0, 0, 0), 1],
		['-118.625', bytes(0xc2, 0x76, 0xa0, 0, 0, 0, 0, 0), -118.625],
		['0.1', bytes(0x40, 0x19, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a), 0.1],
		['zero', bytes(0, 0, 0, 0, 0, 0, 0, 0), 0],
		['missing .', bytes(0x2e, 0, 0, 0, 0, 0, 0, 0), null],
		['missing .A', bytes(0x41, 0, 0, 0, 0, 0, 0, 0), null],
		['missing ._', bytes(0x5f, 0, 0, 0, 0, 0, 0, 0), null],
		['a 4-byte number', bytes(0x42, 0x36, 0x00, 0x00), 54]
	])('%s', (_name, b, value) => {
		expect(ibmNumber(b, 0, b.length)).toBe(value);
	});

	it('refuses a file that is not XPORT, saying what it is', () => {
		expect(() => parseXpt(new TextEncoder().encode('STUDYID,USUBJID\n'.repeat(20)), 'ae.xpt')).toThrow('ae.xpt: this is not a SAS transport (XPORT v5) file');
	});
});
