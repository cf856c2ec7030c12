/**
 * Property-based test of the importer: mutations of valid SDTM files (columns dropped or swapped, rows cut,
 * quotes injected, byte-order marks, odd line ends, huge fields, wrong date forms) never make it throw, every
 * problem it reports names a file, and it never writes part of a file: with errors nothing changes, without
 * errors every row of the files is written.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DoseWatchDatabase } from '../../src/lib/db/database';
import { commitImport, ImportRefusedError } from '../../src/lib/db/study-repository';
import { hasErrors } from '../../src/lib/io/import-types';
import { planImport } from '../../src/lib/io/import/plan-import';
import { SMALL } from './helpers';

const valid = {
	dm: readFileSync(resolve(SMALL, 'dm.csv'), 'utf8'),
	ex: readFileSync(resolve(SMALL, 'ex.csv'), 'utf8'),
	ae: readFileSync(resolve(SMALL, 'ae.csv'), 'utf8')
};

type Mutation = (text: string, n: number) => string;
const lines = (t: string) => t.split('\n');
const cells = (l: string) => l.split(',');
const MUTATIONS: Record<string, Mutation> = {
	dropColumn: (t, n) => lines(t).map((l) => cells(l).filter((_, i) => i !== n % cells(l).length).join(',')).join('\n'),
	swapColumns: (t, n) => lines(t).map((l) => { const c = cells(l); const i = n % c.length; const j = (n * 7 + 1) % c.length; [c[i], c[j]] = [c[j]!, c[i]!]; return c.join(','); }).join('\n'),
	truncateRow: (t, n) => { const ls = lines(t); const i = 1 + (n % Math.max(1, ls.length - 1)); ls[i] = (ls[i] ?? '').slice(0, n % 17); return ls.join('\n'); },
	cutFile: (t, n) => t.slice(0, Math.floor(t.length * ((n % 100) / 100))),
	injectQuote: (t, n) => { const i = n % Math.max(1, t.length); return `${t.slice(0, i)}"${t.slice(i)}`; },
	byteOrderMark: (t) => `\uFEFF${t}`,
	crlf: (t) => t.replace(/\n/g, '\r\n'),
	hugeField: (t, n) => { const ls = lines(t); const i = 1 + (n % Math.max(1, ls.length - 1)); const c = cells(ls[i] ?? ''); c[n % Math.max(1, c.length)] = 'x'.repeat(200_000); ls[i] = c.join(','); return ls.join('\n'); },
	wrongDates: (t) => t.replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1'),
	controlChars: (t, n) => { const i = n % Math.max(1, t.length); return `${t.slice(0, i)}\u0007\u0000${t.slice(i)}`; },
	blankLines: (t) => t.replace(/\n/g, '\n\n')
};

const arbitraryFiles = fc
	.record({
		file: fc.constantFrom('dm' as const, 'ex' as const, 'ae' as const),
		mutations: fc.array(fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(10_000)), { minLength: 1, maxLength: 3 })
	})
	.map(({ file, mutations }) => {
		let text = valid[file];
		for (const [name, n] of mutations) text = MUTATIONS[name]!(text, n);
		return { ...valid, [file]: text, mutated: file, mutations: mutations.map(([m]) => m) };
	});

describe('the importer under mutated input', () => {
	it('never throws, and every problem names a file', () => {
		fc.assert(
			fc.property(arbitraryFiles, (f) => {
				const plan = planImport(
					{ dm: { name: 'dm.csv', text: f.dm }, ex: { name: 'ex.csv', text: f.ex }, ae: { name: 'ae.csv', text: f.ae } },
					{ target: null, newStudyId: 'p', now: 't', who: 'w' }
				);
				for (const p of plan.problems) {
					expect(['dm.csv', 'ex.csv', 'ae.csv']).toContain(p.file);
					expect(p.message.length).toBeGreaterThan(5);
				}
			}),
			{ numRuns: 300, seed: 20261122 }
		);
	});

	it('writes a file whole or not at all', async () => {
		let run = 0;
		const seen = { refused: 0, written: 0 };
		await fc.assert(
			fc.asyncProperty(arbitraryFiles, async (f) => {
				const db = new DoseWatchDatabase(`prop-${run++}`);
				const plan = planImport(
					{ dm: { name: 'dm.csv', text: f.dm }, ex: { name: 'ex.csv', text: f.ex }, ae: { name: 'ae.csv', text: f.ae } },
					{ target: null, newStudyId: 'p', now: 't', who: 'w' }
				);
				if (hasErrors(plan.problems)) {
					seen.refused++;
					await expect(commitImport(db, plan, { who: 'w', at: 't', files: [] })).rejects.toBeInstanceOf(ImportRefusedError);
					expect(await db.aes.count()).toBe(0);
					expect(await db.subjects.count()).toBe(0);
				} else {
					seen.written++;
					await commitImport(db, plan, { who: 'w', at: 't', files: [] });
					expect(await db.subjects.count()).toBe(plan.subjects.length);
					expect(await db.doses.count()).toBe(plan.doses.length);
					expect(await db.aes.count()).toBe(plan.aes.length);
				}
				db.close();
			}),
			{ numRuns: 60, seed: 20261122 }
		);
		// Both outcomes must occur, or the property says nothing about one of them.
		expect(seen.refused).toBeGreaterThan(5);
		expect(seen.written).toBeGreaterThan(5);
	});
});
