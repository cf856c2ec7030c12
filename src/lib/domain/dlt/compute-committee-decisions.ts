/**
 * The committee's current decision per AE from its append-only adjudication records: the latest record counts;
 * a later 'withdrawn' record takes a decision back, so the engine's verdict counts again.
 */
import type { Adjudication } from '../types';
import { adjudicationKey, type CommitteeDecision } from './evaluate-study';

export function computeCommitteeDecisions(records: readonly Adjudication[]): Map<string, CommitteeDecision> {
	const latest = new Map<string, Adjudication>();
	for (const r of records) {
		const key = adjudicationKey(r.usubjid, r.aeseq);
		const prev = latest.get(key);
		if (!prev || r.at > prev.at || (r.at === prev.at && (r.id ?? 0) > (prev.id ?? 0))) latest.set(key, r);
	}
	const out = new Map<string, CommitteeDecision>();
	for (const [key, r] of latest) {
		if (r.decision !== 'withdrawn') out.set(key, { decision: r.decision, reason: r.reason, by: r.by, at: r.at });
	}
	return out;
}
