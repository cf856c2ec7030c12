/** A safety review meeting and the snapshot its signature freezes. */
import type { Adjudication } from './adjudication';
import type { AdverseEvent } from './adverse-event';
import type { DoseAdministration } from './dose';
import type { AeVerdict, DltRuleSet } from './rule-set';
import type { LabEpisode, OutcomeRow } from './lab';
import type { BenefitRiskRow } from './benefit-risk';
import type { Study } from './study';
import type { Subject } from './subject';
import type { Signature } from './signature';

/** Where a study's audit chain stood: its last entry's place and hash. */
export interface ChainHead {
	chain: string;
	seq: number;
	hash: string;
}

/** What the committee decided for the next cohort. */
export type EscalationDecision =
	| { kind: 'next_cohort'; doseLevel: string }
	| { kind: 'stop'; mtd: string | null };

/** Everything a signed meeting shows, frozen at sign-off: later edits to the study never reach it. */
export interface MeetingSnapshot {
	takenAt: string;
	study: Study;
	subjects: Subject[];
	doses: DoseAdministration[];
	aes: AdverseEvent[];
	adjudications: Adjudication[];
	/** The DLT rule set in force (a preset or the study's own version), whole. */
	ruleSet: DltRuleSet;
	/** After a protocol amendment: every version still judging a subject, newest first (absent otherwise). */
	ruleSetVersions?: DltRuleSet[];
	/** The toxicity episodes read from the counts, as they stood when signed (absent without labs). */
	labEpisodes?: LabEpisode[];
	/** Protocol 001's safety outcomes per dose level as of the cut-off, as signed (absent without safety results). */
	safetyOutcomes?: OutcomeRow[];
	/** DLTs, worst lab grades, ADA and best responses per dose level as of the cut-off, as signed (absent in meetings signed before it was frozen). */
	benefitRisk?: BenefitRiskRow[];
	/** Each AE's effective verdict as shown when signed, `usubjid|aeseq` → verdict, to check a later reading against. */
	verdicts: Record<string, AeVerdict>;
	/** The design's recommendation as shown when signed. */
	recommendation: EscalationDecision & { reason: string };
}

/**
 * A safety review meeting. A draft is edited freely; signing freezes it with a snapshot of the study's data.
 */
export interface Meeting {
	/** A UUID (schema 4 on), so meetings from two devices can be merged. */
	id: string;
	/** DLT candidates the committee deferred to a later meeting, each with its reason (`usubjid|aeseq`). */
	deferrals?: { key: string; reason: string }[];
	studyId: string;
	/** YYYY-MM-DD the committee met. */
	date: string;
	/** The data cut-off the committee reviewed (YYYY-MM-DD): verdicts are as of this date. */
	cutoff: string;
	attendees: string[];
	/** Dose level codes under review. */
	doseLevels: string[];
	/** The committee's escalation decision; null until taken. */
	decision: EscalationDecision | null;
	/** Why the decision differs from the design's recommendation (required when it does). */
	decisionReason: string;
	minutes: string;
	createdBy: string;
	createdAt: string;
	signedBy: string | null;
	signedAt: string | null;
	snapshot: MeetingSnapshot | null;
	/** The study's audit chain head just before signing: the pack prints it, so paper can check a later file. */
	chainHead?: ChainHead | null;
	/** The chair's electronic signature over the signed meeting and its snapshot. */
	signature?: Signature | null;
	rev: number;
}
