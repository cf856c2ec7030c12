import { describe, expect, it } from 'vitest';
import { aeKey, describeChange, detectReviewChanges, type ReviewVerdict } from './review-changes';
import type { AdverseEvent } from './types';

function ae(aeseq: number, over: Partial<AdverseEvent> = {}): AdverseEvent {
	return {
		studyId: 's', usubjid: 'S-1', aeseq, verbatim: 'rash', term: 'Rash maculo-papular', soc: 'Skin', grade: 2, gradeDerived: false,
		gradeHistory: [], start: '2026-03-05', end: '2026-03-12', serious: false, seriousCriteria: [],
		attribution: { A: 'possible', B: 'unlikely' }, attributionHistory: [], action: '', outcome: '', treated: null, notes: '', rev: 1, ...over
	};
}

const CUTOFF = '2026-03-20';
const verdicts = (...pairs: [AdverseEvent, ReviewVerdict][]) => new Map(pairs.map(([a, v]) => [aeKey(a), v]));

interface Row {
	name: string;
	before: AdverseEvent;
	after: AdverseEvent;
	verdictBefore?: ReviewVerdict;
	verdictAfter?: ReviewVerdict;
	/** Expected "label: from → to" lines; empty when nothing changed. */
	expected: string[];
}

const base = ae(1);
const rows: Row[] = [
	{ name: 'nothing changed', before: base, after: { ...base, rev: 5, notes: 'a note is not a reviewed field' }, expected: [] },
	{ name: 'grade raised', before: base, after: { ...base, grade: 3 }, expected: ['Grade: 2 → 3'] },
	{ name: 'grade recorded where none was', before: { ...base, grade: null }, after: { ...base, grade: 1 }, expected: ['Grade: not graded → 1'] },
	{ name: 'ongoing event resolved', before: { ...base, end: null }, after: { ...base, end: '2026-03-25' }, expected: ['End: ongoing → 25 Mar 2026'] },
	{ name: 'resolved event reopened (end removed)', before: base, after: { ...base, end: null }, expected: ['End: 12 Mar 2026 → ongoing'] },
	{ name: 'partial onset completed', before: { ...base, start: '2026-03' }, after: { ...base, start: '2026-03-04' }, expected: ['Onset: Mar 2026 → 4 Mar 2026'] },
	{ name: 'onset time added on the same day', before: base, after: { ...base, start: '2026-03-05T10:30' }, expected: ['Onset: 5 Mar 2026 → 5 Mar 2026 10:30'] },
	{
		name: 'became serious, with the criterion',
		before: base,
		after: { ...base, serious: true, seriousCriteria: ['AESHOSP'] },
		expected: ['Serious: No → Yes (Hospitalisation)']
	},
	{ name: 'seriousness first recorded', before: { ...base, serious: null }, after: base, expected: ['Serious: not recorded → No'] },
	{
		name: 'attribution to one drug revised, the other kept',
		before: base,
		after: { ...base, attribution: { A: 'probable', B: 'unlikely' } },
		expected: ['Attribution to A: Possible → Probable']
	},
	{
		name: 'attribution first assessed for a drug',
		before: { ...base, attribution: { A: 'possible' } },
		after: base,
		expected: ['Attribution to B: not assessed → Unlikely']
	},
	{ name: 'verdict pending → DLT with no data change', before: base, after: base, verdictBefore: 'pending', verdictAfter: 'dlt', expected: ['DLT verdict: pending → DLT'] },
	{ name: 'verdict unchanged is not a change', before: base, after: base, verdictBefore: 'not_dlt', verdictAfter: 'not_dlt', expected: [] },
	{ name: 'term recoded', before: base, after: { ...base, term: 'Pruritus' }, expected: ['Term: Rash maculo-papular → Pruritus'] },
	{
		name: 'several fields at once, in a fixed order',
		before: { ...base, end: null },
		after: { ...base, grade: 4, end: '2026-03-15', serious: true, seriousCriteria: ['AESLIFE'] },
		verdictBefore: 'pending',
		verdictAfter: 'dlt',
		expected: ['Grade: 2 → 4', 'End: ongoing → 15 Mar 2026', 'Serious: No → Yes (Life-threatening)', 'DLT verdict: pending → DLT']
	}
];

