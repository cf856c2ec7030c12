/** Records the committee's decision on one DLT candidate, signed by the reviewer chosen with their passphrase, now. */
import type { EventEvaluation, StudyEvaluation } from '$lib/domain/dlt/evaluate-study';
import { recordAdjudication } from '$lib/db/dlt-repository';
import { adjudicationBasis } from '$lib/domain/dlt/compute-committee-decisions';
import { db } from '$lib/state/db';
import { nowIso, reviewer } from '$lib/state/app';
import { resolveSigner, type SignerChoice } from './reviewer-profile.service';

function ruleSetUsedFor(evaluation: StudyEvaluation, usubjid: string): { id: string; version: number } {
	const used = evaluation.subjects.find((s) => s.subject.usubjid === usubjid)?.ruleSet ?? evaluation.ruleSet;
	return { id: used.id, version: used.version };
}

export async function adjudicate(studyId: string, evaluation: StudyEvaluation, e: EventEvaluation, decision: 'dlt' | 'not_dlt' | 'withdrawn', reason: string, choice: SignerChoice): Promise<void> {
	const signer = await resolveSigner(choice);
	return recordAdjudication(db, {
		studyId,
		usubjid: e.ae.usubjid,
		aeseq: e.ae.aeseq,
		...(e.ae.id ? { aeId: e.ae.id } : {}),
		basis: adjudicationBasis(e.ae),
		decision,
		reason,
		by: reviewer.name,
		at: nowIso(),
		engineVerdict: e.verdict,
		engineRule: e.rule,
		engineReason: e.reason,
		// The version that judged this subject (the one in force on their day 1), not necessarily the current one.
		ruleSet: ruleSetUsedFor(evaluation, e.ae.usubjid)
	}, signer);
}
