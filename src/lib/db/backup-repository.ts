/** Reading the database into a backup and replacing it from one, each in a single transaction. */
import { SCHEMA_VERSION, studyTables, type DoseWatchDatabase } from './database';
import { appendAudit } from './audit-repository';
import type { BackupData, BackupFile } from '../io/backup';
import { serializeBackup } from '../io/backup';
import type { AuditEntry } from '../domain/types';
import { canonicalJson } from '../domain/audit/audit-chain';
import { addInChunks, withStorageErrors } from './storage-errors';
import { writeSetting } from './settings';

export async function exportBackup(db: DoseWatchDatabase, who: string, at: string): Promise<string> {
	const data: BackupData = await db.transaction('r', [...studyTables(db), db.reviewers], async () => ({
		studies: await db.studies.toArray(),
		subjects: await db.subjects.toArray(),
		doses: await db.doses.toArray(),
		aes: await db.aes.toArray(),
		audit: await db.auditTrail.toArray(),
		adjudications: await db.adjudicationLog.toArray(),
		ruleSets: await db.ruleSets.toArray(),
		meetings: await db.reviewMeetings.toArray(),
		reviewers: await db.reviewers.toArray(),
		safety: await db.safety.toArray()
	}));
	const text = await serializeBackup(data, { schemaVersion: SCHEMA_VERSION, exportedAt: at, exportedBy: who });
	await writeSetting(db, 'lastBackupAt', at);
	return text;
}

/** What a restore would drop: audit entries recorded here that the backup does not hold. */
export interface RestoreImpact {
	dropped: AuditEntry[];
	/** The newest of them, for the confirmation message. */
	latest: AuditEntry | null;
}

export async function restoreImpact(db: DoseWatchDatabase, backup: BackupFile): Promise<RestoreImpact> {
	const kept = new Set(backup.data.audit.map((e) => e.id));
	const dropped = (await db.auditTrail.toArray()).filter((e) => !kept.has(e.id)).sort((a, b) => a.at.localeCompare(b.at));
	return { dropped, latest: dropped.at(-1) ?? null };
}

export class RestoreNeedsConfirmationError extends Error {
	constructor(readonly impact: RestoreImpact) {
		super(
			`This backup does not hold ${impact.dropped.length} audit entr${impact.dropped.length === 1 ? 'y' : 'ies'} recorded here` +
				(impact.latest ? ` (the latest ${impact.latest.at.slice(0, 16).replace('T', ' ')} by ${impact.latest.who}: ${impact.latest.action} ${impact.latest.key})` : '') +
				'. Confirm to restore anyway: they are kept inside the restore’s own audit entry.'
		);
		this.name = 'RestoreNeedsConfirmationError';
	}
}

/**
 * Replaces every study record with the backup's. All or nothing. Audit entries recorded here that the backup does
 * not hold are never dropped silently: without `confirmed` the restore is refused, and with it they are kept whole
 * inside the restore's own audit entry. Reviewer profiles in the backup are added to this device's.
 */
export async function restoreBackup(
	db: DoseWatchDatabase,
	backup: BackupFile,
	who: string,
	at: string,
	options: { confirmed?: boolean; onProgress?: ((stage: string, done: number, total: number) => void) | undefined } = {}
): Promise<void> {
	const d = backup.data;
	await withStorageErrors(() =>
		db.transaction('rw', [...studyTables(db), db.reviewers], async () => {
			const impact = await restoreImpact(db, backup);
			// A profile on this device whose signing key the backup replaces: someone may have re-signed records
			// under this person's name with another key.
			for (const r of d.reviewers) {
				const local = await db.reviewers.get(r.id);
				if (local && canonicalJson(local.publicKey) !== canonicalJson(r.publicKey))
					throw new Error(`The backup gives ${r.name}'s reviewer profile a different signing key from the one on this device. Nothing was changed: records signed under this name may have been re-signed with another key.`);
			}
			if (impact.dropped.length && !options.confirmed) throw new RestoreNeedsConfirmationError(impact);
			await Promise.all(studyTables(db).map((t) => t.clear()));
			await db.studies.bulkAdd(d.studies);
			const total = d.subjects.length + d.doses.length + d.aes.length + d.audit.length + d.safety.length;
			const p = (offset: number) => (done: number) => options.onProgress?.('writing', offset + done, total);
			await addInChunks(db.subjects, d.subjects, p(0));
			await addInChunks(db.doses, d.doses, p(d.subjects.length));
			await addInChunks(db.aes, d.aes, p(d.subjects.length + d.doses.length));
			await addInChunks(db.auditTrail, d.audit, p(d.subjects.length + d.doses.length + d.aes.length));
			await addInChunks(db.safety, d.safety, p(d.subjects.length + d.doses.length + d.aes.length + d.audit.length));
			await db.adjudicationLog.bulkAdd(d.adjudications);
			await db.ruleSets.bulkAdd(d.ruleSets);
			await db.reviewMeetings.bulkAdd(d.meetings);
			await db.reviewers.bulkPut(d.reviewers);
			await appendAudit(db, {
				at,
				who,
				studyId: null,
				entity: 'database',
				key: 'all studies',
				action: 'restore',
				before: impact.dropped.length ? { droppedEntries: impact.dropped } : null,
				after: {
					exportedAt: backup.exportedAt,
					exportedBy: backup.exportedBy,
					schemaVersion: backup.schemaVersion,
					counts: { studies: d.studies.length, subjects: d.subjects.length, aes: d.aes.length, auditEntries: d.audit.length }
				},
				reason: `Restored the backup made ${backup.exportedAt} by ${backup.exportedBy}${impact.dropped.length ? `; ${impact.dropped.length} later audit ${impact.dropped.length === 1 ? 'entry' : 'entries'} kept in this entry` : ''}`
			});
		})
	);
}
