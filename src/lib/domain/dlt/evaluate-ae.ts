/**
 * The DLT verdict of one AE under a rule set, as of a date. Pure: `asOf` is passed in, the clock is never read.
 *
 * The first case that applies decides:
 *  1. The AE starts after the data cut-off: not a DLT at this cut.
 *  2. Its onset is certainly outside the DLT window (before day 1, after the last window day): not a DLT.
 *  3. No rule can apply at its grade: not a DLT (the reason says which grade would be needed).
 *     Grade not recorded: pending.
 *  4. Not related to any study drug at the rule set's minimum: not a DLT. Relatedness not assessed for a drug
 *     and no drug related: pending.
 *  5. The onset date is partial or missing and could fall in the window: pending until it is known.
 *  6. The rules that cover the AE decide: a DLT if any says so; else pending if any cannot tell yet (an ongoing
 *     event, a duration not yet reached, times missing); else not a DLT, with every covering rule's reason.
 * Ongoing events are read as lasting to the end of the as-of day; events ending after it are ongoing at it.
 */
import { RELATEDNESS, type AdverseEvent, type Dtc } from '../types';
import { dateOfStudyDay, dayNumber, dayRange, formatDtc, hasTime, isoOfDay, toInstant } from '../partial-date';
import { canonicalTerm, inCategory, matchesSelector } from './classify-term';
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
}

export interface AeContext {
	/** Day 1: the subject's first dose, null when never dosed. */
	firstDose: Dtc | null;
	/** Data cut-off, YYYY-MM-DD. */
	asOf: string;
	/** All AEs of the same subject, for concurrent conditions (fever, bleeding). */
	subjectAes: readonly AdverseEvent[];
}

const DAY_MS = 86_400_000;

function studyDayOf(dayNum: number, firstDayNum: number): number {
	const diff = dayNum - firstDayNum;
	return diff >= 0 ? diff + 1 : diff;
}

const isoDay = isoOfDay;

const gradeWord = (g: number | null) => (g === null ? 'Ungraded' : `Grade ${g}`);

interface Ctx extends AeContext {
	set: DltRuleSet;
	firstDay: number;
	asOfDay: number;
	ae: AdverseEvent;
	/** Text for the AE: "grade 4 neutrophil count decreased". */
	what: string;
	/** "day 12 (13 Nov 2026)", "Nov 2026", "an unknown date". */
	dayName: (dtc: Dtc | null) => string;
	/** "on day 12 (…) to day 15 (…)", "from … (ongoing)". */
	span: (start: Dtc | null, end: Dtc | null) => string;
}

type RuleOutcome = { verdict: AeVerdict; rule: string; reason: string; turnsOn: string | null };

/** Event end as seen at the cut-off: null when ongoing at it. */
function endAtCut(ae: AdverseEvent, asOfDay: number): Dtc | null {
	const r = dayRange(ae.end);
	if (!ae.end || !r || r[0] > asOfDay) return null;
	return ae.end;
}

/** Longest continuous run at or above a grade, in calendar days, from the grade history (or the event's dates). */
function longestRun(c: Ctx, atLeast: number): { from: number; to: number; days: number; ongoing: boolean } | null {
	const ae = c.ae;
	const history = ae.gradeHistory.length
		? ae.gradeHistory
		: ae.grade !== null && ae.start
			? [{ grade: ae.grade, from: ae.start }]
			: [];
	const end = endAtCut(ae, c.asOfDay);
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
 * Another AE of the subject in the category whose dates overlap this AE's (calendar days, inclusive; an ongoing
 * event lasts to the cut-off), or this AE itself when its term is in the category (Febrile neutropenia is fever).
 * With partial dates an overlap may be possible but not certain: `uncertain`.
 */
function concurrentWith(c: Ctx, category: string): { found: AdverseEvent | null; uncertain: AdverseEvent | null } {
	if (inCategory(c.set, category, c.ae)) return { found: c.ae, uncertain: null };
	const span = (ae: AdverseEvent): { start: readonly [number, number]; end: readonly [number, number] } | null => {
		const start = dayRange(ae.start);
		if (!start || start[0] > c.asOfDay) return null;
		return { start, end: dayRange(endAtCut(ae, c.asOfDay)) ?? [c.asOfDay, c.asOfDay] };
	};
	const own = span(c.ae);
	if (!own) return { found: null, uncertain: null };
	let uncertain: AdverseEvent | null = null;
	for (const other of c.subjectAes) {
		if (other.aeseq === c.ae.aeseq || !inCategory(c.set, category, other)) continue;
		const o = span(other);
		if (!o) continue;
		if (o.start[1] <= own.end[0] && own.start[1] <= o.end[0]) return { found: other, uncertain: null };
		if (o.start[0] <= own.end[1] && own.start[0] <= o.end[1]) uncertain = other;
	}
	return { found: null, uncertain };
}

