/**
 * Lab grades per subject and dose level: each subject's baseline grade and worst post-baseline grade per graded
 * test and direction, the shift tables (baseline grade → worst grade) built from them, and the subjects with a
 * result of grade ≥ 1 and ≥ 3. Pure.
 */
import type { Direction, GradedResult } from './grade-labs';

export interface WorstGrade {
	usubjid: string;
	testcd: string;
	term: string;
	direction: Direction;
	/** The baseline result's grade; null when there is no baseline or it cannot be graded. */
	baselineGrade: number | null;
	/** The worst grade after the first dose; null when no post-baseline result could be graded. */
	worstGrade: number | null;
	/** The post-baseline result that gave the worst grade (the first of equals). */
	worstSeq: number | null;
	/** The worst grade not resting on an admiral assumption about a clinical part of the criteria. */
	worstMeasured: number | null;
	/** The assumption the worst grade rests on, when it does (Hyperuricemia: "assume with physiologic consequences"). */
	assumption: string | null;
}

/** Every subject's baseline and worst post-baseline grade, per graded test and direction. */
export function worstGrades(graded: readonly GradedResult[]): WorstGrade[] {
	const byKey = new Map<string, WorstGrade>();
	for (const g of graded) {
		for (const direction of ['low', 'high'] as const) {
			const tg = g[direction];
			if (!tg) continue;
			const key = `${g.result.usubjid}\u0000${g.result.testcd}\u0000${direction}`;
			let w = byKey.get(key);
			if (!w) byKey.set(key, (w = { usubjid: g.result.usubjid, testcd: g.result.testcd, term: tg.term, direction, baselineGrade: null, worstGrade: null, worstSeq: null, worstMeasured: null, assumption: null }));
			if (g.isBaseline) w.baselineGrade = tg.grade;
			if (!g.postBaseline || tg.grade === null) continue;
			if (w.worstGrade === null || tg.grade > w.worstGrade) {
				w.worstGrade = tg.grade;
				w.worstSeq = g.result.seq;
				w.assumption = tg.assumption;
			}
			const measured = tg.assumption ? 0 : tg.grade;
			if (w.worstMeasured === null || measured > w.worstMeasured) w.worstMeasured = measured;
		}
	}
	return [...byKey.values()];
}

/** One shift table: subjects of a dose level counted by baseline grade (rows) and worst post-baseline grade (columns). */
export interface ShiftTable {
	testcd: string;
	term: string;
	direction: Direction;
	doseLevel: string;
	/** `counts[baseline][worst]`, grades 0–4 then index 5 for "missing" (no baseline, or no gradable result after day 1). */
	counts: number[][];
	subjects: number;
}

export const MISSING = 5;

export function shiftTables(worst: readonly WorstGrade[], levelOf: ReadonlyMap<string, string | null>, levels: readonly string[]): ShiftTable[] {
	const tables = new Map<string, ShiftTable>();
	for (const w of worst) {
		const level = levelOf.get(w.usubjid);
		if (!level) continue;
		const key = `${w.testcd}\u0000${w.direction}\u0000${level}`;
		let t = tables.get(key);
		if (!t) tables.set(key, (t = { testcd: w.testcd, term: w.term, direction: w.direction, doseLevel: level, counts: Array.from({ length: 6 }, () => Array(6).fill(0)), subjects: 0 }));
		t.counts[w.baselineGrade ?? MISSING]![w.worstGrade ?? MISSING]!++;
		t.subjects++;
	}
	const order = new Map(levels.map((l, i) => [l, i]));
	return [...tables.values()].sort((a, b) => a.testcd.localeCompare(b.testcd) || (a.direction === b.direction ? 0 : a.direction === 'low' ? -1 : 1) || (order.get(a.doseLevel) ?? 99) - (order.get(b.doseLevel) ?? 99));
}

export interface AbnormalCounts {
	graded: number;
	grade1: number;
	grade3: number;
	/** Of `grade3`, the subjects whose grade ≥ 3 rests only on an admiral assumption (no measured grade ≥ 3). */
	grade3Assumed: number;
}

/** Per dose level: subjects with any post-baseline lab grade ≥ 1 and ≥ 3, of the subjects with a graded lab. */
export function abnormalLabSubjects(worst: readonly WorstGrade[], levelOf: ReadonlyMap<string, string | null>): Map<string, AbnormalCounts> {
	const best = new Map<string, { any: number; measured: number }>();
	for (const w of worst) {
		if (w.worstGrade === null) continue;
		const b = best.get(w.usubjid) ?? { any: 0, measured: 0 };
		best.set(w.usubjid, { any: Math.max(b.any, w.worstGrade), measured: Math.max(b.measured, w.worstMeasured ?? 0) });
	}
	const out = new Map<string, AbnormalCounts>();
	for (const [usubjid, g] of best) {
		const level = levelOf.get(usubjid);
		if (!level) continue;
		const c = out.get(level) ?? { graded: 0, grade1: 0, grade3: 0, grade3Assumed: 0 };
		c.graded++;
		if (g.any >= 1) c.grade1++;
		if (g.any >= 3) c.grade3++;
		if (g.any >= 3 && g.measured < 3) c.grade3Assumed++;
		out.set(level, c);
	}
	return out;
}