describe('detectReviewChanges: one AE recorded at the last review', () => {
	it.each(rows)('$name', (row) => {
		const changes = detectReviewChanges(
			{ cutoff: CUTOFF, aes: [row.before], verdicts: row.verdictBefore ? verdicts([row.before, row.verdictBefore]) : new Map() },
			{ aes: [row.after], verdicts: row.verdictAfter ? verdicts([row.after, row.verdictAfter]) : new Map() }
		);
		if (!row.expected.length) {
			expect(changes).toEqual([]);
			return;
		}
		expect(changes).toHaveLength(1);
		expect(changes[0]!.kind).toBe('changed');
		expect(changes[0]!.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(row.expected);
	});
});

describe('detectReviewChanges: new and removed AEs', () => {
	const reviewed = ae(1);
	const laterOnset = ae(2, { start: '2026-03-21', end: null });
	const partialLater = ae(3, { start: '2026-04', end: null });
	const partialSameMonth = ae(4, { start: '2026-03', end: null });
	const onCutoff = ae(5, { start: CUTOFF });
	const baseline = { cutoff: CUTOFF, aes: [reviewed, laterOnset, partialLater, partialSameMonth, onCutoff], verdicts: new Map() };

	it('an AE not in the reviewed data is new', () => {
		const fresh = ae(9, { usubjid: 'S-2' });
		const changes = detectReviewChanges(baseline, { aes: [...baseline.aes, fresh], verdicts: new Map() });
		const c = changes.find((x) => x.key === 'S-2|9');
		expect(c?.kind).toBe('new');
		expect(describeChange(c!)).toBe('New: recorded since the last review.');
	});

	it('an AE recorded before the sign-off but starting after the cut-off is new (it was not under review)', () => {
		const changes = detectReviewChanges(baseline, { aes: baseline.aes, verdicts: new Map() });
		expect(changes.map((c) => [c.aeseq, c.kind])).toEqual([
			[2, 'new'],
			[3, 'new']
		]);
		expect(changes[0]!.why).toBe("Starts after the last review's cut-off (20 Mar 2026).");
	});

	it('the cut-off day itself was under review; a partial onset that may fall on or before it was too', () => {
		const changes = detectReviewChanges(baseline, { aes: baseline.aes, verdicts: new Map() });
		expect(changes.some((c) => c.aeseq === 5 || c.aeseq === 4)).toBe(false);
	});

	it('an AE deleted since the review is listed as removed', () => {
		const changes = detectReviewChanges(baseline, { aes: baseline.aes.filter((a) => a.aeseq !== 1), verdicts: new Map() });
		expect(changes.find((c) => c.aeseq === 1)).toMatchObject({ kind: 'removed' });
		expect(describeChange(changes.find((c) => c.aeseq === 1)!)).toBe('Removed since the last review.');
	});

	it('with no signed meeting there is no baseline and nothing is listed', () => {
		expect(detectReviewChanges(null, { aes: [reviewed], verdicts: new Map() })).toEqual([]);
	});

	it('accepts the frozen snapshot form of verdicts (a plain record) and lists subjects in natural order', () => {
		const a10 = ae(1, { usubjid: 'S-10' });
		const a2 = ae(1, { usubjid: 'S-2' });
		const changes = detectReviewChanges(
			{ cutoff: CUTOFF, aes: [a10, a2], verdicts: { 'S-10|1': 'pending', 'S-2|1': 'pending' } },
			{ aes: [a10, a2], verdicts: verdicts([a10, 'dlt'], [a2, 'not_dlt']) }
		);
		expect(changes.map((c) => `${c.usubjid}: ${describeChange(c)}`)).toEqual(['S-2: DLT verdict pending → not a DLT', 'S-10: DLT verdict pending → DLT']);
	});
});
