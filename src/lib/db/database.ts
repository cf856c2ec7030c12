/**
 * The DoseWatch database: one Dexie class with every schema version in its constructor.
 * A shipped version is never edited: add version(n + 1) with an upgrade() and a comment saying why.
 */
import Dexie, { type Table } from 'dexie';
import type { AdverseEvent, AuditEntry, DoseAdministration, Study, Subject } from '../domain/types';

export interface Setting {
	key: string;
	value: unknown;
}

export const DB_NAME = 'dosewatch';

/** Current schema version; a backup records it. */
export const SCHEMA_VERSION = 1;

export class DoseWatchDatabase extends Dexie {
	studies!: Table<Study, string>;
	subjects!: Table<Subject, [string, string]>;
	doses!: Table<DoseAdministration, [string, string, number]>;
	aes!: Table<AdverseEvent, [string, string, number]>;
	audit!: Table<AuditEntry, number>;
	settings!: Table<Setting, string>;

	constructor(name = DB_NAME) {
		super(name);
		// Version 1: the first released schema.
		this.version(1).stores({
			studies: 'id',
			subjects: '[studyId+usubjid], studyId',
			doses: '[studyId+usubjid+seq], studyId, [studyId+usubjid]',
			aes: '[studyId+usubjid+aeseq], studyId, [studyId+usubjid]',
			audit: '++id, studyId, at',
			settings: 'key'
		});
	}

	/** The tables that hold study data (everything a backup carries). */
	get dataTables() {
		return [this.studies, this.subjects, this.doses, this.aes, this.audit] as const;
	}
}
