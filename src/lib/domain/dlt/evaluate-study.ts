/**
 * DLT verdicts for a whole study as of a date: per AE (engine and, where the committee decided, its decision),
 * per subject (DLT, no DLT, pending, not evaluable) and per dose level (counts and where the 3+3 rules stand).
 * Pure: the same function serves the app, the headless command and the tests.
 */
import { computeFirstExposure, computeLastExposure, isExposureOngoing } from '../first-exposure';
import { compareNatural } from '../natural-order';
import { computeStudyDay, dateOfStudyDay, dayNumber, dayRange, formatDtc, orderKey } from '../partial-date';
import { deriveTeae } from '../derive-teae';
import type { AdverseEvent, DoseAdministration, Study, Subject } from '../types';
import { evaluateAe, type AeEvaluation } from './evaluate-ae';
import type { AeVerdict, DltRuleSet, SubjectDltStatus, ThreePlusThreeStatus } from './rule-types';

export interface CommitteeDecision {
	decision: 'dlt' | 'not_dlt';
	reason: string;
	by: string;
	at: string;
}

export interface EventEvaluation extends AeEvaluation {
	ae: AdverseEvent;
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
}

export interface DoseLevelEvaluation {
	doseLevel: string;
	enrolled: number;
	evaluable: number;
	dlts: number;
	pending: number;
	notEvaluable: number;
	decision: ThreePlusThreeStatus;
	reason: string;
	/** True when a committee decision changed a count at this level. */
	usesCommittee: boolean;
}

export interface StudyEvaluation {
	asOf: string;
	ruleSet: { id: string; version: number };
	subjects: SubjectEvaluation[];
	doseLevels: DoseLevelEvaluation[];
}

export const adjudicationKey = (usubjid: string, aeseq: number) => `${usubjid}\u0000${aeseq}`;

/** Where the 3+3 rules stand for a dose level, from its evaluable subjects and DLTs. */
export function computeThreePlusThreeStatus(evaluable: number, dlts: number): { decision: ThreePlusThreeStatus; reason: string } {
	if (dlts >= 2) return { decision: 'de_escalate', reason: `${dlts} DLTs in ${evaluable} evaluable: above the MTD; de-escalate.` };
	if (evaluable >= 6) return { decision: 'escalate', reason: `${dlts} of ${evaluable} evaluable had a DLT (at most 1 of 6): escalate.` };
	if (evaluable === 3 && dlts === 0) return { decision: 'escalate', reason: '0 of 3 evaluable had a DLT: escalate.' };
	if (evaluable === 3 && dlts === 1) return { decision: 'expand', reason: '1 of 3 evaluable had a DLT: expand the cohort to 6.' };
	if (evaluable < 3) return { decision: 'enrolling', reason: `${evaluable} evaluable (3 needed), ${dlts} DLT${dlts === 1 ? '' : 's'}: keep enrolling.` };
	return { decision: 'enrolling', reason: `${evaluable} of 6 evaluable with ${dlts} DLT: complete the cohort of 6.` };
}

export interface StudyInput {
	study: Pick<Study, 'doseLevels' | 'teaeWindowDays'>;
	subjects: readonly Subject[];
	doses: readonly DoseAdministration[];
	aes: readonly AdverseEvent[];
	ruleSet: DltRuleSet;
	asOf: string;
	decisions?: ReadonlyMap<string, CommitteeDecision>;
}

