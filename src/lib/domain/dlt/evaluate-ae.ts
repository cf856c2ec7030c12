/**
 * The DLT verdict of one AE under a rule set, as of a date. Pure: `asOf` is passed in, the clock is never read.
 *
 * An AE is judged from the date it reached a rule's grade (its qualifying date): the onset for an event that
 * started at that grade, the date of the worsening for one that started lower or before the first dose. The
 * first case that applies decides:
 *  1. The AE starts after the data cut-off: not a DLT at this cut.
 *  2. Its onset (narrowed by its end date: an event cannot start after it ended) is certainly after the DLT
 *     window: not a DLT.
 *  3. It started before the first dose (on day 1 itself when both carry times) and did not worsen in the window:
 *     not a DLT. A pre-existing event that worsened in the window is judged from the worsening.
 *  4. No rule can apply at its grade: not a DLT (the reason says which grade would be needed).
 *     Grade not recorded: pending.
 *  5. Not related to any study drug at the rule set's minimum: not a DLT. Relatedness not assessed for a drug
 *     and no drug related: pending. A subject who received no study drug (placebo only) has no drug to attribute
 *     an AE to: not a DLT.
 *  6. The onset date is partial or missing and could fall in the window: pending until it is known.
 *  7. The rules that cover the AE decide, each from its qualifying date (a grade reached only after the window
 *     does not count): a DLT if any says so; else pending if any cannot tell yet (an ongoing event, a duration
 *     not yet reached, times missing); else not a DLT, with every covering rule's reason.
 *  8. An AE in the blood SOC or with a blood-count term that the rule set lists as neither haematological nor
 *     not is "not classified": when the two readings would differ, the verdict is pending for the committee.
 * A fatal event (grade 5, AEOUT = FATAL, AESDTH = Y) is never excepted as relieved or recovered.
 * Ongoing events are read as lasting to the end of the as-of day; events ending after it are ongoing at it.
 */
import { RELATEDNESS, type AdverseEvent, type Dtc, type GradeChange } from '../types';
import { dateOfStudyDay, dayNumber, dayRange, formatDtc, hasTime, isoOfDay, toInstant } from '../partial-date';
import { classifyTerm, inCategory, matchesSelector } from './classify-term';
import type { AeVerdict, DltRule, DltRuleSet, ResolutionException } from './rule-types';

export interface AeEvaluation {
	verdict: AeVerdict;
	/** Id of the rule (or exception) that decided, null when no rule was involved. */
	rule: string | null;
	reason: string;
	studyDay: number | null;
	/** null when the onset date is too partial to tell. */
	inWindow: boolean | null;
	/** null when relatedness is not (fully) assessed. */
	related: boolean | null;
	/** For a pending verdict that turns on a date: that date (YYYY-MM-DD). */
	turnsOn: string | null;
	/** Grade 5, AEOUT = FATAL or AESDTH = Y. */
	fatal: boolean;
	/** In the blood SOC or with a blood-count term, but in neither of the rule set's classifying lists. */
	unclassified: boolean;
}

export interface AeContext {
	/** Day 1: the subject's first dose with a dose above zero, null when never dosed. */
	firstDose: Dtc | null;
	/** Data cut-off, YYYY-MM-DD. */
	asOf: string;
	/** All AEs of the same subject, for concurrent conditions (fever, bleeding). */
	subjectAes: readonly AdverseEvent[];
	/** The study's DLT window in study days (the study holds it; see Study.dltWindow). */
	window: { startDay: number; endDay: number };
	/** Placebo "drugs": an attribution to one of them is not an attribution to a study drug. */
	placebo?: ReadonlySet<string> | undefined;
}

const DAY_MS = 86_400_000;

function studyDayOf(dayNum: number, firstDayNum: number): number {
	const diff = dayNum - firstDayNum;
	return diff >= 0 ? diff + 1 : diff;
}

const isoDay = isoOfDay;

const gradeWord = (g: number | null) => (g === null ? 'Ungraded' : `Grade ${g}`);

const FATAL = /^\s*fatal\s*$/i;
const fatalOutcomes = new Map<string, boolean>();

/** AEOUT = FATAL, in any case and spacing; remembered per text, as a study repeats a handful of outcomes. */
export function isFatalOutcome(outcome: string): boolean {
	let fatal = fatalOutcomes.get(outcome);
	if (fatal === undefined) {
		fatal = FATAL.test(outcome);
		if (fatalOutcomes.size < 1000) fatalOutcomes.set(outcome, fatal);
	}
	return fatal;
}

