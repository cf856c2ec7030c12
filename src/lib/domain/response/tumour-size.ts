/**
 * The sum of the target lesions' diameters per assessment (TR), and each participant's best percentage change
 * from baseline, for the waterfall. The sponsor's own sum (TRTESTCD SUMDIAM) is used where the file gives it;
 * otherwise the longest diameters (LDIAM) of the TARGET lesions of one assessment are added. One evaluator's reads
 * (the investigator by default), and where that evaluator's records carry an acceptance flag, only the accepted
 * read. Baseline: the assessment at a BASELINE or SCREENING visit, else the last one on or before day 1. Best change:
 * the smallest percentage change after baseline (the largest shrinkage, or the least growth). Pure.
 */
import { assessmentDay } from './recist';
import type { Dtc } from '../types';

export interface TumourRecord {
	usubjid: string;
	testcd: string;
	/** TRGRPID: TARGET, NON-TARGET, NEW. */
	group: string;
	value: number | null;
	date: Dtc | null;
	visit: string;
	evaluator: string;
	accepted: boolean;
}

export interface SumOfDiameters {
	date: string;
	day: number;
	visit: string;
	/** mm. */
	sum: number;
	from: 'SUMDIAM' | 'LDIAM';
}

export interface BestChange {
	usubjid: string;
	baseline: SumOfDiameters;
	best: SumOfDiameters;
	/** Percent, rounded to one decimal. */
	change: number;
}

/** Each participant's sums of diameters in date order. */
export function sumsOfDiameters(records: readonly TumourRecord[], evaluator = 'INVESTIGATOR'): Map<string, SumOfDiameters[]> {
	const mine = records.filter((r) => r.date && r.value !== null && (!r.evaluator || r.evaluator.toUpperCase() === evaluator.toUpperCase()));
	const flagged = mine.some((r) => r.accepted);
	const reads = mine.filter((r) => !flagged || r.accepted);
	const byKey = new Map<string, { usubjid: string; date: string; visit: string; given: number | null; ldiam: number; lesions: number }>();
	for (const r of reads) {
		const testcd = r.testcd.toUpperCase();
		const isSum = testcd === 'SUMDIAM';
		if (!isSum && !(testcd === 'LDIAM' && r.group.toUpperCase() === 'TARGET')) continue;
		const key = `${r.usubjid}\u0000${r.date}`;
		const at = byKey.get(key) ?? { usubjid: r.usubjid, date: r.date!, visit: r.visit, given: null, ldiam: 0, lesions: 0 };
		if (isSum) at.given = r.value;
		else {
			at.ldiam += r.value!;
			at.lesions++;
		}
		byKey.set(key, at);
	}
	const out = new Map<string, SumOfDiameters[]>();
	for (const at of byKey.values()) {
		const day = assessmentDay(at.date);
		if (day === null || (at.given === null && at.lesions === 0)) continue;
		const s: SumOfDiameters = { date: at.date, day, visit: at.visit, sum: at.given ?? Math.round(at.ldiam * 100) / 100, from: at.given !== null ? 'SUMDIAM' : 'LDIAM' };
		(out.get(at.usubjid) ?? out.set(at.usubjid, []).get(at.usubjid)!).push(s);
	}
	for (const list of out.values()) list.sort((a, b) => a.day - b.day);
	return out;
}

/** The best (smallest) percentage change from baseline; null without a baseline above zero or an assessment after it. */
export function bestPercentChange(usubjid: string, series: readonly SumOfDiameters[], day1: Dtc | null): BestChange | null {
	const first = day1 ? assessmentDay(day1.slice(0, 10)) : null;
	const named = series.filter((s) => /BASELINE|SCREENING/i.test(s.visit));
	const baseline = named.length ? named[named.length - 1]! : first === null ? null : [...series].reverse().find((s) => s.day <= first) ?? null;
	if (!baseline || baseline.sum <= 0) return null;
	const after = series.filter((s) => s !== baseline && s.day > baseline.day && !/BASELINE|SCREENING/i.test(s.visit));
	if (!after.length) return null;
	const best = after.reduce((a, b) => (b.sum < a.sum ? b : a));
	return { usubjid, baseline, best, change: Math.round(((best.sum - baseline.sum) / baseline.sum) * 1000) / 10 };
}
