/**
 * DLT verdicts for a whole study as of a date: per AE (engine and, where the committee decided, its decision),
 * per subject (DLT, no DLT, pending, not evaluable) and per dose level (counts and where the 3+3 rules stand).
 * Pure: the same function serves the app, the headless command and the tests.
 */
import { aeKey } from '../model/adverse-event';
import { computeFirstExposure, computeLastExposure } from '../first-exposure';
import { compareNatural } from '../natural-order';
import { computeStudyDay, dateOfStudyDay, dayNumber, dayRange, formatDtc, orderKey } from '../partial-date';
import { deriveTeae, type TeaeResult } from '../derive-teae';
import { levelStandings } from '../escalation/level-standing';
import type { AdverseEvent, DoseAdministration, Dtc, Study, Subject } from '../types';
import { isFatalOutcome, judgeAe, type AeEvaluation, type AeJudgement } from './evaluate-ae';
import { evaluateLabEpisode, type LabSource } from './evaluate-lab-episode';
import type { LabEpisode } from '../labs/lab-episodes';
import { ruleSetFor, ruleSetRef, ruleSetTimeline, type RuleSetPeriod, type RuleSetRef } from './rule-set-versions';
import type { AeVerdict, DltRuleSet, LevelStanding, SubjectDltStatus } from './rule-types';

export interface CommitteeDecision {
	decision: 'dlt' | 'not_dlt';
	reason: string;
	by: string;
	at: string;
	/**
	 * What changed in the event since the decision ("Grade 3 → 4"); empty when nothing did. A changed event goes
	 * back to the committee. Meanwhile a "DLT" decision keeps counting and a "not a DLT" decision no longer
	 * overrules the engine: whichever way the data moved, the count errs on the side of the patient.
	 */
	changedSince: string[];
	/** Printed name (and role) of the electronic signature on the decision, when signed. */
	signedBy?: string | null;
}

/**
 * True when an event needs the committee: a DLT candidate (engine DLT or pending) or a fatal event, with no
 * decision, or with a decision made before the event changed.
 */
export function needsCommittee(e: Pick<EventEvaluation, 'verdict' | 'fatal' | 'committee'>): boolean {
	if (e.verdict === 'not_dlt' && !e.fatal && !e.committee) return false;
	return !e.committee || e.committee.changedSince.length > 0;
}

/** The verdict that counts: the committee's decision, unless it cleared an event that changed since. */
export function effectiveVerdict(engine: AeVerdict, committee: CommitteeDecision | null): AeVerdict {
	if (!committee) return engine;
	if (committee.decision === 'not_dlt' && committee.changedSince.length > 0) return engine;
	return committee.decision;
}

export interface EventEvaluation extends AeEvaluation {
	ae: AdverseEvent;
	/** For a lab-defined candidate: the draws it was read from, and the AE recorded for it if any. */
	lab?: LabSource;
	teae: boolean;
	teaeReason: string;
	/** The committee's decision, when there is one. */
	committee: CommitteeDecision | null;
	/** What counts: the committee's decision where given, else the engine's verdict. */
	effective: AeVerdict;
}

export interface SubjectEvaluation {
	subject: Subject;
	firstDose: string | null;
	windowEnd: string | null;
	status: SubjectDltStatus;
	reason: string;
	events: EventEvaluation[];
	/**
	 * Lab-defined DLT candidates: toxicity episodes read from the counts that meet, or may meet, a DLT rule and are
	 * not already a DLT through their AE. Each goes to the committee; until decided the subject is pending.
	 */
	labEvents: EventEvaluation[];
	/** The rule set version that judged this subject: the one in force on their day 1 (rule-set-versions.ts). */
	ruleSet: RuleSetRef;
}

export interface DoseLevelEvaluation {
	doseLevel: string;
	enrolled: number;
	evaluable: number;
	dlts: number;
	pending: number;
	notEvaluable: number;
	/** Where the study's design stands at this level (levelStandings: the same answer as the Escalation tab). */
	decision: LevelStanding;
	reason: string;
	/** True when a committee decision changed a count at this level. */
	usesCommittee: boolean;
}