export function evaluateSubject(
	subject: Subject,
	doses: readonly DoseAdministration[],
	aes: readonly AdverseEvent[],
	input: Pick<StudyInput, 'ruleSet' | 'asOf' | 'decisions' | 'study'>
): SubjectEvaluation {
	const set = input.ruleSet;
	const first = computeFirstExposure(subject, doses);
	const firstDate = first ? first.slice(0, 10) : null;
	const last = computeLastExposure(doses);
	const ongoing = isExposureOngoing(doses);
	const windowEnd = firstDate ? dateOfStudyDay(set.window.endDay, firstDate) : null;
	const ordered = aes
		.map((ae) => ({ ae, key: orderKey(ae.start) }))
		.sort((a, b) => (a.key === b.key ? a.ae.aeseq - b.ae.aeseq : a.key < b.key ? -1 : 1))
		.map((x) => x.ae);
	const context = { firstDose: first, asOf: input.asOf, subjectAes: aes };
	const events: EventEvaluation[] = ordered.map((ae) => {
		const e = evaluateAe(ae, context, set);
		const t = deriveTeae(ae, first, last, input.study.teaeWindowDays, ongoing);
		const committee = input.decisions?.get(adjudicationKey(ae.usubjid, ae.aeseq)) ?? null;
		// Fields listed rather than spread: a spread per AE cost more than the rules themselves at 100,000 AEs.
		return {
			verdict: e.verdict,
			rule: e.rule,
			reason: e.reason,
			studyDay: e.studyDay,
			inWindow: e.inWindow,
			related: e.related,
			turnsOn: e.turnsOn,
			ae,
			teae: t.teae,
			teaeReason: t.reason,
			committee,
			effective: committee?.decision ?? e.verdict
		};
	});
	const base = { subject, firstDose: firstDate, windowEnd, events };
	if (!firstDate) return { ...base, status: 'not_evaluable', reason: 'Never dosed: not evaluable for DLT.' };
	const dlt = events.find((e) => e.effective === 'dlt');
	if (dlt) {
		const by = dlt.committee ? ' (committee decision)' : dlt.rule ? ` (rule ${dlt.rule})` : '';
		return { ...base, status: 'dlt', reason: `DLT: ${dlt.ae.term} AE ${dlt.ae.aeseq}${dlt.studyDay !== null ? ` on day ${dlt.studyDay}` : ''}${by}.` };
	}
	const windowOver = dayNumber(input.asOf)! >= dayNumber(windowEnd)!;
	const pending = events.filter((e) => e.effective === 'pending');
	const overruled = events.filter((e) => e.committee?.decision === 'not_dlt' && e.verdict !== 'not_dlt');
	const committeeNote = overruled.length ? ` The committee overruled ${overruled.map((e) => `AE ${e.ae.aeseq}`).join(', ')}.` : '';
	const left = leftEarly(subject, firstDate, windowEnd!, input.asOf);
	if (left?.certain) {
		if (pending.length)
			return { ...base, status: 'pending', reason: `${left.text}; awaiting ${pending.map((e) => `${e.ae.term} (AE ${e.ae.aeseq})`).join(', ')} before it can be called not evaluable.${committeeNote}` };
		return { ...base, status: 'not_evaluable', reason: `${left.text}, without a DLT: did not complete the window, not evaluable.${committeeNote}` };
	}
	if (left) return { ...base, status: 'pending', reason: `${left.text}; awaiting the full date.${committeeNote}` };
	if (!windowOver) {
		const waiting = pending.length ? `, ${pending.length} event${pending.length === 1 ? '' : 's'} pending` : '';
		return { ...base, status: 'pending', reason: `In the DLT window until ${formatDtc(windowEnd)} (day ${set.window.endDay}); no DLT so far${waiting}.${committeeNote}` };
	}
	if (pending.length)
		return { ...base, status: 'pending', reason: `Window completed ${formatDtc(windowEnd)}; awaiting ${pending.map((e) => `${e.ae.term} (AE ${e.ae.aeseq})`).join(', ')}.${committeeNote}` };
	return { ...base, status: 'no_dlt', reason: `Completed the DLT window (to ${formatDtc(windowEnd)}) without a DLT.${committeeNote}` };
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
	return { asOf: input.asOf, ruleSet: { id: input.ruleSet.id, version: input.ruleSet.version }, subjects, doseLevels: computeDoseLevels(input, subjects) };
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
	input: Pick<StudyInput, 'ruleSet' | 'asOf' | 'decisions' | 'study'>
): StudyEvaluation {
	const next = evaluateSubject(subject, doses, aes, input);
	const i = previous.subjects.findIndex((s) => s.subject.usubjid === subject.usubjid);
	const subjects = [...previous.subjects];
	if (i >= 0) subjects[i] = next;
	else {
		const at = subjects.findIndex((s) => compareNatural(s.subject.usubjid, subject.usubjid) > 0);
		subjects.splice(at < 0 ? subjects.length : at, 0, next);
	}
	return { ...previous, subjects, doseLevels: computeDoseLevels(input, subjects) };
}

function computeDoseLevels(input: Pick<StudyInput, 'study' | 'decisions'>, subjects: readonly SubjectEvaluation[]): DoseLevelEvaluation[] {
	const anyDecision = (input.decisions?.size ?? 0) > 0;
	return input.study.doseLevels.map((level): DoseLevelEvaluation => {
		const at = subjects.filter((s) => s.subject.doseLevel === level.code);
		const count = (status: SubjectDltStatus) => at.filter((s) => s.status === status).length;
		const evaluable = count('dlt') + count('no_dlt');
		const dlts = count('dlt');
		const { decision, reason } = computeThreePlusThreeStatus(evaluable, dlts);
		return {
			doseLevel: level.code,
			enrolled: at.length,
			evaluable,
			dlts,
			pending: count('pending'),
			notEvaluable: count('not_evaluable'),
			decision,
			reason,
			usesCommittee: anyDecision && at.some((s) => s.events.some((e) => e.committee && e.committee.decision !== e.verdict))
		};
	});
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
