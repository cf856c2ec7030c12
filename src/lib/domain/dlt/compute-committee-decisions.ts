/**
 * The committee's current decision per AE from its append-only adjudication records: the latest record counts;
 * a later 'withdrawn' record takes a decision back, so the engine's verdict counts again.
 *
 * A decision belongs to the event (AdverseEvent.id), not to its AESEQ: when a re-export renumbers the events the
 * decision follows its event, and a decision whose event is no longer in the data applies to nothing (it is listed
 * by `orphanedDecisions`). When the event changed after the decision (term, grade, dates, attribution), the
 * decision carries what changed, so the pages mark it "changed since decided" and the committee sees it again.
 */
import type { Adjudication, AdjudicationBasis, AdverseEvent } from '../types';
import { compareAes } from '../review-changes';
import { adjudicationKey, type CommitteeDecision } from './evaluate-study';

/** What the committee sees of an event when it decides. */
export function adjudicationBasis(ae: Pick<AdverseEvent, 'term' | 'grade' | 'start' | 'end' | 'attribution'>): AdjudicationBasis {
	return { term: ae.term, grade: ae.grade, start: ae.start, end: ae.end, attribution: { ...ae.attribution } };
}

/** What changed in the event since the committee decided on `basis`: "Grade 3 → 1". Empty when nothing did. */
export function basisChanges(basis: AdjudicationBasis | undefined, ae: AdverseEvent): string[] {
	if (!basis) return [];
	return compareAes({ ...ae, ...basis }, ae).map((c) => `${c.label} ${c.from} → ${c.to}`);
}

function latestPerEvent(records: readonly Adjudication[], aes: readonly AdverseEvent[]) {
	const byId = new Map<string, AdverseEvent>();
	const byKey = new Map<string, AdverseEvent>();
	for (const ae of aes) {
		if (ae.id) byId.set(ae.id, ae);
		byKey.set(adjudicationKey(ae.usubjid, ae.aeseq), ae);
	}
	const latest = new Map<string, { r: Adjudication; ae: AdverseEvent | undefined }>();
	for (const r of records) {
		// Records from before event identities (no aeId) fall back to the key they were made under.
		const ae = r.aeId ? byId.get(r.aeId) : byKey.get(adjudicationKey(r.usubjid, r.aeseq));
		const slot = r.aeId ?? `key:${adjudicationKey(r.usubjid, r.aeseq)}`;
		const prev = latest.get(slot);
		if (!prev || r.at > prev.r.at || (r.at === prev.r.at && String(r.id) > String(prev.r.id))) latest.set(slot, { r, ae });
	}
	return latest;
}

export function computeCommitteeDecisions(records: readonly Adjudication[], aes: readonly AdverseEvent[]): Map<string, CommitteeDecision> {
	const out = new Map<string, CommitteeDecision>();
	for (const { r, ae } of latestPerEvent(records, aes).values()) {
		if (r.decision === 'withdrawn' || !ae) continue;
		out.set(adjudicationKey(ae.usubjid, ae.aeseq), {
			decision: r.decision,
			reason: r.reason,
			by: r.by,
			at: r.at,
			changedSince: basisChanges(r.basis, ae),
			signedBy: r.signature ? `${r.signature.name}${r.signature.role ? `, ${r.signature.role}` : ''}` : null
		});
	}
	return out;
}

/** Current decisions whose event is no longer in the data (removed by a re-import or deleted by hand). */
export function orphanedDecisions(records: readonly Adjudication[], aes: readonly AdverseEvent[]): Adjudication[] {
	return [...latestPerEvent(records, aes).values()].filter(({ r, ae }) => !ae && r.decision !== 'withdrawn').map(({ r }) => r);
}
