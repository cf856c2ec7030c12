/**
 * Safety review meetings: what a meeting shows (the DLT evaluation and the design's recommendation as of its
 * cut-off, and what is new since the previous signed meeting), how a decision reads, and what must be in place
 * before it can be signed. A signed meeting is computed from its frozen snapshot, a draft from the live data.
 * Pure.
 */
import { computeCommitteeDecisions } from './dlt/compute-committee-decisions';
import { evaluateStudy, eventName, needsCommittee, type StudyEvaluation } from './dlt/evaluate-study';
import type { DltRuleSet } from './dlt/rule-types';
import type { LabEpisode } from './labs/lab-episodes';
import { computeStudyRecommendation, withDoseCodes, type StudyRecommendation } from './escalation/compute-study-recommendation';
import { aeKey, detectReviewChanges, type AeChange, type ReviewBaseline, type ReviewVerdict } from './review-changes';
import type { Adjudication, AdverseEvent, DoseAdministration, EscalationDecision, Meeting, MeetingSnapshot, Study, Subject } from './types';

export interface MeetingData {
	study: Study;
	subjects: Subject[];
	doses: DoseAdministration[];
	aes: AdverseEvent[];
	adjudications: Adjudication[];
	ruleSet: DltRuleSet;
	/** Every version still judging a subject, newest first, after a protocol amendment (evaluate-study.ts). */
	ruleSetVersions?: readonly DltRuleSet[];
	/** Toxicity episodes read from the counts (labs/lab-episodes.ts): lab-defined DLT candidates come from them. */
	labEpisodes?: readonly LabEpisode[];
}

/** The events committee decisions can be about: the AEs and the episodes read from the counts. */
export function decidableEvents(data: Pick<MeetingData, 'aes' | 'labEpisodes'>): readonly AdverseEvent[] {
	return data.labEpisodes?.length ? [...data.aes, ...data.labEpisodes.map((e) => e.longest)] : data.aes;
}

export interface MeetingView {
	evaluation: StudyEvaluation;
	rec: StudyRecommendation;
	recommended: EscalationDecision & { reason: string };
	/** AEs new or changed since the previous signed meeting; null when there is none. */
	changes: AeChange[] | null;
	/** Adjudications recorded since the previous signed meeting (up to this one's sign-off when signed). */
	adjudications: Adjudication[];
	verdicts: Map<string, ReviewVerdict>;
}

export function evaluateAsOf(data: MeetingData, asOf: string): StudyEvaluation {
	return evaluateStudy({ ...data, asOf, decisions: computeCommitteeDecisions(data.adjudications, decidableEvents(data)) });
}

/** Each AE's effective verdict (committee decision first), by `usubjid|aeseq`. */
export function verdictMap(ev: StudyEvaluation): Map<string, ReviewVerdict> {
	return new Map(ev.subjects.flatMap((s) => s.events.map((e) => [aeKey(e.ae), e.effective] as const)));
}

/** The design's recommendation as a decision the committee could take. */
export function recommendationAsDecision(rec: StudyRecommendation): EscalationDecision & { reason: string } {
	const r = rec.recommendation;
	const code = (d: number | null) => (d === null ? null : (rec.codes[d - 1] ?? null));
	// The reason in the study's own codes ("dose 4 (DL4)"), as the DLT table and the Escalation tab say it.
	const reason = withDoseCodes(r.reason, rec.codes);
	return r.continue && r.nextDose !== null ? { kind: 'next_cohort', doseLevel: code(r.nextDose)!, reason } : { kind: 'stop', mtd: code(r.mtd), reason };
}

export function sameDecision(a: EscalationDecision, b: EscalationDecision): boolean {
	return a.kind === 'next_cohort' && b.kind === 'next_cohort' ? a.doseLevel === b.doseLevel : a.kind === 'stop' && b.kind === 'stop' ? a.mtd === b.mtd : false;
}

