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
			if (!w) byKey.set(key, (w = { usubjid: g.result.usubjid, testcd: g.result.testcd, term: tg.term, direction, baselineGrade: null, worstGrade: null, worstSeq: null }));
			if (g.isBaseline) w.baselineGrade = tg.grade;
			if (g.postBaseline && tg.grade !== null && (w.worstGrade === null || tg.grade > w.worstGrade)) {
				w.worstGrade = tg.grade;
				w.worstSeq = g.result.seq;
			}
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

/** Per dose level: subjects with any post-baseline lab grade ≥ 1 and ≥ 3, of the subjects with a graded lab. */
export function abnormalLabSubjects(worst: readonly WorstGrade[], levelOf: ReadonlyMap<string, string | null>): Map<string, { graded: number; grade1: number; grade3: number }> {
	const best = new Map<string, number>();
	for (const w of worst) if (w.worstGrade !== null) best.set(w.usubjid, Math.max(best.get(w.usubjid) ?? 0, w.worstGrade));
	const out = new Map<string, { graded: number; grade1: number; grade3: number }>();
	for (const [usubjid, g] of best) {
		const level = levelOf.get(usubjid);
		if (!level) continue;
		const c = out.get(level) ?? { graded: 0, grade1: 0, grade3: 0 };
		c.graded++;
		if (g >= 1) c.grade1++;
		if (g >= 3) c.grade3++;
		out.set(level, c);
	}
	return out;
}
