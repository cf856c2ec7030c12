/** Backups: download one, restore one (one transaction: all or nothing), and whether a backup is due. */
import { exportBackup, restoreBackup, restoreImpact } from '$lib/db/backup-repository';
import { readBackupStatus } from '$lib/db/backup-status';
import { db } from '$lib/state/db';
import { nowIso, reviewer } from '$lib/state/app';
import { SCHEMA_VERSION } from '$lib/db/database';
import { newId } from '$lib/db/ids';
import { parseBackup, type BackupFile } from '$lib/io/backup';

const who = () => reviewer.name || 'unnamed reviewer';

/** The backup's text and the time it was taken. */
export async function takeBackup(): Promise<{ text: string; at: string }> {
	const at = nowIso();
	return { text: await exportBackup(db, who(), at), at };
}
export const restoreFromBackup = (backup: BackupFile, confirmed = false) => restoreBackup(db, backup, who(), nowIso(), { confirmed });
export const restoreWouldDrop = (backup: BackupFile) => restoreImpact(db, backup);
export const backupStatus = () => readBackupStatus(db);
/** Reads and checks a chosen backup file (format, checksum, schema version) before anything is restored. */
export const readBackupFile = async (file: File) => parseBackup(file.name, await file.text(), SCHEMA_VERSION, newId);
