/** The append-only audit trail: who changed what, when, from what to what, and why. */

export type AuditEntity = 'study' | 'subject' | 'dose' | 'ae' | 'database' | 'adjudication' | 'rules' | 'meeting';
export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'restore' | 'clear' | 'adjudicate' | 'sign';

export interface AuditEntry {
	id?: number;
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