/** Grade 5, outcome FATAL or "results in death": the patient did not survive the event. */
export function isFatal(ae: Pick<AdverseEvent, 'grade' | 'outcome' | 'seriousCriteria' | 'gradeHistory'>): boolean {
	if (ae.grade === 5 || isFatalOutcome(ae.outcome)) return true;
	for (const h of ae.gradeHistory) if (h.grade === 5) return true;
	return ae.seriousCriteria.includes('AESDTH');
}

/** Why an event counts as fatal, in the export's own words. */
function fatalWhy(ae: AdverseEvent): string {
	const why: string[] = [];
	if (ae.grade === 5 || ae.gradeHistory.some((h) => h.grade === 5)) why.push('grade 5');
	if (isFatalOutcome(ae.outcome)) why.push('AEOUT = FATAL');
	if (ae.seriousCriteria.includes('AESDTH')) why.push('AESDTH = Y');
	return why.join(', ');
}

interface Ctx extends AeContext {
	set: DltRuleSet;
	firstDay: number;
	asOfDay: number;
	ae: AdverseEvent;
	/** The event's grade steps: its grade history, or its grade from the onset. */
	history: readonly GradeChange[];
	/** When the event reached the rule's grade (the rule being applied), and the grade it worsened from. */
	reached: Dtc;
	worsenedFrom: number | null;
	/** "day 12 (13 Nov 2026)", "Nov 2026", "an unknown date". */
	dayName: (dtc: Dtc | null) => string;
}

type RuleOutcome = { verdict: AeVerdict; rule: string; reason: string; turnsOn: string | null };

/** Event end as seen at the cut-off: null when ongoing at it. */
function endAtCut(ae: AdverseEvent, asOfDay: number): Dtc | null {
	const r = dayRange(ae.end);
	if (!ae.end || !r || r[0] > asOfDay) return null;
	return ae.end;
}

function historyOf(ae: AdverseEvent): readonly GradeChange[] {
	if (ae.gradeHistory.length) return ae.gradeHistory;
	// A partial onset is no dated step: the window test uses the onset's possible days instead.
	return ae.grade !== null && dayNumber(ae.start) !== null ? [{ grade: ae.grade, from: ae.start! }] : [];
}

/** Longest continuous run at or above a grade, in calendar days, from the grade history (or the event's dates). */
function longestRun(c: Ctx, atLeast: number): { from: number; to: number; days: number; ongoing: boolean } | null {
	const history = c.history;
	const end = endAtCut(c.ae, c.asOfDay);
	const endDay = end ? dayNumber(end) : null;
	let best: { from: number; to: number; days: number; ongoing: boolean } | null = null;
	for (let i = 0; i < history.length; i++) {
		const h = history[i]!;
		if (h.grade < atLeast || (i > 0 && history[i - 1]!.grade >= atLeast)) continue;
		const from = dayNumber(h.from);
		if (from === null || from > c.asOfDay) continue;
		const drop = history.slice(i + 1).find((x) => x.grade < atLeast);
		const dropDay = drop ? dayNumber(drop.from) : null;
		let run;
		if (dropDay !== null && dropDay <= c.asOfDay) run = { from, to: dropDay, days: dropDay - from, ongoing: false };
		else if (endDay !== null) run = { from, to: endDay, days: endDay - from, ongoing: false };
		// Still at the grade on the cut-off day, which counts as one of its days.
		else run = { from, to: c.asOfDay, days: c.asOfDay - from + 1, ongoing: true };
		if (!best || run.days > best.days) best = run;
	}
	return best;
}

/**
 * The days (inclusive day numbers) the event was at a grade within [min, max]: from each grade step to the next
 * step out of that range, the event's end, or the cut-off while ongoing. Without dated steps, its whole span.
 */
function daysAtGrade(c: Ctx, min: number, max: number): [number, number][] {
	const end = endAtCut(c.ae, c.asOfDay);
	const endDay = end ? (dayRange(end)?.[1] ?? c.asOfDay) : c.asOfDay;
	const out: [number, number][] = [];
	const h = c.history;
	for (let i = 0; i < h.length; i++) {
		if (h[i]!.grade < min || h[i]!.grade > max || (i > 0 && h[i - 1]!.grade >= min && h[i - 1]!.grade <= max)) continue;
		const from = dayRange(h[i]!.from);
		if (!from || from[0] > c.asOfDay) continue;
		const leave = h.slice(i + 1).find((x) => x.grade < min || x.grade > max);
		// The day it left the grade still counts: it was at the grade for part of that day.
		const to = leave ? Math.min(dayRange(leave.from)?.[1] ?? endDay, endDay) : endDay;
		out.push([from[0], to]);
	}
	return out;
}

