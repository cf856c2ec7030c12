/** Reading the database into a backup and replacing it from one, each in a single transaction. */
import { SCHEMA_VERSION, studyTables, type DoseWatchDatabase } from './database';
import type { BackupData, BackupFile } from '../io/backup';
import { serializeBackup } from '../io/backup';
import { withStorageErrors } from './storage-errors';
import { writeSetting } from './settings';

export async function exportBackup(db: DoseWatchDatabase, who: string, at: string): Promise<string> {
	const data: BackupData = await db.transaction('r', studyTables(db), async () => ({
		studies: await db.studies.toArray(),
		subjects: await db.subjects.toArray(),
		doses: await db.doses.toArray(),
		aes: await db.aes.toArray(),
		audit: await db.audit.toArray(),
		adjudications: await db.adjudications.toArray(),
		ruleSets: await db.ruleSets.toArray(),
		meetings: await db.meetings.toArray()
	}));
	const text = await serializeBackup(data, { schemaVersion: SCHEMA_VERSION, exportedAt: at, exportedBy: who });
	await writeSetting(db, 'lastBackupAt', at);
	return text;
}

/** Replaces every study record with the backup's. All or nothing. */
export async function restoreBackup(db: DoseWatchDatabase, backup: BackupFile, who: string, at: string): Promise<void> {
	const d = backup.data;
	await withStorageErrors(() =>
		db.transaction('rw', studyTables(db), async () => {
			await Promise.all(studyTables(db).map((t) => t.clear()));
			await db.studies.bulkAdd(d.studies);
			await db.subjects.bulkAdd(d.subjects);
			await db.doses.bulkAdd(d.doses);
			await db.aes.bulkAdd(d.aes);
			await db.audit.bulkAdd(d.audit);
			await db.adjudications.bulkAdd(d.adjudications);
			await db.ruleSets.bulkAdd(d.ruleSets);
			await db.meetings.bulkAdd(d.meetings);
			await db.audit.add({
				at,
				who,
				studyId: null,
				entity: 'database',
				key: 'all studies',
				action: 'restore',
				before: null,
				after: { exportedAt: backup.exportedAt, exportedBy: backup.exportedBy, counts: { studies: d.studies.length, aes: d.aes.length } },
				reason: `Restored the backup made ${backup.exportedAt}`
			});
		})
	);
}