export interface StudyEvaluation {
	asOf: string;
	/** The study's current rule set version. */
	ruleSet: { id: string; version: number };
	/** Every version that judged a subject, oldest first: more than one after a protocol amendment. */
	ruleSetsUsed: RuleSetRef[];
	subjects: SubjectEvaluation[];
	doseLevels: DoseLevelEvaluation[];
}

/**
 * An AE's evaluation as the study engine makes it: its reason is written when first read. At 100,000 AEs,
 * writing every reason took longer than applying every rule, and a page reads the reasons of the few events it
 * shows. A class, because an object literal with a getter is built on V8's slow path (it cost more than the
 * reasons). `toJSON` writes the reason for JSON; the engine's results are never stored or sent to a worker
 * (a meeting's snapshot stores the data and evaluates it again), which would not carry the getter.
 */
class AeEventEvaluation implements EventEvaluation {
	readonly verdict: AeVerdict;
	readonly rule: string | null;
	readonly studyDay: number | null;
	readonly inWindow: boolean | null;
	readonly related: boolean | null;
	readonly turnsOn: string | null;
	readonly fatal: boolean;
	readonly unclassified: boolean;
	readonly teae: boolean;
	readonly teaeReason: string;
	readonly effective: AeVerdict;
	#reasonOf: (() => string) | null;
	#reason = '';

	constructor(
		j: AeJudgement,
		readonly ae: AdverseEvent,
		teae: TeaeResult,
		readonly committee: CommitteeDecision | null
	) {
		this.verdict = j.verdict;
		this.rule = j.rule;
		this.studyDay = j.studyDay;
		this.inWindow = j.inWindow;
		this.related = j.related;
		this.turnsOn = j.turnsOn;
		this.fatal = j.fatal;
		this.unclassified = j.unclassified;
		this.teae = teae.teae;
		this.teaeReason = teae.reason;
		this.effective = effectiveVerdict(j.verdict, committee);
		this.#reasonOf = j.reasonOf;
	}

	get reason(): string {
		if (this.#reasonOf) {
			this.#reason = this.#reasonOf();
			this.#reasonOf = null;
		}
		return this.#reason;
	}

	toJSON(): Omit<EventEvaluation, 'lab'> {
		const { verdict, rule, reason, studyDay, inWindow, related, turnsOn, fatal, unclassified, ae, teae, teaeReason, committee, effective } = this;
		return { verdict, rule, reason, studyDay, inWindow, related, turnsOn, fatal, unclassified, ae, teae, teaeReason, committee, effective };
	}
}

/** The study's placebo drug codes, computed once per study object. */
const placeboCache = new WeakMap<object, ReadonlySet<string>>();
function placeboOf(study: Partial<Pick<Study, 'drugs'>>): ReadonlySet<string> | undefined {
	if (!study.drugs?.some((d) => d.placebo)) return undefined;
	let set = placeboCache.get(study);
	if (!set) placeboCache.set(study, (set = new Set(study.drugs.filter((d) => d.placebo).map((d) => d.code))));
	return set;
}

/** Committee decisions are keyed by the AE's one key (aeKey). */
export const adjudicationKey = (usubjid: string, aeseq: number) => aeKey({ usubjid, aeseq });

export interface StudyInput {
	study: Pick<Study, 'doseLevels' | 'teaeWindowDays' | 'design' | 'dltWindow'> & Partial<Pick<Study, 'drugs'>>;
	subjects: readonly Subject[];
	doses: readonly DoseAdministration[];
	aes: readonly AdverseEvent[];
	/** The study's current rule set. */
	ruleSet: DltRuleSet;
	/**
	 * Every version of the study's rules, newest first (the current one first): each subject is judged by the
	 * version in force on their day 1. Absent: `ruleSet` judges everyone.
	 */
	ruleSetVersions?: readonly DltRuleSet[];
	asOf: string;
	decisions?: ReadonlyMap<string, CommitteeDecision>;
	/** Toxicity episodes read from the study's counts (labs/lab-episodes.ts), judged by the same rules. */
	labEpisodes?: readonly LabEpisode[];
}

