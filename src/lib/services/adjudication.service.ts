/** Records the committee's decision on one DLT candidate, as the reviewer set in this browser, now. */
import type { EventEvaluation, StudyEvaluation } from '$lib/domain/dlt/evaluate-study';
import { recordAdjudication } from '$lib/db/dlt-repository';
import { db } from '$lib/state/db';
import { nowIso, reviewer } from '$lib/state/app';

export function adjudicate(studyId: string, evaluation: StudyEvaluation, e: EventEvaluation, decision: 'dlt' | 'not_dlt' | 'withdrawn', reason: string): Promise<void> {
	return recordAdjudication(db, {
		studyId,
		usubjid: e.ae.usubjid,
		aeseq: e.ae.aeseq,
		decision,
		reason,
		by: reviewer.name,
		at: nowIso(),
		engineVerdict: e.verdict,
		engineRule: e.rule,
		engineReason: e.reason,
		ruleSet: evaluation.ruleSet
	});
}
