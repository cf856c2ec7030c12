/** A committee decision on one DLT candidate, kept append-only beside the engine's verdict. */
import type { AeVerdict } from './rule-set';

/**
 * A committee decision on one DLT candidate. Append-only: a changed mind is a new record; the latest counts.
 * The engine's verdict at the time is kept beside it, with the rule set version it was made under.
 */
export interface Adjudication {
	id?: number;
	studyId: string;
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
}