const episodesBySubject = new WeakMap<readonly LabEpisode[], Map<string, LabEpisode[]>>();
function episodesOf(input: Pick<StudyInput, 'labEpisodes'>, usubjid: string): readonly LabEpisode[] {
	const all = input.labEpisodes;
	if (!all?.length) return [];
	let by = episodesBySubject.get(all);
	if (!by) {
		by = new Map();
		for (const e of all) (by.get(e.usubjid) ?? by.set(e.usubjid, []).get(e.usubjid)!).push(e);
		episodesBySubject.set(all, by);
	}
	return by.get(usubjid) ?? [];
}

const timelines = new WeakMap<readonly DltRuleSet[], RuleSetPeriod[]>();
/** The rule set that judges a subject first dosed on `day1` (rule-set-versions.ts). */
function ruleSetOf(input: Pick<StudyInput, 'ruleSet' | 'ruleSetVersions' | 'asOf'>, day1: string | null): DltRuleSet {
	const versions = input.ruleSetVersions;
	if (!versions || versions.length < 2) return input.ruleSet;
	let timeline = timelines.get(versions);
	if (!timeline) timelines.set(versions, (timeline = ruleSetTimeline(versions)));
	return ruleSetFor(timeline, day1, input.asOf);
}

export function evaluateSubject(
	subject: Subject,
	doses: readonly DoseAdministration[],
	aes: readonly AdverseEvent[],
	input: Pick<StudyInput, 'ruleSet' | 'ruleSetVersions' | 'asOf' | 'decisions' | 'study' | 'labEpisodes'>
): SubjectEvaluation {
	const window = input.study.dltWindow;
	const first = computeFirstExposure(subject, doses);
	const firstDate = first ? first.slice(0, 10) : null;
	const set = ruleSetOf(input, firstDate);
	const last = computeLastExposure(doses);
	const windowEnd = firstDate ? dateOfStudyDay(window.endDay, firstDate) : null;
	const ordered = inOnsetOrder(aes);
	const context = { firstDose: first, asOf: input.asOf, subjectAes: aes, window, placebo: placeboOf(input.study) };
	const events: EventEvaluation[] = ordered.map((ae) => {
		const committee = input.decisions?.get(adjudicationKey(ae.usubjid, ae.aeseq)) ?? null;
		return new AeEventEvaluation(judgeAe(ae, context, set), ae, deriveTeae(ae, first, last, input.study.teaeWindowDays), committee);
	});
	const labEvents: EventEvaluation[] = [];
	// Judged as if related to the study drugs the subject received (all of the study's, without dose records);
	// a subject who received placebo only has no study drug a count could be a toxicity of.
	const studyDrugs = (input.study.drugs ?? []).filter((d) => !d.placebo).map((d) => d.code);
	const received = doses.length ? studyDrugs.filter((code) => doses.some((d) => d.drug === code && d.dose > 0)) : studyDrugs;
	const episodes = doses.length && !received.length ? [] : episodesOf(input, subject.usubjid);
	for (const ep of episodes) {
		const v = evaluateLabEpisode(ep, events, context, set, received);
		if (!v) continue;
		const committee = input.decisions?.get(adjudicationKey(subject.usubjid, ep.key)) ?? null;
		labEvents.push({ ...v, teae: true, teaeReason: 'A toxicity read from the counts after the first dose.', committee, effective: effectiveVerdict(v.verdict, committee) });
	}
	const base = { subject, firstDose: firstDate, windowEnd, events, labEvents, ruleSet: ruleSetRef(set) };
	if (!firstDate) return { ...base, status: 'not_evaluable', reason: 'Never dosed: not evaluable for DLT.' };
	const candidates = labEvents.length ? [...events, ...labEvents] : events;
	const dlt = candidates.find((e) => e.effective === 'dlt');
	if (dlt) {
		const by = dlt.committee ? ' (committee decision)' : dlt.rule ? ` (rule ${dlt.rule})` : '';
		return { ...base, status: 'dlt', reason: `DLT: ${dlt.ae.term} ${eventName(dlt)}${dlt.studyDay !== null ? ` on day ${dlt.studyDay}` : ''}${by}.` };
	}
	const windowOver = dayNumber(input.asOf)! >= dayNumber(windowEnd)!;
	const pending = candidates.filter((e) => e.effective === 'pending');
	const overruled = candidates.filter((e) => e.effective === 'not_dlt' && e.verdict !== 'not_dlt');
	const committeeNote = overruled.length ? ` The committee overruled ${overruled.map(eventName).join(', ')}.` : '';
	const died = diedInWindow(subject, aes, firstDate, windowEnd!, input.asOf);
	if (died?.certain) {
		if (pending.length)
			return { ...base, status: 'pending', reason: `${died.text}; awaiting ${pending.map((e) => `${e.ae.term} (${eventName(e)})`).join(', ')} before it can be called not evaluable.${committeeNote}` };
		return { ...base, status: 'not_evaluable', reason: `${died.text}, without a DLT: observation ended by death, not evaluable (never "completed the window").${committeeNote}` };
	}
	if (died) return { ...base, status: 'pending', reason: `${died.text}.${committeeNote}` };
	const left = leftEarly(subject, firstDate, windowEnd!, input.asOf);
	if (left?.certain) {
		if (pending.length)
			return { ...base, status: 'pending', reason: `${left.text}; awaiting ${pending.map((e) => `${e.ae.term} (${eventName(e)})`).join(', ')} before it can be called not evaluable.${committeeNote}` };
		return { ...base, status: 'not_evaluable', reason: `${left.text}, without a DLT: did not complete the window, not evaluable.${committeeNote}` };
	}
	if (left) return { ...base, status: 'pending', reason: `${left.text}; awaiting the full date.${committeeNote}` };
	if (!windowOver) {
		const waiting = pending.length ? `, ${pending.length} event${pending.length === 1 ? '' : 's'} pending` : '';
		return { ...base, status: 'pending', reason: `In the DLT window until ${formatDtc(windowEnd)} (day ${window.endDay}); no DLT so far${waiting}.${committeeNote}` };
	}
	if (pending.length)
		return { ...base, status: 'pending', reason: `Window completed ${formatDtc(windowEnd)}; awaiting ${pending.map((e) => `${e.ae.term} (${eventName(e)})`).join(', ')}.${committeeNote}` };
	return { ...base, status: 'no_dlt', reason: `Completed the DLT window (to ${formatDtc(windowEnd)}) without a DLT.${committeeNote}` };
}

