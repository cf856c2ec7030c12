/**
 * Whether to remind the user to back up: there is a change by a person (not the demo loader) and no backup, or
 * the last backup is more than a week older than the last change. Times are ISO strings; pure.
 */
const WEEK_MS = 7 * 86_400_000;

export function needsBackupReminder(lastChange: string | null, lastBackup: string | null): boolean {
	if (!lastChange) return false;
	if (!lastBackup) return true;
	return Date.parse(lastChange) - Date.parse(lastBackup) > WEEK_MS;
}