/**
 * Another AE of the subject in the category whose dates overlap the days this AE was at the rule's grade
 * (calendar days, inclusive; an ongoing event lasts to the cut-off), or this AE itself when its term is in the
 * category (Febrile neutropenia is fever). With partial dates an overlap may be possible but not certain.
 */
function concurrentWith(c: Ctx, rule: DltRule, category: string): { found: AdverseEvent | null; uncertain: AdverseEvent | null; days: [number, number][] } {
	const days = daysAtGrade(c, rule.grade.min, rule.grade.max ?? 5);
	if (inCategory(c.set, category, c.ae)) return { found: c.ae, uncertain: null, days };
	const span = (ae: AdverseEvent): { start: readonly [number, number]; end: readonly [number, number] } | null => {
		const start = dayRange(ae.start);
		if (!start || start[0] > c.asOfDay) return null;
		return { start, end: dayRange(endAtCut(ae, c.asOfDay)) ?? [c.asOfDay, c.asOfDay] };
	};
	let uncertain: AdverseEvent | null = null;
	for (const other of c.subjectAes) {
		if (other === c.ae || (other.aeseq === c.ae.aeseq && other.usubjid === c.ae.usubjid) || !inCategory(c.set, category, other)) continue;
		const o = span(other);
		if (!o) continue;
		for (const [from, to] of days) {
			if (o.start[1] <= to && from <= o.end[0]) return { found: other, uncertain: null, days };
			if (o.start[0] <= to && from <= o.end[1]) uncertain = other;
		}
	}
	return { found: null, uncertain, days };
}

/**
 * Time from reaching the rule's grade to relief (the end of the event, or its grade falling below `minGrade`)
 * against an exception's limit: within it (true), beyond it (false) or not yet known (null, with the last day
 * that still counts as within when the limit is in days). Day limits are counted in calendar days when times
 * are missing; hour limits need times unless the dates alone settle it.
 */
function relief(c: Ctx, ex: ResolutionException, minGrade: number): { within: boolean | null; text: string; lastDay: number | null } {
	const ae = c.ae;
	const from = c.reached;
	const end = endAtCut(ae, c.asOfDay);
	const below = ae.gradeHistory.find((h) => h.grade < minGrade && compareInstants(h.from, from) > 0 && (dayNumber(h.from) ?? Infinity) <= c.asOfDay);
	const relievedAt = below && (!end || compareInstants(below.from, end) <= 0) ? below.from : end;
	const dayLimit = ex.withinHours >= 24 && ex.withinHours % 24 === 0 ? ex.withinHours / 24 : null;
	const startDay = dayNumber(from);
	if (startDay === null) return { within: null, text: `onset recorded only as ${from}`, lastDay: null };

	if (!relievedAt) {
		const text = `not relieved on ${formatDtc(c.asOf)}`;
		if (dayLimit !== null) {
			const lastDay = startDay + dayLimit;
			return { within: c.asOfDay > lastDay ? false : null, text, lastDay };
		}
		const beyond = hasTime(from) ? toInstant(from)! + ex.withinHours * 3_600_000 < (c.asOfDay + 1) * DAY_MS : c.asOfDay > startDay;
		return { within: beyond ? false : null, text, lastDay: null };
	}
	if (dayNumber(relievedAt) === null) return { within: null, text: `relief recorded only as ${relievedAt}`, lastDay: null };
	if (hasTime(from) && hasTime(relievedAt)) {
		const hours = (toInstant(relievedAt)! - toInstant(from)!) / 3_600_000;
		const shown = hours >= 48 && Number.isInteger(hours / 24) ? `${hours / 24} days` : `${+hours.toFixed(2)} hours`;
		return { within: hours <= ex.withinHours, text: `relieved in ${shown}`, lastDay: null };
	}
	const days = dayNumber(relievedAt)! - startDay;
	const shown = `relieved in ${days} day${days === 1 ? '' : 's'}`;
	if (dayLimit !== null) return { within: days <= dayLimit, text: shown, lastDay: null };
	if ((days - 1) * 24 > ex.withinHours) return { within: false, text: shown, lastDay: null };
	return { within: null, text: 'start or end time not recorded', lastDay: null };
}

