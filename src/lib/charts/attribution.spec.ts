import { describe, expect, it } from 'vitest';
import type { AdverseEvent, AttributionRevision } from '../domain/types';
import { choosePeriod, computeAttributionStack, computeRevisions, periodOf, revisionsByMonth } from './attribution';

const rev = (drug: string, from: AttributionRevision['from'], to: AttributionRevision['to'], at: string): AttributionRevision => ({ drug, from, to, at, by: 'Dr X', reason: '' });
const ae = (aeseq: number, start: string | null, attribution: AdverseEvent['attribution'], history: AttributionRevision[] = []) =>
	({ usubjid: 'S', aeseq, start, attribution, attributionHistory: history }) as AdverseEvent;

describe('periods', () => {
	it.each([
		['2026-03-14', 'month', '2026-03'],
		['2026-03', 'month', '2026-03'], // a partial month still has its month
		['2026', 'month', null],
		['2026-01-01', 'week', '2026-W01'],
		['2025-12-29', 'week', '2026-W01'], // ISO week of the year that holds its Thursday
		['2026-03', 'week', null]
	] as const)('%s by %s → %s', (dtc, p, expected) => {
		expect(periodOf(dtc, p)).toBe(expected);
	});

	it('uses weeks for onsets within 16 weeks, months beyond', () => {
		expect(choosePeriod([ae(1, '2026-01-01', {}), ae(2, '2026-03-01', {})])).toBe('week');
		expect(choosePeriod([ae(1, '2026-01-01', {}), ae(2, '2026-08-01', {})])).toBe('month');
	});
});

describe('computeAttributionStack', () => {
	const aes = [
		ae(1, '2026-03-02', { A: 'possible', B: null }),
		ae(2, '2026-03-20', { A: 'possible', B: 'not_related' }),
		ae(3, '2026-04-02', { A: 'probable', B: null }),
		ae(4, null, { A: 'definite' }) // no onset: not placed
	];
	it('counts the current category per period for the chosen drug, stacked without gaps', () => {
		const s = computeAttributionStack(aes, 'A', 'month');
		expect(s.periods).toEqual(['2026-03', '2026-04']);
		const possible = s.series.find((x) => x.category === 'possible')!;
		expect(possible.points[0]).toMatchObject({ period: '2026-03', y1: expect.any(Number) });
		expect(possible.points[0]!.y1 - possible.points[0]!.y0).toBe(2);
		expect(s.max).toBe(2);
	});
	it('leaves out an AE that has no entry for the drug (a placebo subject never received it)', () => {
		const s = computeAttributionStack([...aes, ae(5, '2026-03-05', {})], 'A', 'month');
		expect(s.series.reduce((n, x) => n + x.points.reduce((m, p) => m + (p.y1 - p.y0), 0), 0)).toBe(3);
	});
	it('counts a missing assessment as unassessed, per drug', () => {
		const s = computeAttributionStack(aes, 'B', 'month');
		const un = s.series.find((x) => x.category === 'unassessed')!;
		expect(un.points.map((p) => p.y1 - p.y0)).toEqual([1, 1]);
	});
});

describe('computeRevisions', () => {
	const aes = [
		ae(1, '2026-03-02', { A: 'probable' }, [rev('A', null, 'unlikely', '2026-03-03T10:00'), rev('A', 'unlikely', 'probable', '2026-04-01T09:00')]),
		ae(2, '2026-03-05', { A: 'unlikely', B: 'possible' }, [rev('A', null, 'possible', '2026-03-06'), rev('B', null, 'possible', '2026-03-06'), rev('A', 'possible', 'unlikely', '2026-05-02')]),
		ae(3, '2026-03-08', { A: null }, [rev('A', 'possible', null, '2026-05-03')])
	];
	it('lists changes after the first assessment with their direction, oldest first', () => {
		expect(computeRevisions(aes).map((r) => [r.ae.aeseq, r.drug, r.from, r.to, r.direction])).toEqual([
			[1, 'A', 'unlikely', 'probable', 'toward'],
			[2, 'A', 'possible', 'unlikely', 'away'],
			[3, 'A', 'possible', null, 'cleared']
		]);
	});
	it('filters by drug and counts per month', () => {
		expect(computeRevisions(aes, 'B')).toEqual([]);
		expect(revisionsByMonth(computeRevisions(aes))).toEqual([
			{ month: '2026-04', toward: 1, away: 0 },
			{ month: '2026-05', toward: 0, away: 2 }
		]);
	});
});
