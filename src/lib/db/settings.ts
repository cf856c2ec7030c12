/** Device settings: who is reviewing on this machine, and bookkeeping the app needs across visits. */
import type { DoseWatchDatabase } from './database';

export interface Settings {
	reviewer: string;
	/** Set once the demo has been offered, so clearing data does not bring it back. */
	demoLoaded: boolean;
	lastBackupAt: string | null;
}

const DEFAULTS: Settings = { reviewer: '', demoLoaded: false, lastBackupAt: null };

export async function readSettings(db: DoseWatchDatabase): Promise<Settings> {
	const rows = await db.settings.toArray();
	const out: Settings = { ...DEFAULTS };
	for (const r of rows) {
		if (r.key in out) (out as unknown as Record<string, unknown>)[r.key] = r.value;
	}
	return out;
}

export async function writeSetting<K extends keyof Settings>(db: DoseWatchDatabase, key: K, value: Settings[K]) {
	await db.settings.put({ key, value });
}
