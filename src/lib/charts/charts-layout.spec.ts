import { describe, expect, it } from 'vitest';
import type { AeRow } from '../domain/ae-listing';
import type { DoseLevelEvaluation } from '../domain/dlt/evaluate-study';
import type { AdverseEvent } from '../domain/types';
import { layoutDltBars } from './dlt-bars';
import { computeIncidence, initiallyOpen } from './incidence';

const level = (doseLevel: string, evaluable: number, dlts: number, pending: number, notEvaluable: number): DoseLevelEvaluation => ({
	doseLevel, enrolled: evaluable + pending + notEvaluable, evaluable, dlts, pending, notEvaluable, decision: 'enrolling', reason: '', usesCommittee: false
});

describe('layoutDltBars: stacking', () => {
	const layout = layoutDltBars([level('DL1', 3, 0, 0, 0), level('DL2', 6, 1, 0, 0), level('DL3', 3, 2, 2, 1)], { kind: '3+3', deescalation: false }, { width: 400, height: 260 });
	it('stacks DLT, no DLT, pending, not evaluable from the axis up, without gaps', () => {
		const dl3 = layout.bars[2]!;
		expect(dl3.segments.map((s) => [s.kind, s.count])).toEqual([['dlt', 2], ['no_dlt', 1], ['pending', 2], ['not_evaluable', 1]]);
		for (let i = 1; i < dl3.segments.length; i++) {
			expect(dl3.segments[i]!.y + dl3.segments[i]!.height).toBeCloseTo(dl3.segments[i - 1]!.y, 6);
		}
		expect(dl3.segments[0]!.y + dl3.segments[0]!.height).toBeCloseTo(layout.plot.height, 6);
	});
	it('leaves out empty segments and keeps bars in level order, equally wide', () => {
		expect(layout.bars[0]!.segments.map((s) => s.kind)).toEqual(['no_dlt']);
		expect(layout.bars.map((b) => b.code)).toEqual(['DL1', 'DL2', 'DL3']);
		expect(layout.bars[1]!.x).toBeGreaterThan(layout.bars[0]!.x);
		expect(new Set(layout.bars.map((b) => b.width)).size).toBe(1);
	});
	it('has whole-number ticks from 0 to at least the largest level', () => {
		expect(layout.yTicks[0]!.value).toBe(0);
		expect(layout.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(6);
		expect(layout.yTicks.every((t) => Number.isInteger(t.value))).toBe(true);
	});
	it('draws BOIN boundaries at each level’s n, none for 3+3', () => {
		expect(layout.bars[1]!.boundaries).toBeNull();
		const boin = layoutDltBars([level('DL2', 6, 1, 0, 0)], { kind: 'boin', target: 0.3, elimination: true, stopWhenDeescalationImpossible: false }, { width: 400, height: 260 });
		expect(boin.bars[0]!.boundaries).toMatchObject({ escalate: 1, deescalate: 3 });
	});
});

const row = (usubjid: string, level: string, term: string, soc: string, grade: AdverseEvent['grade']): AeRow =>
	({ ae: { usubjid, term, soc, grade } as AdverseEvent, doseLevel: level, studyDay: 1, maxRelatedness: null, teae: true, imputedOnset: null, inDltWindow: true });

describe('computeIncidence', () => {
	const subjects = ['A', 'B', 'C', 'D'].map((u, i) => ({ usubjid: u, doseLevel: i < 2 ? 'DL1' : 'DL2' }));
	const { denominators, socs } = computeIncidence(
		[
			row('A', 'DL1', 'Nausea', 'GI', 1),
			row('A', 'DL1', 'Nausea', 'GI', 3), // the same subject twice: counted once, worst grade kept
			row('B', 'DL1', 'Diarrhea', 'GI', 2),
			row('C', 'DL2', 'Nausea', 'GI', 2),
			row('D', 'DL2', 'Rash', 'Skin', 1)
		],
		subjects,
		['DL1', 'DL2'],
		new Set(['A', 'B', 'C', 'D'])
	);
	it('counts subjects, not events, with the percent of the level’s dosed subjects and the worst grade', () => {
		expect(denominators).toEqual(new Map([['DL1', 2], ['DL2', 2]]));
		const nausea = socs[0]!.terms[0]!;
		expect(nausea.label).toBe('Nausea');
		expect(nausea.cells).toEqual([
			{ level: 'DL1', subjects: 1, percent: 50, maxGrade: 3 },
			{ level: 'DL2', subjects: 1, percent: 50, maxGrade: 2 }
		]);
	});
	it('sorts SOCs and terms by the number of subjects, most first', () => {
		expect(socs.map((s) => [s.label, s.total])).toEqual([['GI', 3], ['Skin', 1]]);
		expect(socs[0]!.terms.map((t) => [t.label, t.total])).toEqual([['Nausea', 2], ['Diarrhea', 1]]);
	});
	it('has empty cells where nobody had the term', () => {
		expect(socs[1]!.cells[0]).toEqual({ level: 'DL1', subjects: 0, percent: 0, maxGrade: null });
	});
});

describe('initiallyOpen: the heatmap opens the most frequent SOCs while their terms fit about a screen', () => {
	const soc = (label: string, terms: number) => ({ label, terms: Array.from({ length: terms }, (_, i) => ({ label: `${label} ${i}` })) }) as never;
	it.each([
		['a cohort study: every SOC open', [soc('A', 8), soc('B', 6), soc('C', 3)], ['A', 'B', 'C']],
		['exactly the budget still fits', [soc('A', 20), soc('B', 10)], ['A', 'B']],
		['the first that does not fit closes it and every less frequent one', [soc('A', 12), soc('B', 25), soc('C', 1)], ['A']],
		['a large study whose most frequent SOC alone is more than a screen: all closed', [soc('A', 41), soc('B', 2)], []],
		['no SOC', [], []]
	])('%s', (_n, socs, open) => {
		expect(initiallyOpen(socs)).toEqual(open);
	});
});