/** "Escalate to DL4", "Stay at DL3", "De-escalate to DL2", "Stop the escalation: MTD DL3". */
export function describeDecision(d: EscalationDecision, currentDose: string | null, levels: readonly { code: string; label: string }[]): string {
	const label = (code: string) => levels.find((l) => l.code === code)?.label ?? code;
	if (d.kind === 'stop') return d.mtd ? `Stop the escalation: MTD ${label(d.mtd)}` : 'Stop the escalation: no dose is tolerable';
	const order = levels.map((l) => l.code);
	const from = currentDose ? order.indexOf(currentDose) : -1;
	const to = order.indexOf(d.doseLevel);
	if (from < 0 || to < 0) return `Next cohort at ${label(d.doseLevel)}`;
	return to > from ? `Escalate to ${label(d.doseLevel)}` : to < from ? `De-escalate to ${label(d.doseLevel)}` : `Stay at ${label(d.doseLevel)}`;
}

/** Signed meetings in the order they were held: by cut-off, then sign-off. */
export function signedInOrder(meetings: readonly Meeting[]): Meeting[] {
	return meetings.filter((m) => m.signedAt && m.snapshot).sort((a, b) => a.cutoff.localeCompare(b.cutoff) || a.signedAt!.localeCompare(b.signedAt!));
}

/** The signed meeting before this one (for a draft: the latest signed one); null when there is none. */
export function previousSignedMeeting(meetings: readonly Meeting[], meeting: Meeting | null): Meeting | null {
	const signed = signedInOrder(meetings).filter((m) => m.id !== meeting?.id);
	if (!meeting || !meeting.signedAt) return signed.at(-1) ?? null;
	const before = signed.filter((m) => m.signedAt! < meeting.signedAt!);
	return before.at(-1) ?? null;
}

export function baselineOf(meeting: Meeting | null): ReviewBaseline | null {
	return meeting?.snapshot ? { cutoff: meeting.cutoff, aes: meeting.snapshot.aes, verdicts: meeting.snapshot.verdicts } : null;
}

/** What a meeting shows, from its data (the snapshot once signed) as of its cut-off. */
export function computeMeetingView(data: MeetingData, cutoff: string, previous: Meeting | null, signedAt: string | null): MeetingView {
	const evaluation = evaluateAsOf(data, cutoff);
	const rec = computeStudyRecommendation(data.study, evaluation);
	const verdicts = verdictMap(evaluation);
	const since = previous?.signedAt ?? '';
	const adjudications = data.adjudications
		.filter((a) => a.at > since && (!signedAt || a.at <= signedAt))
		.sort((a, b) => a.at.localeCompare(b.at));
	return {
		evaluation,
		rec,
		recommended: recommendationAsDecision(rec),
		changes: previous ? detectReviewChanges(baselineOf(previous), { aes: data.aes, verdicts }) : null,
		adjudications,
		verdicts
	};
}

/** The study's data as a meeting shows it: the frozen snapshot once signed. */
export function meetingData(meeting: Meeting, live: MeetingData | null): MeetingData | null {
	if (meeting.snapshot) {
		const s = meeting.snapshot;
		return {
			study: s.study,
			subjects: s.subjects,
			doses: s.doses,
			aes: s.aes,
			adjudications: s.adjudications,
			ruleSet: s.ruleSet,
			...(s.ruleSetVersions ? { ruleSetVersions: s.ruleSetVersions } : {}),
			...(s.labEpisodes ? { labEpisodes: s.labEpisodes } : {})
		};
	}
	return live;
}