function compareInstants(a: Dtc, b: Dtc): number {
	return (toInstant(a) ?? 0) - (toInstant(b) ?? 0);
}

/** A rule's finding about the AE, as a clause of the verdict sentence. */
function applyRule(c: Ctx, rule: DltRule): RuleOutcome {
	const ae = c.ae;
	const o = (verdict: AeVerdict, reason: string, id = rule.id, turnsOn: string | null = null): RuleOutcome => ({ verdict, rule: id, reason, turnsOn });

	if (rule.concurrent) {
		const label = rule.concurrent.label;
		const at = rule.grade.max === rule.grade.min ? `grade ${rule.grade.min}` : `grade ≥ ${rule.grade.min}`;
		const { found, uncertain, days } = concurrentWith(c, rule, rule.concurrent.category);
		// The days at the grade, when they are not simply the whole event (onset to end, or to the cut-off).
		const whole = dayRange(c.ae.start)?.[0] === days[0]?.[0] && days.length === 1 && days[0]![1] === (dayRange(endAtCut(ae, c.asOfDay))?.[1] ?? c.asOfDay);
		const when = days.length && !whole ? ` (${days.map(([a, b]) => (a === b ? c.dayName(isoDay(a)) : `${c.dayName(isoDay(a))} to ${c.dayName(isoDay(b))}`)).join('; ')})` : '';
		if (found === ae) return o('dlt', `${label} is part of the event`);
		if (found) {
			const fe = endAtCut(found, c.asOfDay);
			return o('dlt', `with ${found.term} (AE ${found.aeseq}) ${fe ? `from ${c.dayName(found.start)} to ${c.dayName(fe)}` : `from ${c.dayName(found.start)}, ongoing`}, while it was at ${at}${when}`);
		}
		if (uncertain) return o('pending', `${uncertain.term} (AE ${uncertain.aeseq}) may overlap its days at ${at} but its dates are partial; awaiting full dates for rule ${rule.id}`);
		const stillAt = days.some(([, to]) => to >= c.asOfDay) && !endAtCut(ae, c.asOfDay);
		if (stillAt) return o('pending', `at ${at} and ongoing${when}, without ${label} so far: a DLT under rule ${rule.id} if ${label} occurs while it lasts`);
		return o('not_dlt', `no ${label} on the days it was at ${at}${when} (rule ${rule.id})`);
	}

	if (rule.duration) {
		const { atLeastGrade, days } = rule.duration;
		// A patient who died of the event cannot be held to a duration: the toxicity was at least as long as life.
		if (isFatal(ae)) return o('dlt', `fatal (${fatalWhy(ae)}): the ${days}-day duration of rule ${rule.id} cannot apply to a death`);
		if (ae.end && dayNumber(ae.end) === null && (dayRange(ae.end)?.[0] ?? Infinity) <= c.asOfDay)
			return o('pending', `its end is recorded only as ${ae.end}, so its duration cannot be measured; awaiting the full date (rule ${rule.id})`);
		const run = longestRun(c, atLeastGrade);
		if (!run) return o('pending', `the date it reached grade ${atLeastGrade} is not known, so its duration cannot be measured (rule ${rule.id})`);
		if (run.ongoing) {
			if (run.days >= days) return o('dlt', `grade ≥ ${atLeastGrade} since ${c.dayName(isoDay(run.from))}, still on ${formatDtc(c.asOf)}: ${run.days} days (≥ ${days})`);
			const turns = isoDay(run.from + days - 1);
			return o('pending', `grade ≥ ${atLeastGrade} since ${c.dayName(isoDay(run.from))}, ${run.days} day${run.days === 1 ? '' : 's'} on ${formatDtc(c.asOf)}: a DLT under rule ${rule.id} on ${c.dayName(turns)} if still grade ≥ ${atLeastGrade}`, rule.id, turns);
		}
		// `to` is the first day below the grade: the last day at it is the day before.
		const stretch = `grade ≥ ${atLeastGrade} from ${c.dayName(isoDay(run.from))} to ${c.dayName(isoDay(run.to - 1))}, ${run.days} day${run.days === 1 ? '' : 's'}`;
		return run.days >= days ? o('dlt', `${stretch} (≥ ${days})`) : o('not_dlt', `${stretch} (< ${days}, rule ${rule.id})`);
	}

	for (const ex of rule.exceptions ?? []) {
		if (!matchesSelector(c.set, ex.selector, ae)) continue;
		if (isFatal(ae)) return o('dlt', `fatal (${fatalWhy(ae)}): exception ${ex.id} applies only when the patient survives and recovers`);
		if (ex.requiresTreatment && ae.treated !== true) {
			const recorded = ae.treated === false ? 'AECONTRT = N' : 'AECONTRT not recorded';
			return o('dlt', `no supportive or symptomatic treatment recorded (${recorded}), so exception ${ex.id} does not apply`);
		}
		const r = relief(c, ex, rule.grade.min);
		const grade4 = ae.grade === 4 ? ` (the exception is read to cover grade 4, as the protocol's "≥grade 3 … except" does)` : '';
		if (r.within === true) return o('not_dlt', `${r.text} with treatment, within ${ex.limitText}: excepted by rule ${ex.id}${grade4}`, ex.id);
		if (r.within === false) return o('dlt', `${r.text} with treatment, not within ${ex.limitText}, so exception ${ex.id} does not apply`);
		if (r.lastDay !== null) {
			return o('pending', `${r.text} with treatment: a DLT under rule ${rule.id} if not relieved by ${c.dayName(isoDay(r.lastDay))} (exception ${ex.id}: ${ex.limitText})`, ex.id, isoDay(r.lastDay + 1));
		}
		return o('pending', `treated, ${r.text}: cannot tell whether it was relieved within ${ex.limitText} (exception ${ex.id}); awaiting ${/recorded only/.test(r.text) ? 'the full date' : 'times'}`, ex.id);
	}
	return o('dlt', '');
}

