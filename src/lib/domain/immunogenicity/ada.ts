/**
 * Anti-drug antibodies, as protocol 000 defines them: "A sample will be considered positive for circulating
 * anti-drug antibodies if it exhibits a post-baseline antibody level that exceeds the upper 95% confidence
 * interval of the mean determined from the normal anti-drug level seen in healthy untreated individuals. A
 * participant will be considered to have an anti-drug response if there are 2 consecutive positive samples or if
 * the final sample tested is positive." Counted per cycle (cycle 1 days 1–21, cycle 2 days 21–49, cycle 3 from
 * day 50). "Consecutive" and "final" are read among the samples tested: a sample without a result (not done,
 * or a level with no cut-point) neither parts two positives nor ends the series. Pure.
 */
import { computeStudyDay, orderKey } from '../partial-date';
import type { AdaStatus, Dtc } from '../types';
import { tQuantile } from '../stats/distributions';

/** One immunogenicity sample (an IS record). */
export interface AdaSample {
	usubjid: string;
	seq: number;
	/** ISTESTCD: ADA_BAB (binding), ADA_NAB (neutralising) … */
	testcd: string;
	/** ISSTRESC as recorded: POSITIVE, NEGATIVE, a titre, "<1.40". */
	text: string;
	/** ISSTRESN: a titre or level, when numeric. */
	value: number | null;
	baselineFlag: boolean;
	date: Dtc | null;
}

export type SampleResult = 'positive' | 'negative' | 'indeterminate';

export interface ClassifiedSample extends AdaSample {
	studyDay: number | null;
	/** Baseline: flagged ISBLFL, or drawn on or before day 1 when nothing is flagged. */
	baseline: boolean;
	result: SampleResult;
	why: string;
}

/**
 * The cut-point from healthy untreated individuals' levels: the upper bound of the two-sided 95% confidence interval
 * of their mean, mean + t(0.975, n − 1) × SD / √n.
 */
export function cutPointFromHealthy(values: readonly number[]): { cutPoint: number; n: number; mean: number; sd: number; t: number; formula: string } {
	const n = values.length;
	if (n < 2) throw new Error('The cut-point needs at least two healthy-subject values.');
	const mean = values.reduce((s, v) => s + v, 0) / n;
	const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
	const t = tQuantile(0.975, n - 1);
	const cutPoint = mean + (t * sd) / Math.sqrt(n);
	const r = (x: number) => Number(x.toPrecision(4));
	return { cutPoint, n, mean, sd, t, formula: `mean ${r(mean)} + t(0.975, ${n - 1}) ${r(t)} × SD ${r(sd)} / √${n} = ${r(cutPoint)}` };
}

/** A sample's result: positive or negative as reported, or a level against the cut-point ("exceeds" is strict). */
export function classifySample(s: Pick<AdaSample, 'text' | 'value'>, cutPoint: number | null): { result: SampleResult; why: string } {
	const text = s.text.trim().toUpperCase();
	if (text === 'POSITIVE' || text === 'POS') return { result: 'positive', why: 'reported positive' };
	if (text === 'NEGATIVE' || text === 'NEG') return { result: 'negative', why: 'reported negative' };
	if (text.startsWith('<')) return { result: 'negative', why: `below the limit of quantitation (${s.text.trim()})` };
	if (s.value === null) return { result: 'indeterminate', why: text ? `"${s.text.trim()}" is neither a result nor a level` : 'no result' };
	if (cutPoint === null) return { result: 'indeterminate', why: `level ${s.value} with no cut-point set` };
	return s.value > cutPoint ? { result: 'positive', why: `level ${s.value} exceeds the cut-point ${Number(cutPoint.toPrecision(4))}` } : { result: 'negative', why: `level ${s.value} does not exceed the cut-point ${Number(cutPoint.toPrecision(4))}` };
}

export type { AdaStatus };
export type AdaPattern = 'treatment-induced' | 'treatment-boosted' | 'pre-existing' | 'negative' | 'not evaluable';

