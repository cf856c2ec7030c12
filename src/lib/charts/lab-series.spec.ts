import { describe, expect, it } from 'vitest';
import { CTCAE_LAB_GRADING } from '$lib/presets/lab-grading';
import { gradeResults } from '$lib/domain/labs/grade-labs';
import type { SafetyResult } from '$lib/domain/types';
import { criterionThresholds, layoutLabSeries } from './lab-series';

const crit = (term: string, system: 'SI' | 'US' = 'SI') => CTCAE_LAB_GRADING.criteria.find((c) => c.term === term && c.system === system)!;

describe('grade thresholds read from admiral’s criteria, for the chart', () => {
	it.each<[string, number | null, number | null, [number, number][]]>([
		['Neutrophil count decreased', 2, 7.5, [[1, 2], [2, 1.5], [3, 1], [4, 0.5]]],
		['Platelet count decreased', 150, 400, [[1, 150], [2, 75], [3, 50], [4, 25]]],
		// Against ULN when the baseline was normal; the thresholds against an abnormal baseline are left out.
		['Alanine aminotransferase increased', 0, 40, [[1, 40], [2, 120], [3, 200], [4, 800]]],
		['Creatinine increased', 60, 110, [[1, 110], [2, 165], [3, 330], [4, 660]]],
		['Fibrinogen decreased', 2, 4, [[1, 2], [2, 1.5], [3, 1], [4, 0.5]]]
	])('%s', (term, lln, uln, expected) => {
		expect(criterionThresholds(crit(term), lln, uln).map((t) => [t.grade, t.value])).toEqual(expected);
	});
});

describe('a subject’s test over study days', () => {
	const draws: [number, number][] = [[-3, 4.1], [8, 0.4], [11, 0.3], [15, 2.5]];
	const safety: SafetyResult[] = draws.map(([d, v], i) => ({
		studyId: 's', usubjid: 'S', domain: 'LB', seq: i + 1, testcd: 'NEUT', test: 'Neutrophils', category: '', value: v, text: '', unit: 'GI/L', low: 2, high: 7.5, nrind: '', baselineFlag: false,
		date: new Date(Date.UTC(2026, 2, 2 + (d > 0 ? d - 1 : d))).toISOString().slice(0, 10), visit: ''
	}));
	const graded = gradeResults(safety, new Map([['S', '2026-03-02']]), CTCAE_LAB_GRADING);
	const layout = layoutLabSeries(graded, [1, 22], criterionThresholds(crit('Neutrophil count decreased'), 2, 7.5), { width: 600, height: 200 });

	it('puts each draw at its study day, lower values lower, and draws the normal range as a band', () => {
		expect(layout.points.map((p) => [p.day, p.grade])).toEqual([[-3, 0], [8, 4], [11, 4], [15, 0]]);
		expect(layout.points[2]!.y).toBeGreaterThan(layout.points[0]!.y);
		expect(layout.points[1]!.x).toBeLessThan(layout.points[2]!.x);
		expect(layout.band!.height).toBeGreaterThan(0);
	});

	it('marks the doses on the same axis and the grade 4 line below grade 3', () => {
		expect(layout.doses.map((d) => d.day)).toEqual([1, 22]);
		const y = (g: number) => layout.thresholds.find((t) => t.grade === g)!.y;
		expect(y(4)).toBeGreaterThan(y(3));
	});
});