/** "day 12 (13 Nov 2026)" for a full date, the recorded period for a partial one. */
function dayNameOf(dtc: Dtc | null, firstDay: number): string {
	const r = dayRange(dtc);
	if (!dtc || !r) return 'an unknown date';
	if (r[0] !== r[1]) return formatDtc(dtc);
	return `day ${studyDayOf(r[0], firstDay)} (${formatDtc(isoDay(r[0]))})`;
}

/** "on day 12 (…)" or "in Nov 2026". */
function dayTextOf(dtc: Dtc | null, firstDay: number): string {
	const r = dayRange(dtc);
	const exact = r === null || r[0] === r[1];
	return `${exact && dtc ? 'on' : 'in'} ${dayNameOf(dtc, firstDay)}`;
}

/**
 * The onset's possible days, narrowed by the end date (an event cannot start after it ended). Null when the
 * onset is blank.
 */
function onsetRange(ae: AdverseEvent): readonly [number, number] | null {
	const onset = dayRange(ae.start);
	if (!onset) return null;
	const end = dayRange(ae.end);
	if (end && end[1] < onset[1] && end[1] >= onset[0]) return [onset[0], end[1]];
	return onset;
}

/** Certainly before the first dose: an earlier day, or day 1 itself at an earlier time when both have times. */
function isPreDose(ae: AdverseEvent, onset: readonly [number, number] | null, firstDay: number, firstDose: Dtc): boolean {
	if (!onset) return false;
	if (onset[1] < firstDay) return true;
	return onset[0] === firstDay && onset[1] === firstDay && hasTime(ae.start) && hasTime(firstDose) && toInstant(ae.start)! < toInstant(firstDose)!;
}

/** The grade the event had before the first dose (its baseline), from the grade steps dated before it. */
function preDoseGrade(history: readonly GradeChange[], firstDay: number, firstDose: Dtc, fallback: number): number {
	let g = 0;
	for (const h of history) {
		const r = dayRange(h.from);
		const before = r && (r[1] < firstDay || (r[0] === firstDay && hasTime(h.from) && hasTime(firstDose) && toInstant(h.from)! < toInstant(firstDose)!));
		if (before) g = Math.max(g, h.grade);
	}
	return g || fallback;
}

type Reach = { kind: 'in'; at: Dtc; worsenedFrom: number | null } | { kind: 'late'; at: Dtc } | { kind: 'uncertain'; at: Dtc } | { kind: 'none' };

/**
 * When the event reached a rule's grade in a way that counts: the first grade step within [min, max] above the
 * pre-dose grade (for a pre-existing event) and on or after day 1. In the window, after it, or not certain.
 */
