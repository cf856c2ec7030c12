/**
 * The DoseWatch database: one Dexie class with every schema version in its constructor.
 * A shipped version is never edited: add version(n + 1) with an upgrade() and a comment saying why.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Adjudication, AdverseEvent, AuditEntry, DoseAdministration, Meeting, ReviewerProfile, SafetyResult, Study, Subject } from '../domain/types';
import { upgradeRecordsToV4 } from '../io/upgrade-v4';
import { newId } from './ids';

export interface Setting {
	key: string;
	value: unknown;
}

export const DB_NAME = 'dosewatch';

/** Current schema version; a backup records it. */
export const SCHEMA_VERSION = 6;

export type { StoredRuleSet } from '../domain/model/rule-set';
import type { StoredRuleSet } from '../domain/model/rule-set';

export class DoseWatchDatabase extends Dexie {
	studies!: Table<Study, string>;
	subjects!: Table<Subject, [string, string]>;
	doses!: Table<DoseAdministration, [string, string, number]>;
	aes!: Table<AdverseEvent, [string, string, number]>;
	auditTrail!: Table<AuditEntry, string>;
	settings!: Table<Setting, string>;
	adjudicationLog!: Table<Adjudication, string>;
	ruleSets!: Table<StoredRuleSet, string>;
	reviewMeetings!: Table<Meeting, string>;
	reviewers!: Table<ReviewerProfile, string>;
	safety!: Table<SafetyResult, [string, string, string, number]>;

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
		// Version 4: records a committee can trust (issue 13).
		// - Each AE gets its own identity (`id`), so decisions and attribution history follow the event when a
		//   re-export renumbers AESEQ; adjudications point at it (`aeId`) and keep what was decided on (`basis`).
		// - The audit trail becomes a hash chain per study, and review records get UUID keys so two devices' records
		//   can be merged. IndexedDB cannot change a primary key, so they move to new tables; version 5 drops the old.
		// - Reviewer profiles with signing keys.
		this.version(4)
			.stores({
				aes: '[studyId+usubjid+aeseq], studyId, [studyId+usubjid], id',
				auditTrail: 'id, studyId, [chain+seq], at',
				adjudicationLog: 'id, studyId, aeId',
				reviewMeetings: 'id, studyId',
				reviewers: 'id'
			})
			.upgrade((tx) => upgradeToV4(tx));
		// Version 5: the tables version 4 copied from are no longer read.
		this.version(5).stores({ audit: null, adjudications: null, meetings: null });
		// Version 6: lab, vital-sign and ECG results (issue 15). A new table only.
		this.version(6).stores({ safety: '[studyId+usubjid+domain+seq], studyId, [studyId+usubjid]' });
	}
}

/** Version 3 → 4: see the comment on version(4) and io/upgrade-v4.ts. */
async function upgradeToV4(tx: Transaction): Promise<void> {
	const up = upgradeRecordsToV4(
		{
			aes: await tx.table('aes').toArray(),
			audit: await tx.table('audit').toArray(),
			adjudications: await tx.table('adjudications').toArray(),
			meetings: await tx.table('meetings').toArray()
		},
		newId
	);
	await tx.table('aes').bulkPut(up.aes);
	await tx.table('auditTrail').bulkAdd(up.audit);
	await tx.table('adjudicationLog').bulkAdd(up.adjudications);
	await tx.table('reviewMeetings').bulkAdd(up.meetings);
}

/** Every table that holds study data: what a backup carries and what clearing removes (settings and reviewer profiles stay). */
export function studyTables(db: DoseWatchDatabase) {
	return [db.studies, db.subjects, db.doses, db.aes, db.auditTrail, db.adjudicationLog, db.ruleSets, db.reviewMeetings, db.safety];
}
