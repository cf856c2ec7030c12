/**
 * Backups: download one, and whether a backup is due. Restoring runs in a Web Worker (import-job.ts, with the
 * checks of io/backup.ts): one transaction, all or nothing.
 */
import { exportBackup } from '$lib/db/backup-repository';
import { readBackupStatus } from '$lib/db/backup-status';
import { db } from '$lib/state/db';
import { nowIso, reviewer } from '$lib/state/app';

const who = () => reviewer.name || 'unnamed reviewer';

/** The backup's text and the time it was taken. */
export async function takeBackup(): Promise<{ text: string; at: string }> {
	const at = nowIso();
	return { text: await exportBackup(db, who(), at), at };
}
export const backupStatus = () => readBackupStatus(db);