/**
 * A blank onset sorts after every date: orderKey's largest value (year 2200) is about 8.5e10, below 2^37 − 1.
 * Packed with a 16-bit position, 2^37 − 1 keeps every packed key below 2^53, where doubles are exact.
 */
const BLANK_KEY = 2 ** 37 - 1;
/** Packed sort keys hold the position in their low 16 bits. */
const PACK = 65_536;

/**
 * The subject's AEs by onset (orderKey: partial dates at the start of their period, blanks last), then AESEQ.
 * Exports usually list them so already, and then the list is returned as it is. When they are in AESEQ order,
 * onset and position are packed into one number and sorted natively: a comparator called from the sort cost a
 * tenth of the whole evaluation at 100,000 AEs.
 */
export function inOnsetOrder(aes: readonly AdverseEvent[]): readonly AdverseEvent[] {
	const n = aes.length;
	const keys = new Float64Array(n);
	let sorted = true;
	let bySeq = true;
	for (let i = 0; i < n; i++) {
		const k = orderKey(aes[i]!.start);
		keys[i] = k === Infinity ? BLANK_KEY : k;
		if (i === 0) continue;
		const seqUp = aes[i]!.aeseq > aes[i - 1]!.aeseq;
		if (!seqUp) bySeq = false;
		if (sorted && (keys[i]! < keys[i - 1]! || (keys[i] === keys[i - 1] && !seqUp))) sorted = false;
	}
	if (sorted) return aes;
	if (bySeq && n < PACK) {
		const packed = new Float64Array(n);
		for (let i = 0; i < n; i++) packed[i] = keys[i]! * PACK + i;
		packed.sort();
		return Array.from(packed, (p) => aes[p % PACK]!);
	}
	const order = Array.from({ length: n }, (_, i) => i);
	order.sort((a, b) => (keys[a] === keys[b] ? aes[a]!.aeseq - aes[b]!.aeseq : keys[a]! < keys[b]! ? -1 : 1));
	return order.map((i) => aes[i]!);
}

/** "AE 3", or for a lab-defined candidate "NEUT draws from 8 Aug 2026". */
export function eventName(e: Pick<EventEvaluation, 'ae' | 'lab'>): string {
	return e.lab ? `${e.lab.testcd} draws from ${formatDtc(e.lab.draws[0]!.date)}` : `AE ${e.ae.aeseq}`;
}