export interface AdaSubject {
	usubjid: string;
	adaStatus: AdaStatus;
	pattern: AdaPattern;
	reason: string;
	samples: ClassifiedSample[];
}

const BOOST = 4;

/**
 * Each participant's status by protocol 000's rule (on the post-baseline samples of one test, in time order:
 * two consecutive positives, or the final tested sample positive; an indeterminate sample is not tested), and the
 * usual pattern: treatment-induced (negative or no baseline, positive after), treatment-boosted (positive baseline,
 * a post-baseline level at least 4 × it), pre-existing (positive baseline, not boosted), negative.
 */
export function adaSubjects(samples: readonly AdaSample[], day1: ReadonlyMap<string, Dtc | null>, cutPoint: number | null, testcd = 'ADA_BAB'): AdaSubject[] {
	const by = new Map<string, AdaSample[]>();
	for (const s of samples) if (s.testcd.toUpperCase() === testcd.toUpperCase()) (by.get(s.usubjid) ?? by.set(s.usubjid, []).get(s.usubjid)!).push(s);
	return [...by].map(([usubjid, list]) => {
		const first = day1.get(usubjid) ?? null;
		const anyFlag = list.some((s) => s.baselineFlag);
		const classified: ClassifiedSample[] = list
			.sort((a, b) => orderKey(a.date) - orderKey(b.date) || a.seq - b.seq)
			.map((s) => {
				const studyDay = first ? computeStudyDay(s.date, first) : null;
				const baseline = anyFlag ? s.baselineFlag : studyDay !== null && studyDay <= 1;
				return { ...s, studyDay, baseline, ...classifySample(s, cutPoint) };
			});
		const base = classified.filter((s) => s.baseline).at(-1) ?? null;
		const post = classified.filter((s) => !s.baseline && (s.studyDay === null || s.studyDay >= 1));
		const tested = post.filter((s) => s.result !== 'indeterminate');
		const day = (s: ClassifiedSample) => (s.studyDay !== null ? `day ${s.studyDay}` : (s.date ?? 'an undated sample'));
		let status: AdaStatus;
		let reason: string;
		const pair = tested.findIndex((s, i) => s.result === 'positive' && tested[i + 1]?.result === 'positive');
		if (!first || !tested.length) {
			status = 'not_evaluable';
			reason = !first ? 'never dosed: no post-baseline sample' : 'no post-baseline sample with a result';
		} else if (pair >= 0) {
			status = 'positive';
			reason = `2 consecutive positive samples (${day(tested[pair]!)} and ${day(tested[pair + 1]!)})`;
		} else if (tested.at(-1)!.result === 'positive') {
			status = 'positive';
			reason = `the final sample tested (${day(tested.at(-1)!)}) is positive`;
		} else {
			const positives = tested.filter((s) => s.result === 'positive');
			status = 'negative';
			reason = positives.length ? `${positives.length} positive sample${positives.length === 1 ? '' : 's'} (${positives.map(day).join(', ')}), never 2 in a row, and the final sample tested is negative` : 'no positive sample after baseline';
		}
		const postPositive = post.filter((s) => s.result === 'positive');
		let pattern: AdaPattern;
		// Without a post-baseline result there is nothing to tell a pattern from.
		if (!first || !tested.length) pattern = 'not evaluable';
		else if (base?.result === 'positive') {
			const boosted = base.value !== null && post.some((s) => s.value !== null && s.value >= BOOST * base.value!);
			pattern = boosted ? 'treatment-boosted' : 'pre-existing';
		} else pattern = postPositive.length ? 'treatment-induced' : 'negative';
		return { usubjid, adaStatus: status, pattern, reason, samples: classified };
	});
}

