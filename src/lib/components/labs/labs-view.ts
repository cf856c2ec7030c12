/**
 * What the Labs tab shows, from the study's graded results as of its date: per dose level the subjects with a
 * post-baseline grade ≥ 1 and ≥ 3 (protocol 001's "abnormal laboratory results"), each graded test's shift
 * table, the toxicity episodes of grade 3 or worse read from the counts, and why results could not be graded.
 * Pure.
 */
import type { GradedResult } from '../../domain/labs/grade-labs';
import type { LabEpisode } from '../../domain/types';
import { abnormalLabSubjects, shiftTables, worstGrades, type AbnormalCounts, type ShiftTable } from '../../domain/labs/summarize-labs';

export interface LabsView {
	/** Per dose level: subjects with a graded lab, and those with a post-baseline grade ≥ 1 and ≥ 3. */
	abnormal: ({ doseLevel: string } & AbnormalCounts)[];
	/** The admiral assumptions grades ≥ 1 rest on here, by term ("Hyperuricemia: assume with physiologic consequences"). */
	assumptions: { term: string; assumption: string; subjects: number }[];
	/** Graded tests, "PLAT low" …, with their CTCAE term, for the shift-table picker. */
	tests: { key: string; testcd: string; direction: 'low' | 'high'; term: string }[];
	shifts: ShiftTable[];
	/** Episodes that reached grade 3 or worse, latest first. */
	severe: LabEpisode[];
	/** Results not graded, by test and reason, most frequent first. */
	notGraded: { testcd: string; why: string; count: number }[];
	results: number;
}

export function labsView(graded: readonly GradedResult[], episodes: readonly LabEpisode[], levelOf: ReadonlyMap<string, string | null>, levels: readonly string[], asOf: string): LabsView {
	const known = graded.filter((g) => !g.result.date || g.result.date.slice(0, 10) <= asOf);
	const worst = worstGrades(known);
	const counts = abnormalLabSubjects(worst, levelOf);
	const tests = new Map<string, LabsView['tests'][number]>();
	for (const w of worst) tests.set(`${w.testcd} ${w.direction}`, { key: `${w.testcd} ${w.direction}`, testcd: w.testcd, direction: w.direction, term: w.term });
	const why = new Map<string, { testcd: string; why: string; count: number }>();
	for (const g of known)
		for (const t of [g.low, g.high])
			if (t && t.grade === null && t.why) {
				const k = `${g.result.testcd}\u0000${t.why}`;
				const e = why.get(k) ?? { testcd: g.result.testcd, why: t.why, count: 0 };
				e.count++;
				why.set(k, e);
			}
	const assumed = new Map<string, { term: string; assumption: string; subjects: Set<string> }>();
	for (const w of worst)
		if (w.assumption) {
			const a = assumed.get(w.term) ?? { term: w.term, assumption: w.assumption, subjects: new Set<string>() };
			a.subjects.add(w.usubjid);
			assumed.set(w.term, a);
		}
	return {
		abnormal: levels.map((l) => ({ doseLevel: l, ...(counts.get(l) ?? { graded: 0, grade1: 0, grade3: 0, grade3Assumed: 0 }) })),
		assumptions: [...assumed.values()].map((a) => ({ term: a.term, assumption: a.assumption, subjects: a.subjects.size })).sort((a, b) => b.subjects - a.subjects),
		tests: [...tests.values()].sort((a, b) => a.testcd.localeCompare(b.testcd) || a.direction.localeCompare(b.direction)),
		shifts: shiftTables(worst, levelOf, levels),
		severe: episodes.filter((e) => e.worst >= 3 && e.draws[0]!.date <= asOf).sort((a, b) => b.draws[0]!.date.localeCompare(a.draws[0]!.date)),
		notGraded: [...why.values()].sort((a, b) => b.count - a.count),
		results: known.length
	};
}