/** Every death recorded for the subject, from AE (grade 5, AEOUT = FATAL, AESDTH = Y), DM and DS. */
export function deathsOf(subject: Subject, aes: readonly AdverseEvent[]): { date: Dtc | null; source: string }[] {
	const out: { date: Dtc | null; source: string }[] = [];
	for (const ae of aes) {
		const five = ae.gradeHistory.find((h) => h.grade === 5);
		const fatalOutcome = isFatalOutcome(ae.outcome) || ae.seriousCriteria.includes('AESDTH');
		if (!five && ae.grade !== 5 && !fatalOutcome) continue;
		// The death date: the event's end (SDTM ends a fatal AE on the date of death), else when it reached grade 5.
		out.push({ date: ae.end ?? five?.from ?? null, source: `AE ${ae.aeseq} ${ae.term}` });
	}
	if (subject.death) out.push(subject.death);
	return out;
}

/**
 * A death on or before the last day of the DLT window (and known at the cut-off) ends observation: the subject
 * did not complete the window. `certain` is false when the date is missing or partial and may fall either side.
 */
function diedInWindow(subject: Subject, aes: readonly AdverseEvent[], firstDate: string, windowEnd: string, asOf: string): { certain: boolean; text: string } | null {
	const deaths = deathsOf(subject, aes);
	if (!deaths.length) return null;
	const end = dayNumber(windowEnd)!;
	const cut = dayNumber(asOf)!;
	let uncertain: { certain: boolean; text: string } | null = null;
	for (const d of deaths) {
		const range = dayRange(d.date);
		if (!range) {
			uncertain ??= { certain: false, text: `A death is recorded (${d.source}) without a date: it may be within the DLT window (to ${formatDtc(windowEnd)}); awaiting the date of death` };
			continue;
		}
		if (range[0] > cut || range[0] > end) continue;
		if (range[1] <= end) {
			const day = computeStudyDay(d.date, firstDate);
			return { certain: true, text: `Died on ${formatDtc(d.date)}${day !== null ? ` (day ${day})` : ''}, recorded in ${d.source}, within the DLT window (to ${formatDtc(windowEnd)})` };
		}
		uncertain ??= { certain: false, text: `Died in ${formatDtc(d.date)} (${d.source}), recorded only to the ${d.date!.length === 4 ? 'year' : 'month'}: it may be within the DLT window (to ${formatDtc(windowEnd)}); awaiting the full date` };
	}
	return uncertain;
}

/**
 * A discontinuation recorded on or before the data cut-off and before the last day of the DLT window: the
 * subject did not complete the window. `certain` is false when a partial date may fall on either side.
 * Leaving on the window's last day counts as completing it.
 */
function leftEarly(subject: Subject, firstDate: string, windowEnd: string, asOf: string): { certain: boolean; text: string } | null {
	const d = subject.discontinued;
	const range = d ? dayRange(d.date) : null;
	const end = dayNumber(windowEnd)!;
	if (!d || !range || range[0] > dayNumber(asOf)! || range[0] >= end) return null;
	const why = d.reason ? d.reason.toLowerCase() : '';
	if (range[1] < end) {
		const day = computeStudyDay(d.date, firstDate);
		const notes = [day !== null ? `day ${day}` : '', why].filter(Boolean).join(', ');
		return { certain: true, text: `Left the study on ${formatDtc(d.date)}${notes ? ` (${notes})` : ''}, before the DLT window ended on ${formatDtc(windowEnd)}` };
	}
	return { certain: false, text: `Left the study in ${formatDtc(d.date)}${why ? ` (${why})` : ''}, recorded only to the ${d.date.length === 4 ? 'year' : 'month'}: it may be before the DLT window ended on ${formatDtc(windowEnd)}` };
}

