/** The append-only audit trail: who changed what, when, from what to what, and why, as a hash chain per study. */

export type AuditEntity = 'study' | 'subject' | 'dose' | 'ae' | 'database' | 'adjudication' | 'rules' | 'meeting' | 'reviewer';
export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'restore' | 'clear' | 'adjudicate' | 'sign';

/** What a write says about itself; the repository seals it into the chain. */
export interface AuditEntryInput {
	at: string;
	who: string;
	studyId: string | null;
	entity: AuditEntity;
	/** Readable key of the record: "01-701-1015 AE 3". */
	key: string;
	action: AuditAction;
	before: unknown;
	after: unknown;
	reason: string;
}

/** A stored entry: a UUID, its chain (the study, or '*'), its place in it and the hashes linking it. */
export interface AuditEntry extends AuditEntryInput {
	id: string;
	chain: string;
	seq: number;
	/** Hash of the entry before it in the chain (64 zeros for the first). */
	prev: string;
	/** SHA-256 over every other field (canonical JSON). */
	hash: string;
}
