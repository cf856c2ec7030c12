import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditEntryInput } from '../types';
import { canonicalJson, GENESIS, hashEntry, sealEntry, verifyChains } from './audit-chain';

const input = (i: number, studyId: string | null = 's'): AuditEntryInput => ({
	at: `2026-03-0${i}T10:00:00Z`, who: 'Dr A', studyId, entity: 'ae', key: `S-1 AE ${i}`, action: 'update', before: { grade: i }, after: { grade: i + 1 }, reason: `r${i}`
});

function chain(n: number, studyId: string | null = 's'): AuditEntry[] {
	const out: AuditEntry[] = [];
	for (let i = 1; i <= n; i++) out.push(sealEntry(input(i, studyId), out.at(-1) ?? null, `id-${studyId}-${i}`));
	return out;
}

describe('canonicalJson', () => {
	it('gives one text whatever the field order, and leaves undefined fields out', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(canonicalJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }));
		expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
	});
});

describe('the audit hash chain', () => {
	it('links each entry to the one before it, per study', () => {
		const c = chain(3);
		expect(c.map((e) => e.seq)).toEqual([1, 2, 3]);
		expect(c[0]!.prev).toBe(GENESIS);
		expect(c[2]!.prev).toBe(c[1]!.hash);
		expect(hashEntry(c[1]!)).toBe(c[1]!.hash);
		const other = chain(2, null);
		expect(other[0]).toMatchObject({ chain: '*', seq: 1, prev: GENESIS });
		expect(verifyChains([...c, ...other]).ok).toBe(true);
	});

	const cases: [string, (c: AuditEntry[]) => AuditEntry[], RegExp][] = [
		['an entry edited in place', (c) => c.map((e) => (e.seq === 2 ? { ...e, reason: 'nothing to see' } : e)), /entry 2 .* was altered after it was written/],
		['an entry edited and its own hash recomputed', (c) => c.map((e) => (e.seq === 2 ? { ...e, after: { grade: 1 }, hash: hashEntry({ ...e, after: { grade: 1 } }) } : e)), /entry 3 .* does not follow the entry before it/],
		['an entry removed from the middle', (c) => c.filter((e) => e.seq !== 2), /entry 2 is missing before entry 3/],
		['two entries swapped', (c) => c.map((e) => (e.seq === 2 ? { ...e, seq: 3 } : e.seq === 3 ? { ...e, seq: 2 } : e)), /altered after it was written/]
	];
	it.each(cases)('finds %s', (_name, tamper, message) => {
		const report = verifyChains(tamper(chain(4)));
		expect(report.ok).toBe(false);
		expect(report.problems.map((p) => p.message).join('\n')).toMatch(message);
	});

	it('finds entries removed from the end through the head a signed meeting recorded', () => {
		const c = chain(4);
		const anchor = { chain: 's', seq: 4, hash: c[3]!.hash, label: 'The meeting of 2026-03-09' };
		expect(verifyChains(c, [anchor]).ok).toBe(true);
		const report = verifyChains(c.slice(0, 3), [anchor]);
		expect(report.problems.map((p) => p.message)).toEqual(['The meeting of 2026-03-09 recorded the trail up to entry 4, which is no longer there (entries were removed)']);
	});

	it('finds a chain rewritten from scratch after a signed meeting recorded its head', () => {
		const c = chain(4);
		const anchor = { chain: 's', seq: 3, hash: c[2]!.hash, label: 'The meeting' };
		// A forger edits entry 2 and re-seals every later entry: each link holds, the recorded head does not.
		const forged: AuditEntry[] = [];
		for (const e of c) {
			const { id, chain: _c, seq: _s, prev: _p, hash: _h, ...rest } = e;
			forged.push(sealEntry(e.seq === 2 ? { ...rest, reason: 'forged' } : rest, forged.at(-1) ?? null, id));
		}
		const report = verifyChains(forged, [anchor]);
		expect(report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^The meeting recorded entry 3 with hash .* \(the trail was rewritten\)$/)]);
	});
});
