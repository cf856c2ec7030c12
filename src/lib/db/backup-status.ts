/** When data was last changed by a person, and when it was last backed up. */
import type { DoseWatchDatabase } from './database';
import { readSettings } from './settings';

export const DEMO_LOADER = 'DoseWatch demo';

export async function readBackupStatus(db: DoseWatchDatabase): Promise<{ lastChange: string | null; lastBackup: string | null }> {
	const settings = await readSettings(db);
	let lastChange: string | null = null;
	await db.auditTrail.each((e) => {
		if (e.who !== DEMO_LOADER && (lastChange === null || e.at > lastChange)) lastChange = e.at;
	});
	return { lastChange, lastBackup: settings.lastBackupAt };
}