/** Protocol 000's cycles by study day: cycle 1 days 1–21, cycle 2 days 22–49, cycle 3 from day 50 (day 21 closes cycle 1). */
export function cycleOfDay(day: number | null): number | null {
	if (day === null || day < 1) return null;
	return day <= 21 ? 1 : day <= 49 ? 2 : 3;
}

/** Per dose level and cycle: participants with a positive sample in that cycle, of those sampled in it. */
export function adaByCycle(subjects: readonly AdaSubject[], levelOf: ReadonlyMap<string, string | null>): { doseLevel: string; cycle: number; sampled: number; positive: number }[] {
	const cells = new Map<string, { doseLevel: string; cycle: number; sampled: Set<string>; positive: Set<string> }>();
	for (const s of subjects) {
		const level = levelOf.get(s.usubjid);
		if (!level) continue;
		for (const x of s.samples) {
			const cycle = x.baseline ? null : cycleOfDay(x.studyDay);
			if (cycle === null || x.result === 'indeterminate') continue;
			const k = `${level}|${cycle}`;
			const c = cells.get(k) ?? { doseLevel: level, cycle, sampled: new Set(), positive: new Set() };
			c.sampled.add(s.usubjid);
			if (x.result === 'positive') c.positive.add(s.usubjid);
			cells.set(k, c);
		}
	}
	return [...cells.values()].map((c) => ({ doseLevel: c.doseLevel, cycle: c.cycle, sampled: c.sampled.size, positive: c.positive.size })).sort((a, b) => a.doseLevel.localeCompare(b.doseLevel) || a.cycle - b.cycle);
}

/** IS records as ADA samples. */
export function adaSamplesOf(results: readonly { domain: string; usubjid: string; seq: number; testcd: string; text: string; value: number | null; baselineFlag: boolean; date: Dtc | null }[]): AdaSample[] {
	return results.filter((r) => r.domain === 'IS').map((r) => ({ usubjid: r.usubjid, seq: r.seq, testcd: r.testcd, text: r.text, value: r.value, baselineFlag: r.baselineFlag, date: r.date }));
}

export interface AdaLevelSummary {
	doseLevel: string;
	participants: number;
	positive: number;
	negative: number;
	notEvaluable: number;
	patterns: Record<AdaPattern, number>;
}

/** Per dose level: participants by status and pattern. */
export function adaByLevel(subjects: readonly AdaSubject[], levelOf: ReadonlyMap<string, string | null>, levels: readonly string[]): AdaLevelSummary[] {
	return levels.map((doseLevel) => {
		const at = subjects.filter((s) => levelOf.get(s.usubjid) === doseLevel);
		const patterns = { 'treatment-induced': 0, 'treatment-boosted': 0, 'pre-existing': 0, negative: 0, 'not evaluable': 0 } as Record<AdaPattern, number>;
		for (const s of at) patterns[s.pattern]++;
		return {
			doseLevel,
			participants: at.length,
			positive: at.filter((s) => s.adaStatus === 'positive').length,
			negative: at.filter((s) => s.adaStatus === 'negative').length,
			notEvaluable: at.filter((s) => s.adaStatus === 'not_evaluable').length,
			patterns
		};
	});
}

/**
 * The study's anti-drug antibody status per participant as of a date: the binding antibody test (ADA_BAB) where
 * the study has it, else its first IS test; null without IS results by then.
 */
export function studyAda(
	results: Parameters<typeof adaSamplesOf>[0],
	day1: ReadonlyMap<string, Dtc | null>,
	cutPoint: number | null,
	asOf: string
): { testcd: string; subjects: AdaSubject[] } | null {
	const cut = asOf.slice(0, 10);
	const samples = adaSamplesOf(results).filter((s) => !s.date || s.date.slice(0, 10) <= cut);
	if (!samples.length) return null;
	const testcd = samples.some((s) => s.testcd.toUpperCase() === 'ADA_BAB') ? 'ADA_BAB' : samples[0]!.testcd;
	return { testcd, subjects: adaSubjects(samples, day1, cutPoint, testcd) };
}
