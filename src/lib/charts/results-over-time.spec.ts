import { describe, expect, it } from 'vitest';
import type { GradedResult } from '$lib/domain/labs/grade-labs';
import type { SafetyResult } from '$lib/domain/types';
import { layoutResultsOverTime } from './results-over-time';

const g = (usubjid: string, studyDay: number, value: number): GradedResult => ({
	result: { studyId: 's', usubjid, domain: 'LB', seq: studyDay, testcd: 'NEUT', test: '', category: '', value, text: '', unit: 'GI/L', low: 2, high: 7.5, nrind: '', baselineFlag: false, date: '', visit: '' } as SafetyResult,
	studyDay, isBaseline: false, postBaseline: true, baseline: null, low: null, high: null
});

describe('results over time, a panel per dose level', () => {
	const rows = [g('A', 1, 4), g('A', 8, 1), g('B', 2, 5), g('B', 9, 2), g('C', 8, 0.5), g('X', 8, 9)];
	const layout = layoutResultsOverTime(rows, new Map([['A', 'DL1'], ['B', 'DL1'], ['C', 'DL2'], ['X', null]]), ['DL1', 'DL2'], { width: 600, height: 200 });

	it('draws one line per subject in its level’s panel, and leaves out subjects at no level', () => {
		expect(layout.panels.map((p) => [p.doseLevel, p.subjects.map((s) => s.usubjid)])).toEqual([['DL1', ['A', 'B']], ['DL2', ['C']]]);
		expect(layout.panels[1]!.x).toBeGreaterThan(layout.panels[0]!.x + layout.panelWidth);
	});

	it('gives each level’s median per study week (days 1–7 are week 1)', () => {
		expect(layout.panels[0]!.median.points).toEqual([{ week: 0, value: 4.5, n: 2 }, { week: 1, value: 1.5, n: 2 }]);
		expect(layout.panels[1]!.median.points).toEqual([{ week: 1, value: 0.5, n: 1 }]);
	});
});