/** The snapshot a signature freezes. */
export function buildSnapshot(data: MeetingData, view: MeetingView, takenAt: string): MeetingSnapshot {
	return {
		takenAt,
		study: data.study,
		subjects: data.subjects,
		doses: data.doses,
		aes: data.aes,
		adjudications: data.adjudications,
		ruleSet: data.ruleSet,
		// Older versions only when an amendment left some subjects judged by them (snapshots stay as before otherwise).
		...(data.ruleSetVersions && data.ruleSetVersions.length > 1 ? { ruleSetVersions: [...data.ruleSetVersions] } : {}),
		// The episodes read from the counts, as they stood: the draws themselves stay in the database.
		...(data.labEpisodes?.length ? { labEpisodes: [...data.labEpisodes] } : {}),
		verdicts: Object.fromEntries(view.verdicts),
		recommendation: view.recommended
	};
}

/** A DLT candidate still awaiting the committee: engine verdict DLT or pending, or a fatal event, undecided. */
export interface OpenCandidate {
	key: string;
	label: string;
}

/** The committee's open work at a cut-off: every DLT candidate and fatal event without a decision. */
export function undecidedCandidates(ev: StudyEvaluation): OpenCandidate[] {
	return ev.subjects.flatMap((s) =>
		[...s.events, ...s.labEvents]
			.filter(needsCommittee)
			.map((e) => ({ key: aeKey(e.ae), label: `${e.ae.usubjid} ${eventName(e)} (${e.ae.term}, ${e.verdict === 'dlt' ? 'DLT' : e.verdict}${e.fatal ? ', fatal' : ''}${e.committee ? `; changed since decided: ${e.committee.changedSince.join(', ')}` : ''})` }))
	);
}

/**
 * What stops a meeting being signed, in words; empty when it can be. A DLT candidate left undecided blocks the
 * signature unless the meeting defers it, with a reason, to a later meeting.
 */
export function problemsBeforeSigning(m: Meeting, recommended: EscalationDecision, signer: string, open: readonly OpenCandidate[] = []): string[] {
	const out: string[] = [];
	if (m.signedAt) out.push('This meeting is already signed.');
	if (!signer.trim()) out.push('Set your reviewer name: the sign-off records who signed.');
	if (!m.attendees.length) out.push('List the attendees.');
	if (!m.doseLevels.length) out.push('Choose the dose levels under review.');
	if (!m.decision) out.push('Record the escalation decision.');
	else if (!sameDecision(m.decision, recommended) && !m.decisionReason.trim())
		out.push('The decision differs from the design’s recommendation: give the reason.');
	const deferred = new Set((m.deferrals ?? []).filter((d) => d.reason.trim()).map((d) => d.key));
	const waiting = open.filter((c) => !deferred.has(c.key));
	if (waiting.length)
		out.push(
			`${waiting.length} DLT candidate${waiting.length === 1 ? ' awaits' : 's await'} the committee: ${waiting.map((c) => c.label).join('; ')}. Decide each, or defer it to a later meeting with a reason.`
		);
	return out;
}

/**
 * Verdicts that read differently now from the ones shown when the meeting was signed (only if DoseWatch's engine
 * has changed since); the meeting shows the signed ones and names these.
 */
export function verdictsChangedSinceSigning(snapshot: MeetingSnapshot, now: ReadonlyMap<string, ReviewVerdict>): string[] {
	return Object.entries(snapshot.verdicts)
		.filter(([k, v]) => now.get(k) !== v)
		.map(([k]) => k.replace('|', ' AE '));
}

export interface SinceLastReview {
	/** The latest signed meeting; null when none is signed yet. */
	since: Meeting | null;
	changes: AeChange[];
	byKey: Map<string, AeChange>;
}

/** What is new or changed in the live data (with its current verdicts) since the latest signed meeting. */
export function computeSinceLastReview(aes: readonly AdverseEvent[], verdicts: ReadonlyMap<string, ReviewVerdict>, meetings: readonly Meeting[]): SinceLastReview {
	const since = previousSignedMeeting(meetings, null);
	if (!since) return { since: null, changes: [], byKey: new Map() };
	const changes = detectReviewChanges(baselineOf(since), { aes, verdicts });
	return { since, changes, byKey: new Map(changes.map((c) => [c.key, c])) };
}