function reachOf(history: readonly GradeChange[], rule: DltRule, baseline: number | null, firstDay: number, firstDose: Dtc, winStart: number, winEnd: number): Reach {
	const max = rule.grade.max ?? 5;
	let prev = baseline ?? 0;
	for (const h of history) {
		const r = dayRange(h.from);
		if (!r) continue;
		const beforeDose = baseline !== null && (r[1] < firstDay || (r[0] === firstDay && hasTime(h.from) && hasTime(firstDose) && toInstant(h.from)! < toInstant(firstDose)!));
		if (beforeDose) continue;
		if (h.grade >= rule.grade.min && h.grade <= max && h.grade > (baseline ?? 0)) {
			if (r[0] > winEnd) return { kind: 'late', at: h.from };
			if (r[0] >= winStart && r[1] <= winEnd) return { kind: 'in', at: h.from, worsenedFrom: baseline !== null ? prev : null };
			return { kind: 'uncertain', at: h.from };
		}
		prev = h.grade;
	}
	return { kind: 'none' };
}

/**
 * An AE's verdict with its reason not yet written: `reasonOf` writes it. The engine's own form: at 100,000 AEs,
 * writing every reason took more time than every rule, and a reason is read for the few events a page shows.
 */
export interface AeJudgement extends Omit<AeEvaluation, 'reason'> {
	reasonOf: () => string;
}

/** The verdict of one AE under a rule set, with its reason. */
export function evaluateAe(ae: AdverseEvent, context: AeContext, set: DltRuleSet): AeEvaluation {
	const j = judgeAe(ae, context, set);
	return {
		verdict: j.verdict,
		rule: j.rule,
		reason: j.reasonOf(),
		studyDay: j.studyDay,
		inWindow: j.inWindow,
		related: j.related,
		turnsOn: j.turnsOn,
		fatal: j.fatal,
		unclassified: j.unclassified
	};
}

/** What a verdict reports besides its call and reason; judgeAe fills it in as it learns it. */
interface JudgementFacts {
	studyDay: number | null;
	inWindow: boolean | null;
	related: boolean | null;
	fatal: boolean;
	unclassified: boolean;
}

function judged(facts: JudgementFacts, verdict: AeVerdict, rule: string | null, reasonOf: () => string, extra?: Partial<AeEvaluation>): AeJudgement {
	return {
		verdict,
		rule,
		reasonOf,
		studyDay: facts.studyDay,
		inWindow: extra?.inWindow !== undefined ? extra.inWindow : facts.inWindow,
		related: facts.related,
		turnsOn: extra?.turnsOn ?? null,
		fatal: facts.fatal,
		unclassified: facts.unclassified
	};
}

/** "Grade 3 neutropenia": the event as a reason names it. */
function what(ae: AdverseEvent, term: string): string {
	return `${gradeWord(ae.grade)} ${term.toLowerCase()}`;
}

