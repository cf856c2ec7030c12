/**
 * The escalation question for a study, from its DLT evaluation: the counts per dose level in escalation order,
 * the dose last given, the design's recommendation, and two "what if" answers: every pending subject ends
 * without a DLT, and one more of them (at the current dose) has one. Pure.
 */
import type { StudyEvaluation } from '../dlt/evaluate-study';
import { escalationLevels, type Study } from '../model/study';
import { recommendFor, type EscalationState, type Recommendation } from './recommend';

export { recommendFor };

export interface StudyRecommendation {
	codes: string[];
	state: EscalationState;
	/** Subjects dosed at each level, pending subjects at each level. */
	treated: number[];
	pending: number[];
	recommendation: Recommendation;
	/** null when no subject is pending. */
	ifNoneMore: Recommendation | null;
	/** null when no subject is pending at the current dose. */
	ifOneMore: Recommendation | null;
}

export function computeStudyRecommendation(study: Pick<Study, 'doseLevels' | 'design'>, ev: StudyEvaluation): StudyRecommendation {
	// The escalation's levels only: a control arm is never counted, recommended or named the MTD.
	const codes = escalationLevels(study).map((l) => l.code);
	const level = (code: string) => ev.doseLevels.find((d) => d.doseLevel === code);
	const n = codes.map((c) => level(c)?.evaluable ?? 0);
	const dlt = codes.map((c) => level(c)?.dlts ?? 0);
	const pending = codes.map((c) => level(c)?.pending ?? 0);
	const treated = codes.map((c) => ev.subjects.filter((s) => s.subject.doseLevel === c && s.firstDose).length);

	// The dose last given: the level of the subject dosed most recently.
	let currentDose = 1;
	let latest = '';
	for (const s of ev.subjects) {
		const i = codes.indexOf(s.subject.doseLevel ?? '');
		if (i >= 0 && s.firstDose && s.firstDose >= latest) {
			latest = s.firstDose;
			currentDose = i + 1;
		}
	}
	const state: EscalationState = { currentDose, n, dlt };
	const recommendation = recommendFor(study.design, state);
	const anyPending = pending.some((p) => p > 0);
	const settled = { currentDose, n: n.map((x, i) => x + pending[i]!), dlt };
	const ifNoneMore = anyPending ? recommendFor(study.design, settled) : null;
	const ifOneMore =
		pending[currentDose - 1]! > 0
			? recommendFor(study.design, { ...settled, dlt: dlt.map((x, i) => (i === currentDose - 1 ? x + 1 : x)) })
			: null;
	return { codes, state, treated, pending, recommendation, ifNoneMore, ifOneMore };
}

export { withDoseCodes } from './level-standing';
