/** A committee decision on one DLT candidate, kept append-only beside the engine's verdict. */
import type { AeVerdict } from './rule-set';
import type { Relatedness } from './attribution';
import type { Grade } from './adverse-event';
import type { Signature } from './signature';

/** What the committee saw of the event when it decided: a later change to any of these marks the decision "changed since decided". */
export interface AdjudicationBasis {
	term: string;
	grade: Grade | null;
	start: string | null;
	end: string | null;
	attribution: Record<string, Relatedness | null>;
}

/**
 * A committee decision on one DLT candidate. Append-only: a changed mind is a new record; the latest counts.
 * The engine's verdict at the time is kept beside it, with the rule set version it was made under.
 */
export interface Adjudication {
	/** A UUID, so records from two devices can be merged. */
	id: string;
	studyId: string;
	/** The event's own identity (AdverseEvent.id): the decision stays with the event when AESEQ is renumbered. */
	aeId?: string;
	/** USUBJID and AESEQ as they were when decided (for reading; identity is aeId). */
	usubjid: string;
	aeseq: number;
	/** 'withdrawn' takes back an earlier decision, leaving the engine's verdict to count again. */
	decision: 'dlt' | 'not_dlt' | 'withdrawn';
	reason: string;
	by: string;
	at: string;
	engineVerdict: AeVerdict;
	engineRule: string | null;
	engineReason: string;
	ruleSet: { id: string; version: number };
	/** The event as decided on. Absent on records from before schema 4. */
	basis?: AdjudicationBasis;
	/** The signer's electronic signature over this record (absent on records from before schema 4). */
	signature?: Signature;
}
