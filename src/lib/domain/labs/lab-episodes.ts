/**
 * Toxicity from the counts themselves. A cytopenia's CTCAE grade is defined by the count alone (neutrophils,
 * platelets, white cells, lymphocytes), so a run of abnormal draws is a toxicity episode whether or not an AE was
 * recorded. Between two draws the grade is not observed, so each episode is read twice, as event-shaped records the
 * DLT engine judges like any AE:
 * - `shortest`: every rise is dated at the draw that shows it, every fall at the day after the last draw at the
 *   higher grade, and the episode ends the day after its last abnormal draw (it lasted at least this long);
 * - `longest`: every rise is dated the day after the draw before it, every fall at the draw that shows it, and the
 *   episode ends at its recovery draw, or is ongoing without one (it lasted at most this long).
 * As for an AE's grade history, the day an event falls below a grade (or ends) is not one of its days at it:
 * grade 4 on days 8, 11 and 14 with a recovery draw on day 18 lasted at least 7 days (8–14) and at most 10 (8–17).
 * A duration clause (grade 4 for ≥ 7 days) is met when the shortest reading meets it, not met when the longest
 * does not, and otherwise waits on the days between draws. Pure.
 */
import { dayNumber, isCompleteDate, isoOfDay } from '../partial-date';
import type { AdverseEvent, Grade, GradeChange, LabDraw, LabEpisode } from '../types';
import type { GradedResult } from './grade-labs';

export type { LabDraw, LabEpisode } from '../model/lab';

const nextDay = (date: string) => isoOfDay(dayNumber(date)! + 1);

/** The negative AESEQ an episode goes by: its start date and test, e.g. -2026081001 for PLAT from 10 Aug 2026. */
function episodeKey(start: string, termIndex: number): number {
	return -(Number(start.replaceAll('-', '')) * 100 + termIndex + 1);
}

function asEvent(ep: Omit<LabEpisode, 'shortest' | 'longest'>, history: GradeChange[], end: string | null): AdverseEvent {
	return {
		id: `lab:${ep.usubjid}:${ep.testcd}:${ep.draws[0]!.date}`,
		studyId: ep.studyId,
		usubjid: ep.usubjid,
		aeseq: ep.key,
		verbatim: `${ep.testcd} results`,
		term: ep.term,
		soc: 'Investigations',
		grade: ep.worst,
		gradeDerived: false,
		gradeHistory: history,
		start: history[0]!.from,
		end,
		serious: null,
		seriousCriteria: [],
		attribution: {},
		attributionHistory: [],
		action: '',
		outcome: '',
		treated: null,
		notes: '',
		rev: 1
	};
}

function histories(draws: readonly LabDraw[]): { shortest: GradeChange[]; longest: GradeChange[] } {
	const shortest: GradeChange[] = [{ grade: draws[0]!.grade as Grade, from: draws[0]!.date }];
	const longest: GradeChange[] = [{ grade: draws[0]!.grade as Grade, from: draws[0]!.date }];
	for (let i = 1; i < draws.length; i++) {
		const a = draws[i - 1]!;
		const b = draws[i]!;
		if (b.grade === a.grade) continue;
		const rise = b.grade > a.grade;
		shortest.push({ grade: b.grade as Grade, from: rise ? b.date : nextDay(a.date) });
		longest.push({ grade: b.grade as Grade, from: rise ? nextDay(a.date) : b.date });
	}
	return { shortest, longest };
}

/**
 * The toxicity episodes of the count-defined `terms` in graded results: runs of post-baseline (or baseline) draws
 * at grade ≥ 1 in the term's direction, each closed by the first draw back at grade 0.
 */
export function labEpisodes(graded: readonly GradedResult[], terms: readonly string[]): LabEpisode[] {
	const wanted = new Map(terms.map((t, i) => [t.toLowerCase(), i]));
	const series = new Map<string, { term: string; index: number; draws: LabDraw[]; studyId: string; usubjid: string; testcd: string }>();
	for (const g of graded) {
		if (!(g.isBaseline || g.postBaseline)) continue;
		for (const tg of [g.low, g.high]) {
			if (!tg || tg.grade === null) continue;
			const index = wanted.get(tg.term.toLowerCase());
			if (index === undefined || !isCompleteDate(g.result.date)) continue;
			const k = `${g.result.usubjid}\u0000${g.result.testcd}\u0000${tg.term}`;
			let s = series.get(k);
			if (!s) series.set(k, (s = { term: tg.term, index, draws: [], studyId: g.result.studyId, usubjid: g.result.usubjid, testcd: g.result.testcd }));
			s.draws.push({ seq: g.result.seq, date: g.result.date!.slice(0, 10), value: g.result.value, unit: g.result.unit, grade: tg.grade });
		}
	}
	const out: LabEpisode[] = [];
	for (const s of series.values()) {
		s.draws.sort((a, b) => a.date.localeCompare(b.date) || a.seq - b.seq);
		// Two draws on one day: the worse one stands for the day.
		const days: LabDraw[] = [];
		for (const d of s.draws) {
			const last = days.at(-1);
			if (last && last.date === d.date) {
				if (d.grade > last.grade) days[days.length - 1] = d;
			} else days.push(d);
		}
		let run: LabDraw[] = [];
		const close = (recovery: LabDraw | null) => {
			if (!run.length) return;
			const worst = Math.max(...run.map((d) => d.grade)) as Grade;
			const base = { studyId: s.studyId, usubjid: s.usubjid, testcd: s.testcd, term: s.term, draws: run, recovery, worst, key: episodeKey(run[0]!.date, s.index) };
			const h = histories(run);
			out.push({ ...base, shortest: asEvent(base, h.shortest, nextDay(run.at(-1)!.date)), longest: asEvent(base, h.longest, recovery?.date ?? null) });
			run = [];
		};
		for (const d of days) {
			if (d.grade >= 1) run.push(d);
			else close(d);
		}
		close(null);
	}
	return out;
}