/**
 * Time from onset to relief (the end of the event, or its grade falling below `minGrade`) against an
 * exception's limit: within it (true), beyond it (false) or not yet known (null, with the last day that still
 * counts as within when the limit is in days). Day limits are counted in calendar days when times are missing;
 * hour limits need times unless the dates alone settle it.
 */
function relief(c: Ctx, ex: ResolutionException, minGrade: number): { within: boolean | null; text: string; lastDay: number | null } {
	const ae = c.ae;
	const end = endAtCut(ae, c.asOfDay);
	const below = ae.gradeHistory.find((h, i) => i > 0 && h.grade < minGrade && (dayNumber(h.from) ?? Infinity) <= c.asOfDay);
	const relievedAt = below && (!end || compareInstants(below.from, end) <= 0) ? below.from : end;
	const dayLimit = ex.withinHours >= 24 && ex.withinHours % 24 === 0 ? ex.withinHours / 24 : null;
	const startDay = dayNumber(ae.start)!;

	if (!relievedAt) {
		const text = `not relieved on ${formatDtc(c.asOf)}`;
		if (dayLimit !== null) {
			const lastDay = startDay + dayLimit;
			return { within: c.asOfDay > lastDay ? false : null, text, lastDay };
		}
		const beyond = hasTime(ae.start) ? toInstant(ae.start)! + ex.withinHours * 3_600_000 < (c.asOfDay + 1) * DAY_MS : c.asOfDay > startDay;
		return { within: beyond ? false : null, text, lastDay: null };
	}
	if (dayNumber(relievedAt) === null) return { within: null, text: `relief recorded only as ${relievedAt}`, lastDay: null };
	if (hasTime(ae.start) && hasTime(relievedAt)) {
		const hours = (toInstant(relievedAt)! - toInstant(ae.start)!) / 3_600_000;
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
		const { found, uncertain } = concurrentWith(c, rule.concurrent.category);
		if (found === ae) return o('dlt', `${label} is part of the event`);
		if (found) return o('dlt', `with ${found.term} (AE ${found.aeseq}) ${c.span(found.start, endAtCut(found, c.asOfDay))} at the same time`);
		if (uncertain) return o('pending', `${uncertain.term} (AE ${uncertain.aeseq}) may overlap it but its dates are partial; awaiting full dates for rule ${rule.id}`);
		if (!endAtCut(ae, c.asOfDay)) return o('pending', `ongoing without ${label} so far: a DLT under rule ${rule.id} if ${label} occurs while it lasts`);
		return o('not_dlt', `no ${label} while it lasted (rule ${rule.id})`);
	}

	if (rule.duration) {
		const { atLeastGrade, days } = rule.duration;
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
		if (ex.requiresTreatment && ae.treated !== true) {
			const recorded = ae.treated === false ? 'AECONTRT = N' : 'AECONTRT not recorded';
			return o('dlt', `no supportive or symptomatic treatment recorded (${recorded}), so exception ${ex.id} does not apply`);
		}
		const r = relief(c, ex, rule.grade.min);
		if (r.within === true) return o('not_dlt', `${r.text} with treatment, within ${ex.limitText}: excepted by rule ${ex.id}`, ex.id);
		if (r.within === false) return o('dlt', `${r.text} with treatment, not within ${ex.limitText}, so exception ${ex.id} does not apply`);
		if (r.lastDay !== null) {
			return o('pending', `${r.text} with treatment: a DLT under rule ${rule.id} if not relieved by ${c.dayName(isoDay(r.lastDay))} (exception ${ex.id}: ${ex.limitText})`, ex.id, isoDay(r.lastDay + 1));
		}
		return o('pending', `treated, ${r.text}: cannot tell whether it was relieved within ${ex.limitText} (exception ${ex.id}); awaiting ${r.text.startsWith('relief recorded only') ? 'the full date' : 'times'}`, ex.id);
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

export function evaluateAe(ae: AdverseEvent, context: AeContext, set: DltRuleSet): AeEvaluation {
	const term = canonicalTerm(set, ae.term);
	const asOfDay = dayNumber(context.asOf);
	if (asOfDay === null) throw new Error(`evaluateAe: asOf "${context.asOf}" is not a YYYY-MM-DD date`);
	const firstDay = dayNumber(context.firstDose);
	const onset = dayRange(ae.start);
	const studyDay = firstDay !== null && onset && onset[0] === onset[1] ? studyDayOf(onset[0], firstDay) : null;
	const out = (verdict: AeVerdict, rule: string | null, reason: string, extra?: Partial<AeEvaluation>): AeEvaluation => ({
		verdict,
		rule,
		reason,
		studyDay,
		inWindow: extra?.inWindow !== undefined ? extra.inWindow : inWindow,
		related,
		turnsOn: extra?.turnsOn ?? null
	});

	// Window: certain, impossible, or unknown (partial or missing onset). Relatedness is reported whatever decides.
	let inWindow: boolean | null = null;
	const minIndex = RELATEDNESS.indexOf(set.attribution.minimum);
	// A loop, not Object.entries and filters: this runs for every AE of the study.
	let assessed = 0;
	let relatedCount = 0;
	const unassessed: string[] = [];
	for (const drug in ae.attribution) {
		const r = ae.attribution[drug];
		if (r === null || r === undefined) unassessed.push(drug);
		else {
			assessed++;
			if (RELATEDNESS.indexOf(r) >= minIndex) relatedCount++;
		}
	}
	const related: boolean | null = relatedCount > 0 ? true : unassessed.length > 0 || assessed === 0 ? null : false;

	if (firstDay === null) return out('not_dlt', null, 'The subject has no first dose: no DLT window.', { inWindow: false });
	const winStart = firstDay + set.window.startDay - 1;
	const winEnd = firstDay + set.window.endDay - 1;
	if (onset) inWindow = onset[0] >= winStart && onset[1] <= winEnd ? true : onset[1] < winStart || onset[0] > winEnd ? false : null;

	const what = `${gradeWord(ae.grade)} ${term.toLowerCase()}`;
	if (onset && onset[0] > asOfDay) return out('not_dlt', null, `Starts after the data cut-off ${formatDtc(context.asOf)}.`);
	if (inWindow === false) {
		const where = onset![1] < winStart ? 'before the first dose' : `after the DLT window (days ${set.window.startDay}–${set.window.endDay})`;
		return out('not_dlt', null, `${what} starting ${dayTextOf(ae.start, firstDay)}, ${where}: not a DLT.`);
	}

	const dayName = (dtc: Dtc | null) => dayNameOf(dtc, firstDay);
	const dayText = (dtc: Dtc | null) => dayTextOf(dtc, firstDay);
	const span = (start: Dtc | null, end: Dtc | null) => (end ? `from ${dayName(start)} to ${dayName(end)}` : `from ${dayName(start)}, ongoing`);

	const covering = set.rules.filter((r) => matchesSelector(set, r.selector, { term, soc: ae.soc }));
	if (ae.grade === null) return out('pending', null, `${term} ${dayText(ae.start)} has no grade recorded: awaiting the grade.`);
	const applicable = covering.filter((r) => ae.grade! >= r.grade.min && (r.grade.max === undefined || ae.grade! <= r.grade.max));
	if (applicable.length === 0) {
		const lowest = covering.length ? Math.min(...covering.map((r) => r.grade.min)) : null;
		const which = covering.find((r) => r.grade.min === lowest);
		return out(
			'not_dlt',
			which?.id ?? null,
			which ? `${what}: rule ${which.id} (${which.label}) needs grade ≥ ${which.grade.min}; not a DLT.` : `${what}: no DLT rule covers this term.`
		);
	}

	if (related === false) {
		const words = Object.entries(ae.attribution).map(([d, r]) => `${r === 'not_related' ? 'not related' : `${r} related`} to ${d}`).join(', ');
		return out('not_dlt', null, `${what} ${dayText(ae.start)}: ${words}; not a DLT (needs at least ${set.attribution.minimum}).`);
	}
	if (related === null)
		return out('pending', null, `${what} ${dayText(ae.start)}: relatedness not yet assessed${unassessed.length ? ` for ${unassessed.join(', ')}` : ''}; awaiting attribution.`);

	if (inWindow === null) {
		const until = dateOfStudyDay(set.window.endDay, context.firstDose!);
		return out('pending', null, `${what} with onset ${ae.start ? `recorded only as ${ae.start}` : 'not recorded'}: it may have started in the DLT window (to ${formatDtc(until)}); awaiting the full onset date.`);
	}

	// Built only for the few events that reach the rules: an object spread per AE was the engine's largest cost.
	const c: Ctx = { firstDose: context.firstDose, asOf: context.asOf, subjectAes: context.subjectAes, set, ae, firstDay, asOfDay, what, dayName, span };
	const outcomes = applicable.map((r) => applyRule(c, r));
	const opening = `${what} starting ${dayText(ae.start)}`;
	const dltOutcome = outcomes.find((o) => o.verdict === 'dlt');
	if (dltOutcome) return out('dlt', dltOutcome.rule, `${opening}${dltOutcome.reason ? `, ${dltOutcome.reason}` : ''}: DLT under rule ${dltOutcome.rule}.`);
	const pending = outcomes.filter((o) => o.verdict === 'pending');
	if (pending.length) {
		// Several rules may each be waiting (fever may still come; the duration may still be reached): say all.
		const dated = pending.filter((o) => o.turnsOn).sort((a, b) => a.turnsOn!.localeCompare(b.turnsOn!))[0];
		return out('pending', (dated ?? pending[0]!).rule, `${opening}: ${pending.map((o) => o.reason).join('; ')}.`, { turnsOn: dated?.turnsOn ?? null });
	}
	return out('not_dlt', outcomes[0]!.rule, `${opening}: ${outcomes.map((o) => o.reason).join('; ')}; not a DLT.`);
}
