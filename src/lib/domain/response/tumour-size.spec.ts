import { describe, expect, it } from 'vitest';
import { bestPercentChange, sumsOfDiameters, type TumourRecord } from './tumour-size';

const rec = (over: Partial<TumourRecord>): TumourRecord => ({ usubjid: 'S-1', testcd: 'LDIAM', group: 'TARGET', value: 10, date: '2026-03-01', visit: 'BASELINE', evaluator: 'INVESTIGATOR', accepted: false, ...over });

describe('sum of diameters', () => {
	it('adds the target lesions’ longest diameters of one date; non-target and perpendicular diameters are not added', () => {
		const sums = sumsOfDiameters([
			rec({ value: 21 }),
			rec({ value: 33.5 }),
			rec({ testcd: 'LPERP', value: 20 }),
			rec({ group: 'NON-TARGET', testcd: 'LDIAM', value: 50 }),
			rec({ date: '2026-04-12', visit: 'WEEK 6', value: 15 })
		]);
		expect(sums.get('S-1')!.map((s) => [s.date, s.sum, s.from])).toEqual([
			['2026-03-01', 54.5, 'LDIAM'],
			['2026-04-12', 15, 'LDIAM']
		]);
	});

	it('takes the sponsor’s SUMDIAM where given, and one evaluator’s accepted read', () => {
		const sums = sumsOfDiameters(
			[
				rec({ testcd: 'SUMDIAM', value: 73, evaluator: 'INDEPENDENT ASSESSOR', accepted: true }),
				rec({ testcd: 'SUMDIAM', value: 74, evaluator: 'INDEPENDENT ASSESSOR' }),
				rec({ testcd: 'SUMDIAM', value: 70 }),
				rec({ value: 99, evaluator: 'INDEPENDENT ASSESSOR', accepted: true })
			],
			'INDEPENDENT ASSESSOR'
		);
		expect(sums.get('S-1')!.map((s) => [s.sum, s.from])).toEqual([[73, 'SUMDIAM']]);
	});
});

describe('best percentage change from baseline', () => {
	const at = (date: string, visit: string, sum: number) => ({ date, day: Date.parse(date) / 86_400_000, visit, sum, from: 'SUMDIAM' as const });
	it.each<[string, ReturnType<typeof at>[], number | null]>([
		['the largest shrinkage: 80 → 52 is −35%', [at('2026-03-01', 'BASELINE', 80), at('2026-04-12', 'WEEK 6', 60), at('2026-05-24', 'WEEK 12', 52), at('2026-07-05', 'WEEK 18', 70)], -35],
		['growth only: the least growth', [at('2026-03-01', 'SCREENING', 50), at('2026-04-12', 'WEEK 6', 60), at('2026-05-24', 'WEEK 12', 55)], 10],
		['no visit named baseline: the last assessment on or before day 1', [at('2026-02-20', 'WEEK -2', 40), at('2026-03-02', 'DAY 1', 50), at('2026-04-12', 'WEEK 6', 25)], -50],
		['no assessment after baseline: none', [at('2026-03-01', 'BASELINE', 80)], null],
		['a baseline of zero cannot give a percentage', [at('2026-03-01', 'BASELINE', 0), at('2026-04-12', 'WEEK 6', 5)], null]
	])('%s', (_n, series, change) => {
		expect(bestPercentChange('S-1', series, '2026-03-02')?.change ?? null).toBe(change);
	});
});