export function evaluateStudy(input: StudyInput): StudyEvaluation {
	const dosesBy = group(input.doses);
	const aesBy = group(input.aes);
	const subjects = [...input.subjects]
		.sort((a, b) => compareNatural(a.usubjid, b.usubjid))
		.map((s) => evaluateSubject(s, dosesBy.get(s.usubjid) ?? [], aesBy.get(s.usubjid) ?? [], input));
	return { asOf: input.asOf, ruleSet: { id: input.ruleSet.id, version: input.ruleSet.version }, ruleSetsUsed: ruleSetsUsed(subjects, input.ruleSet), subjects, doseLevels: computeDoseLevels(input, subjects) };
}

/** The versions that judged the subjects, oldest first; with no subject yet, the current one. */
function ruleSetsUsed(subjects: readonly SubjectEvaluation[], current: DltRuleSet): RuleSetRef[] {
	if (!subjects.length) return [ruleSetRef(current)];
	const seen = new Map<string, RuleSetRef>();
	for (const s of subjects) seen.set(`${s.ruleSet.id}@${s.ruleSet.version}`, s.ruleSet);
	return [...seen.values()].sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '') || a.version - b.version);
}

/**
 * The study's evaluation after one subject's data changed (a dose or AE edited, added or deleted): only that
 * subject is evaluated again, and the per-level counts are recounted from the subjects' statuses. Gives the same
 * result as evaluateStudy on the whole study.
 */
export function reevaluateSubject(
	previous: StudyEvaluation,
	subject: Subject,
	doses: readonly DoseAdministration[],
	aes: readonly AdverseEvent[],
	input: Pick<StudyInput, 'ruleSet' | 'ruleSetVersions' | 'asOf' | 'decisions' | 'study' | 'labEpisodes'>
): StudyEvaluation {
	const next = evaluateSubject(subject, doses, aes, input);
	const i = previous.subjects.findIndex((s) => s.subject.usubjid === subject.usubjid);
	const subjects = [...previous.subjects];
	if (i >= 0) subjects[i] = next;
	else {
		const at = subjects.findIndex((s) => compareNatural(s.subject.usubjid, subject.usubjid) > 0);
		subjects.splice(at < 0 ? subjects.length : at, 0, next);
	}
	return { ...previous, subjects, ruleSetsUsed: ruleSetsUsed(subjects, input.ruleSet), doseLevels: computeDoseLevels(input, subjects) };
}

function computeDoseLevels(input: Pick<StudyInput, 'study' | 'decisions'>, subjects: readonly SubjectEvaluation[]): DoseLevelEvaluation[] {
	const anyDecision = (input.decisions?.size ?? 0) > 0;
	const counts = input.study.doseLevels.map((level) => {
		const at = subjects.filter((s) => s.subject.doseLevel === level.code);
		const count = (status: SubjectDltStatus) => at.filter((s) => s.status === status).length;
		return { level, at, count, evaluable: count('dlt') + count('no_dlt'), dlts: count('dlt') };
	});
	// A control arm is shown with its counts but is not a level of the escalation: the design stands on the others.
	const escalating = counts.filter((c) => !c.level.control);
	const codes = escalating.map((c) => c.level.code);
	const standingsOf = levelStandings(input.study.design, escalating.map((c) => c.evaluable), escalating.map((c) => c.dlts), codes);
	const standingOf = new Map(escalating.map((c, i) => [c.level.code, standingsOf[i]!]));
	const control = { standing: 'control' as const, reason: 'Control arm: not a level of the escalation.', detail: '' };
	const standings = counts.map((c) => standingOf.get(c.level.code) ?? { ...control, reason: `${c.dlts} of ${c.evaluable} evaluable with a DLT. Control arm: not a level of the escalation.` });
	return counts.map(({ level, at, count, evaluable, dlts }, i): DoseLevelEvaluation => ({
		doseLevel: level.code,
		enrolled: at.length,
		evaluable,
		dlts,
		pending: count('pending'),
		notEvaluable: count('not_evaluable'),
		decision: standings[i]!.standing,
		reason: standings[i]!.reason,
		usesCommittee: anyDecision && at.some((s) => [...s.events, ...s.labEvents].some((e) => e.committee && e.committee.decision !== e.verdict))
	}));
}

function group<T extends { usubjid: string }>(rows: readonly T[]): Map<string, T[]> {
	const m = new Map<string, T[]>();
	for (const r of rows) {
		const list = m.get(r.usubjid);
		if (list) list.push(r);
		else m.set(r.usubjid, [r]);
	}
	return m;
}