/** evaluateAe without writing the reason (AeJudgement). */
export function judgeAe(ae: AdverseEvent, context: AeContext, set: DltRuleSet): AeJudgement {
	const cls = classifyTerm(set, ae);
	const term = cls.canonical;
	const asOfDay = dayNumber(context.asOf);
	if (asOfDay === null) throw new Error(`evaluateAe: asOf "${context.asOf}" is not a YYYY-MM-DD date`);
	const firstDay = dayNumber(context.firstDose);
	const onset = onsetRange(ae);
	const studyDay = firstDay !== null && onset && onset[0] === onset[1] ? studyDayOf(onset[0], firstDay) : null;
	const fatal = isFatal(ae);
	const unclassified = cls.unclassified;
	// Reasons are functions, called only when the reason is read. What every verdict reports besides is kept in
	// `facts` and passed to `judged`: no function is named per AE (a bundler keeping names wraps each one).
	// Window: certain, impossible, or unknown (partial or missing onset). Relatedness is reported whatever decides.
	const facts: JudgementFacts = { studyDay, inWindow: null, related: null, fatal, unclassified };
	const minIndex = RELATEDNESS.indexOf(set.attribution.minimum);
	// A loop, not Object.entries and filters: this runs for every AE of the study.
	let assessed = 0;
	let relatedCount = 0;
	let unassessed: string[] | null = null;
	for (const drug in ae.attribution) {
		if (context.placebo?.has(drug)) continue;
		const r = ae.attribution[drug];
		if (r === null || r === undefined) (unassessed ??= []).push(drug);
		else {
			assessed++;
			if (RELATEDNESS.indexOf(r) >= minIndex) relatedCount++;
		}
	}
	const related: boolean | null = relatedCount > 0 ? true : unassessed !== null || assessed === 0 ? null : false;
	facts.related = related;

	if (firstDay === null) return judged(facts, 'not_dlt', null, () => 'The subject has no first dose: no DLT window.', { inWindow: false });
	const win = context.window;
	const winStart = firstDay + win.startDay - 1;
	const winEnd = firstDay + win.endDay - 1;
	const preDose = isPreDose(ae, onset, firstDay, context.firstDose!);
	if (onset) facts.inWindow = preDose ? false : onset[0] >= winStart && onset[1] <= winEnd ? true : onset[1] < winStart || onset[0] > winEnd ? false : null;

	if (onset && onset[0] > asOfDay) return judged(facts, 'not_dlt', null, () => `Starts after the data cut-off ${formatDtc(context.asOf)}.`);
	if (onset && onset[0] > winEnd) {
		return judged(facts, 'not_dlt', null, () => `${what(ae, term)} starting ${dayTextOf(ae.start, firstDay)}, after the DLT window (days ${win.startDay}–${win.endDay}): not a DLT.`);
	}

	const history = historyOf(ae);
	const baseline = preDose ? preDoseGrade(history, firstDay, context.firstDose!, ae.gradeHistory.length ? 0 : (ae.grade ?? 0)) : null;
	if (preDose) {
		const worsened = history.some((h) => {
			const r = dayRange(h.from);
			return r !== null && r[0] >= firstDay && r[0] <= winEnd && h.grade > baseline!;
		});
		const time = onset && onset[0] === firstDay ? ', before the first infusion that day' : '';
		if (!worsened)
			return judged(facts, 'not_dlt', null, () => `${what(ae, term)} starting ${dayTextOf(ae.start, firstDay)}${time}, before the first dose, and not worse in the DLT window: not a DLT.`);
		// A pre-existing event that worsened in the window: judged from the worsening below.
		facts.inWindow = true;
	}

	const covering = cls.covering;
	if (ae.grade === null) return judged(facts, 'pending', null, () => `${term} ${dayTextOf(ae.start, firstDay)} has no grade recorded: awaiting the grade.`);
	const applicable = covering.filter((r) => ae.grade! >= r.grade.min && (r.grade.max === undefined || ae.grade! <= r.grade.max));
	if (applicable.length === 0) {
		const lowest = covering.length ? Math.min(...covering.map((r) => r.grade.min)) : null;
		const which = covering.find((r) => r.grade.min === lowest);
		return judged(
			facts,
			'not_dlt',
			which?.id ?? null,
			() => (which ? `${what(ae, term)}: rule ${which.id} (${which.label}) needs grade ≥ ${which.grade.min}; not a DLT.` : `${what(ae, term)}: no DLT rule covers this term.`)
		);
	}

	// No drug to attribute it to: the import gives a subject who received placebo only (no study drug above zero) an
	// attribution to no drug. Such an AE cannot be a study drug's DLT.
	if (assessed === 0 && unassessed === null)
		return judged(facts, 'not_dlt', null, () => `${what(ae, term)} ${dayTextOf(ae.start, firstDay)}: the subject received no study drug to attribute it to (placebo only); not a DLT.`);
	if (related === false) {
		const words = () => Object.entries(ae.attribution).filter(([d]) => !context.placebo?.has(d)).map(([d, r]) => `${r === 'not_related' ? 'not related' : `${r} related`} to ${d}`).join(', ');
		return judged(facts, 'not_dlt', null, () => `${what(ae, term)} ${dayTextOf(ae.start, firstDay)}: ${words()}; not a DLT (needs at least ${set.attribution.minimum}).`);
	}
	if (related === null)
		return judged(facts, 'pending', null, () => `${what(ae, term)} ${dayTextOf(ae.start, firstDay)}: relatedness not yet assessed${unassessed ? ` for ${unassessed.join(', ')}` : ''}; awaiting attribution.`);

	if (facts.inWindow === null) {
		const until = dateOfStudyDay(win.endDay, context.firstDose!);
		return judged(facts, 'pending', null, () => `${what(ae, term)} with onset ${ae.start ? `recorded only as ${ae.start}` : 'not recorded'}: it may have started in the DLT window (to ${formatDtc(until)}); awaiting the full onset date.`);
	}

	const dayName = (dtc: Dtc | null) => dayNameOf(dtc, firstDay);
	const opening = () => `${what(ae, term)} starting ${dayTextOf(ae.start, firstDay)}`;
	const outcomes: RuleOutcome[] = [];
	for (const rule of applicable) {
		const reach = reachOf(history, rule, baseline, firstDay, context.firstDose!, winStart, winEnd);
		const g = rule.grade.max === rule.grade.min ? `grade ${rule.grade.min}` : `grade ≥ ${rule.grade.min}`;
		if (reach.kind === 'late') {
			outcomes.push({ verdict: 'not_dlt', rule: rule.id, reason: `it reached ${g} only on ${dayName(reach.at)}, after the DLT window (rule ${rule.id})`, turnsOn: null });
			continue;
		}
		if (reach.kind === 'uncertain') {
			outcomes.push({ verdict: 'pending', rule: rule.id, reason: `it reached ${g} in ${formatDtc(reach.at)}, which may be after the DLT window; awaiting the full date (rule ${rule.id})`, turnsOn: null });
			continue;
		}
		// No dated grade step (a record without history): the grade applies from the onset.
		const at = reach.kind === 'in' ? reach.at : ae.start!;
		const worsenedFrom = reach.kind === 'in' ? reach.worsenedFrom : null;
		const c: Ctx = { ...context, set, ae, firstDay, asOfDay, history, reached: at, worsenedFrom, dayName };
		const r = applyRule(c, rule);
		const worse = worsenedFrom !== null ? `worsened from grade ${worsenedFrom} (before the first dose) to grade ${historyGradeAt(history, at)} on ${dayName(at)}` : '';
		// A duration rule says since when itself.
		const later = !rule.duration && worsenedFrom === null && reach.kind === 'in' && at !== ae.start && dayRange(at)?.[0] !== onset?.[0] ? `reached ${g} on ${dayName(at)}` : '';
		const lead = [worse, later].filter(Boolean).join(', ');
		outcomes.push({ ...r, reason: [lead, r.reason].filter(Boolean).join(', ') });
	}

	const dltOutcome = outcomes.find((o) => o.verdict === 'dlt');
	if (dltOutcome) {
		const reason = () => `${opening()}${dltOutcome.reason ? `, ${dltOutcome.reason}` : ''}: DLT under rule ${dltOutcome.rule}.`;
		return unclassifiedCall(set, ae, facts, 'dlt', dltOutcome.rule, reason);
	}
	const pending = outcomes.filter((o) => o.verdict === 'pending');
	if (pending.length) {
		// Several rules may each be waiting (fever may still come; the duration may still be reached): say all.
		const dated = pending.filter((o) => o.turnsOn).sort((a, b) => a.turnsOn!.localeCompare(b.turnsOn!))[0];
		return judged(facts, 'pending', (dated ?? pending[0]!).rule, () => `${opening()}: ${pending.map((o) => o.reason).join('; ')}.`, { turnsOn: dated?.turnsOn ?? null });
	}
	return judged(facts, 'not_dlt', outcomes[0]!.rule, () => `${opening()}: ${outcomes.map((o) => o.reason).join('; ')}; not a DLT.`);
}

