import { describe, expect, it } from 'vitest';
import type { GradedResult } from '$lib/domain/labs/grade-labs';
import { hepaticPeaks } from '$lib/domain/labs/hepatic';
import type { SafetyResult } from '$lib/domain/types';
import { hysLawCounts, layoutEdish } from './edish';

let seq = 0;
const g = (usubjid: string, testcd: string, value: number, high: number, postBaseline = true): GradedResult => ({
	result: { studyId: 's', usubjid, domain: 'LB', seq: ++seq, testcd, test: testcd, category: '', value, text: '', unit: 'U/L', low: 0, high, nrind: '', baselineFlag: false, date: '2026-03-09', visit: '' } as SafetyResult,
	studyDay: 8, isBaseline: !postBaseline, postBaseline, baseline: null, low: null, high: null
});

describe('hepatic peaks and the Hy’s law quadrant', () => {
	it.each<[string, GradedResult[], boolean | null]>([
		['ALT 3.1 × ULN and bilirubin 2.1 × ULN: Hy’s law range', [g('A', 'ALT', 124, 40), g('A', 'BILI', 44.1, 21)], true],
		['ALT exactly 3 × ULN is not above it', [g('A', 'ALT', 120, 40), g('A', 'BILI', 50, 21)], false],
		['bilirubin exactly 2 × ULN is not above it', [g('A', 'AST', 200, 40), g('A', 'BILI', 42, 21)], false],
		['AST counts as well as ALT', [g('A', 'ALT', 50, 40), g('A', 'AST', 130, 40), g('A', 'BILI', 60, 21)], true],
		['peaks on different days still count (as eDISH plots them)', [g('A', 'ALT', 200, 40), g('A', 'BILI', 10, 21), g('A', 'BILI', 50, 21)], true],
		['a baseline value is not a post-dose peak', [g('A', 'ALT', 200, 40, false), g('A', 'ALT', 40, 40), g('A', 'BILI', 50, 21)], false],
		['no bilirubin: not plotted', [g('A', 'ALT', 200, 40)], null]
	])('%s', (_n, rows, hys) => {
		const p = hepaticPeaks(rows);
		if (hys === null) expect(p).toEqual([]);
		else expect(p[0]!.hysLaw).toBe(hys);
	});

	it('places points on log scales with the limits at 3 and 2 × ULN, and counts the quadrant per level', () => {
		const peaks = hepaticPeaks([g('A', 'ALT', 400, 40), g('A', 'BILI', 63, 21), g('B', 'ALT', 20, 40), g('B', 'BILI', 10, 21)]);
		const layout = layoutEdish(peaks, new Map([['A', 'DL2'], ['B', 'DL1']]), { width: 720, height: 420 });
		const a = layout.points.find((p) => p.usubjid === 'A')!;
		const b = layout.points.find((p) => p.usubjid === 'B')!;
		expect(a.x).toBeGreaterThan(layout.limitX);
		expect(a.y).toBeLessThan(layout.limitY);
		expect(b.x).toBeLessThan(layout.limitX);
		// On a log scale 1 × ULN sits as far above 0.1 as 10 × above 1.
		const one = layout.xTicks.find((t) => t.value === 1)!.x;
		const ten = layout.xTicks.find((t) => t.value === 10)!.x;
		expect(ten - one).toBeCloseTo(one - 0, 5);
		expect(hysLawCounts(layout.points, ['DL1', 'DL2'])).toEqual([
			{ doseLevel: 'DL1', subjects: 1, hysLaw: 0 },
			{ doseLevel: 'DL2', subjects: 1, hysLaw: 1 }
		]);
	});
});
