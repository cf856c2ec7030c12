import { describe, expect, it } from 'vitest';
import type { AdverseEvent } from './types';
import { describeRenumbering, diffAes } from './import-diff';

const ae = (aeseq: number, term: string, start: string | null, over: Partial<AdverseEvent> = {}): AdverseEvent => ({
	id: `id-${aeseq}-${term}`, studyId: 's', usubjid: 'S-1', aeseq, verbatim: term.toLowerCase(), term, soc: '', grade: 2, gradeDerived: false, gradeHistory: [],
	start, end: null, serious: false, seriousCriteria: [], attribution: {}, attributionHistory: [], action: '', outcome: '', treated: null, notes: '', rev: 1, ...over
});

const pairs = (d: ReturnType<typeof diffAes>) => [...d.unchanged, ...d.changed].map((m) => `${m.stored.aeseq}→${m.incoming.aeseq} by ${m.by}`).sort();

describe('diffAes: which stored event each incoming AE is', () => {
	const nausea = ae(1, 'NAUSEA', '2026-01-03');
	const neutro = ae(2, 'NEUTROPHIL COUNT DECREASED', '2026-01-09', { grade: 4 });
	const headache = ae(3, 'HEADACHE', '2026-01-10', { grade: 1 });
	const stored = [nausea, neutro, headache];

	it.each([
		['the same export again: everything unchanged', [ae(1, 'NAUSEA', '2026-01-03'), ae(2, 'NEUTROPHIL COUNT DECREASED', '2026-01-09', { grade: 4 }), ae(3, 'HEADACHE', '2026-01-10', { grade: 1 })], ['1→1 by content', '2→2 by content', '3→3 by content']],
		[
			'AESEQ renumbered (a new event inserted first): matched by content, not by number',
			[ae(1, 'FATIGUE', '2026-01-02'), ae(2, 'NAUSEA', '2026-01-03'), ae(3, 'NEUTROPHIL COUNT DECREASED', '2026-01-09', { grade: 4 }), ae(4, 'HEADACHE', '2026-01-10', { grade: 1 })],
			['1→2 by content', '2→3 by content', '3→4 by content']
		],
		['AESPID wins over everything, even a changed term and onset', [ae(7, 'FEBRILE NEUTROPENIA', '2026-01-08', { spid: 'SP-2' })], ['2→7 by AESPID']],
		['the coded term recoded: matched by verbatim and onset', [ae(2, 'NEUTROPENIA', '2026-01-09', { verbatim: 'neutrophil count decreased' })], ['2→2 by verbatim and onset']],
		['the onset corrected, same AESEQ and term: matched by AESEQ', [ae(3, 'HEADACHE', '2026-01-11', { grade: 1 })], ['3→3 by AESEQ']]
	])('%s', (_name, incoming, expected) => {
		const withSpid = stored.map((s) => (s.aeseq === 2 ? { ...s, spid: 'SP-2' } : s));
		const d = diffAes(_name.startsWith('AESPID') ? withSpid : stored, incoming as AdverseEvent[]);
		expect(pairs(d)).toEqual(expected);
	});

	it('British and US spelling are one term (a re-export from a US-spelling dictionary)', () => {
		const d = diffAes([ae(1, 'DIARRHOEA', '2026-01-03', { verbatim: 'diarrhoea' })], [ae(4, 'DIARRHEA', '2026-01-03', { verbatim: 'diarrhea' })]);
		expect(pairs(d)).toEqual(['1→4 by content']);
	});

	it('a renumbered export says which AESEQ now names a different event', () => {
		const incoming = [ae(1, 'FATIGUE', '2026-01-02'), ae(2, 'NAUSEA', '2026-01-03'), ae(3, 'HEADACHE', '2026-01-10', { grade: 1 })];
		const d = diffAes(stored, incoming);
		expect(d.removed.map((a) => a.aeseq)).toEqual([2]);
		expect(d.added.map((a) => a.term)).toEqual(['FATIGUE']);
		expect(d.renumbered.map(describeRenumbering)).toEqual([
			'S-1 AESEQ 1 named NAUSEA (onset 2026-01-03, grade 2); it now names FATIGUE (onset 2026-01-02, grade 2)',
			'S-1 AESEQ 2 named NEUTROPHIL COUNT DECREASED (onset 2026-01-09, grade 4); it now names NAUSEA (onset 2026-01-03, grade 2)'
		]);
	});

	it('a changed event lists field: from → to, the AESEQ change included', () => {
		const d = diffAes(stored, [ae(5, 'NEUTROPHIL COUNT DECREASED', '2026-01-09', { grade: 3, end: '2026-01-20' })]);
		expect(d.changed[0]!.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['AESEQ: 2 → 5', 'Grade: 4 → 3', 'End: ongoing → 20 Jan 2026']);
	});

	it('two events with the same term and onset pair in AESEQ order', () => {
		const twins = [ae(4, 'RASH', '2026-01-05', { grade: 1 }), ae(6, 'RASH', '2026-01-05', { grade: 3 })];
		const d = diffAes(twins, [ae(8, 'RASH', '2026-01-05', { grade: 1 }), ae(9, 'RASH', '2026-01-05', { grade: 3 })]);
		expect(pairs(d)).toEqual(['4→8 by content', '6→9 by content']);
		expect(d.changed.map((m) => m.changes.map((c) => c.label))).toEqual([['AESEQ'], ['AESEQ']]);
	});

	it('an event without an onset is matched only by content or AESEQ, never guessed', () => {
		const d = diffAes([ae(1, 'NAUSEA', null)], [ae(2, 'VOMITING', null)]);
		expect(pairs(d)).toEqual([]);
		expect(d.removed).toHaveLength(1);
		expect(d.added).toHaveLength(1);
	});
});