function historyGradeAt(history: readonly GradeChange[], at: Dtc): number {
	return history.find((h) => h.from === at)?.grade ?? 0;
}

/**
 * A DLT found for an AE the rule set does not classify: the rule that found it treats the term as
 * non-haematological. When the haematological reading would need a higher grade, the call is the committee's.
 */
function unclassifiedCall(
	set: DltRuleSet,
	ae: AdverseEvent,
	facts: JudgementFacts,
	verdict: AeVerdict,
	rule: string | null,
	reason: () => string
): AeJudgement {
	if (!facts.unclassified) return judged(facts, verdict, rule, reason);
	const haemRules = set.rules.filter((r) => (r.selector.categories ?? []).some((c) => set.classification?.categories.includes(c)) && !r.concurrent && !r.duration);
	const haemMin = haemRules.length ? Math.min(...haemRules.map((r) => r.grade.min)) : null;
	const where = `not classified as haematological or non-haematological in rule set ${set.id} (SOC ${ae.soc || 'not recorded'})`;
	if (haemMin !== null && ae.grade !== null && ae.grade < haemMin)
		return judged(facts, 'pending', null, () => `${reason().replace(/: DLT under rule .*$/, '')}: ${where}; a DLT if non-haematological, not if haematological (grade ≥ ${haemMin} needed): the committee decides.`);
	return judged(facts, verdict, rule, () => `${reason()} (It is ${where}: a DLT under either reading.)`);
}
