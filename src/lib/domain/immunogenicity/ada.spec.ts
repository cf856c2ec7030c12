import { describe, expect, it } from 'vitest';
import { dateOfStudyDay } from '../partial-date';
import { adaByCycle, adaSubjects, classifySample, cutPointFromHealthy, cycleOfDay, type AdaSample } from './ada';

const DAY1 = '2026-03-02';
let seq = 0;
/** A binding-ADA sample on a study day: a level, or POSITIVE / NEGATIVE as reported. */
const s = (day: number, result: number | string, baseline = false): AdaSample => ({
	usubjid: 'S-1', seq: ++seq, testcd: 'ADA_BAB', text: String(result), value: typeof result === 'number' ? result : null, baselineFlag: baseline, date: dateOfStudyDay(day, DAY1)
});
const day1 = new Map([['S-1', DAY1]]);
const CUT = 1.5;

describe('a sample: positive, negative or indeterminate', () => {
	it.each<[string, Pick<AdaSample, 'text' | 'value'>, number | null, string]>([
		['a level above the cut-point', { text: '1.6', value: 1.6 }, CUT, 'positive'],
		['a level equal to the cut-point does not exceed it', { text: '1.5', value: 1.5 }, CUT, 'negative'],
		['a level below it', { text: '1.2', value: 1.2 }, CUT, 'negative'],
		['reported POSITIVE', { text: 'POSITIVE', value: null }, CUT, 'positive'],
		['reported NEGATIVE', { text: 'negative', value: null }, CUT, 'negative'],
		['below the limit of quantitation (<1.40)', { text: '<1.40', value: null }, CUT, 'negative'],
		['a level with no cut-point set', { text: '1.6', value: 1.6 }, null, 'indeterminate'],
		['no result', { text: '', value: null }, CUT, 'indeterminate']
	])('%s', (_n, sample, cut, expected) => {
		expect(classifySample(sample, cut).result).toBe(expected);
	});
});

describe('a participant: protocol 000’s rule and the pattern', () => {
	it.each<[string, AdaSample[], string, string, RegExp]>([
		['two consecutive positives', [s(-1, 1.0, true), s(8, 1.8), s(15, 1.9), s(29, 1.2)], 'positive', 'treatment-induced', /^2 consecutive positive samples \(day 8 and day 15\)$/],
		['two positives, not consecutive, the final negative', [s(-1, 1.0, true), s(8, 1.8), s(15, 1.2), s(29, 1.9), s(43, 1.1)], 'negative', 'treatment-induced', /^2 positive samples \(day 8, day 29\), never 2 in a row, and the final sample tested is negative$/],
		['only the final sample positive', [s(-1, 1.0, true), s(8, 1.1), s(15, 1.2), s(43, 1.7)], 'positive', 'treatment-induced', /^the final sample tested \(day 43\) is positive$/],
		['a final positive after an indeterminate one is still final', [s(-1, 1.0, true), s(8, 1.1), s(15, 1.7), s(29, '')], 'positive', 'treatment-induced', /final sample tested \(day 15\)/],
		['an untested sample between two positives does not part them (consecutive among the samples tested)', [s(-1, 1.0, true), s(8, 1.8), s(15, ''), s(22, 1.9), s(29, 1.0)], 'positive', 'treatment-induced', /^2 consecutive positive samples \(day 8 and day 22\)$/],
		['a level equal to the cut-point twice is not positive', [s(-1, 1.0, true), s(8, 1.5), s(15, 1.5)], 'negative', 'negative', /^no positive sample after baseline$/],
		['positive at baseline, not boosted: pre-existing', [s(-1, 2.0, true), s(8, 2.5), s(15, 2.6)], 'positive', 'pre-existing', /consecutive/],
		['positive at baseline, 4 × higher after: treatment-boosted', [s(-1, 2.0, true), s(8, 8.0), s(15, 1.2)], 'negative', 'treatment-boosted', /final sample tested is negative/],
		['baseline only: not evaluable, and no pattern', [s(-1, 1.0, true)], 'not_evaluable', 'not evaluable', /^no post-baseline sample with a result$/],
		['positive at baseline only: not evaluable either, not pre-existing', [s(-1, 2.0, true)], 'not_evaluable', 'not evaluable', /^no post-baseline sample/]
	])('%s', (_n, samples, status, pattern, reason) => {
		const [subject] = adaSubjects(samples, day1, CUT);
		expect(subject).toMatchObject({ adaStatus: status, pattern });
		expect(subject!.reason).toMatch(reason);
	});

	it('a subject never dosed is not evaluable', () => {
		expect(adaSubjects([s(8, 1.8)], new Map([['S-1', null]]), CUT)[0]).toMatchObject({ adaStatus: 'not_evaluable', reason: 'never dosed: no post-baseline sample' });
	});
});

