/**
 * The DoseWatch database: one Dexie class with every schema version in its constructor.
 * A shipped version is never edited: add version(n + 1) with an upgrade() and a comment saying why.
 */
import Dexie, { type Table } from 'dexie';
import type { Adjudication, AdverseEvent, AuditEntry, DoseAdministration, Meeting, Study, Subject } from '../domain/types';

export interface Setting {
	key: string;
	value: unknown;
}

export const DB_NAME = 'dosewatch';

/** Current schema version; a backup records it. */
export const SCHEMA_VERSION = 3;

export type { StoredRuleSet } from '../domain/model/rule-set';
import type { StoredRuleSet } from '../domain/model/rule-set';

export class DoseWatchDatabase extends Dexie {
	studies!: Table<Study, string>;
	subjects!: Table<Subject, [string, string]>;
	doses!: Table<DoseAdministration, [string, string, number]>;
	aes!: Table<AdverseEvent, [string, string, number]>;
	audit!: Table<AuditEntry, number>;
	settings!: Table<Setting, string>;
	adjudications!: Table<Adjudication, number>;
	ruleSets!: Table<StoredRuleSet, string>;
	meetings!: Table<Meeting, number>;

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
		// Version 2: committee adjudication of DLT candidates (append-only) and study-specific DLT rule set
		// versions. New tables only: version 1 data needs no upgrade.
		this.version(2).stores({
			adjudications: '++id, studyId, [studyId+usubjid+aeseq]',
			ruleSets: 'key, studyId'
		});
		// Version 3: safety review meetings, each signed one with its frozen snapshot. A new table only.
		this.version(3).stores({
			meetings: '++id, studyId'
		});
	}
}

/** Every table that holds study data: what a backup carries and what clearing removes (settings stay). */
export function studyTables(db: DoseWatchDatabase) {
	return [db.studies, db.subjects, db.doses, db.aes, db.audit, db.adjudications, db.ruleSets, db.meetings];
}