describe('the cut-point from healthy untreated individuals', () => {
	it('is the upper bound of the 95% confidence interval of their mean, with the formula and numbers shown', () => {
		// Mean 1.2, SD 0.1581 (n 5): 1.2 + 2.776445 × 0.1581139 / √5 = 1.396324.
		const c = cutPointFromHealthy([1.0, 1.1, 1.2, 1.3, 1.4]);
		expect(c.mean).toBeCloseTo(1.2, 10);
		expect(c.sd).toBeCloseTo(0.1581139, 6);
		expect(c.t).toBeCloseTo(2.776445, 5);
		expect(c.cutPoint).toBeCloseTo(1.396324, 5);
		expect(c.formula).toBe('mean 1.2 + t(0.975, 4) 2.776 × SD 0.1581 / √5 = 1.396');
	});

	it('needs at least two values', () => {
		expect(() => cutPointFromHealthy([1])).toThrow(/at least two/);
	});
});

describe('protocol 000’s cycles', () => {
	it.each([[1, 1], [21, 1], [22, 2], [49, 2], [50, 3], [200, 3], [0, null], [-1, null]])('day %i is cycle %s', (day, cycle) => {
		expect(cycleOfDay(day)).toBe(cycle);
	});

	it('counts participants with a positive sample per cycle and dose level', () => {
		const subjects = adaSubjects([s(-1, 1.0, true), s(8, 1.8), s(15, 1.9), s(29, 1.2)], day1, CUT);
		expect(adaByCycle(subjects, new Map([['S-1', 'C1']]))).toEqual([
			{ doseLevel: 'C1', cycle: 1, sampled: 1, positive: 1 },
			{ doseLevel: 'C1', cycle: 2, sampled: 1, positive: 0 }
		]);
	});
});

describe('per dose level', () => {
	it('counts participants by status and pattern, and reads IS records as samples', async () => {
		const { adaByLevel, adaSamplesOf } = await import('./ada');
		const samples = adaSamplesOf([
			{ domain: 'IS', usubjid: 'S-1', seq: 1, testcd: 'ADA_BAB', text: '1.0', value: 1.0, baselineFlag: true, date: dateOfStudyDay(-1, DAY1) },
			{ domain: 'IS', usubjid: 'S-1', seq: 2, testcd: 'ADA_BAB', text: '1.8', value: 1.8, baselineFlag: false, date: dateOfStudyDay(15, DAY1) },
			{ domain: 'LB', usubjid: 'S-1', seq: 3, testcd: 'PLAT', text: '200', value: 200, baselineFlag: false, date: dateOfStudyDay(15, DAY1) }
		]);
		expect(samples).toHaveLength(2);
		const subjects = adaSubjects(samples, day1, CUT);
		expect(adaByLevel(subjects, new Map([['S-1', 'C1']]), ['C1', 'C2'])).toEqual([
			{ doseLevel: 'C1', participants: 1, positive: 1, negative: 0, notEvaluable: 0, patterns: { 'treatment-induced': 1, 'treatment-boosted': 0, 'pre-existing': 0, negative: 0, 'not evaluable': 0 } },
			{ doseLevel: 'C2', participants: 0, positive: 0, negative: 0, notEvaluable: 0, patterns: { 'treatment-induced': 0, 'treatment-boosted': 0, 'pre-existing': 0, negative: 0, 'not evaluable': 0 } }
		]);
	});
});
