import { describe, expect, it } from 'vitest';
import { needsBackupReminder } from './backup-reminder';

describe('needsBackupReminder', () => {
	it.each([
		['nothing changed yet', null, null, false],
		['changes and never a backup', '2026-03-01T10:00:00Z', null, true],
		['backup after the last change', '2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z', false],
		['backup exactly a week older than the last change', '2026-03-08T10:00:00Z', '2026-03-01T10:00:00Z', false],
		['backup a week and a minute older', '2026-03-08T10:01:00Z', '2026-03-01T10:00:00Z', true]
	])('%s → %s', (_n, change, backup, expected) => {
		expect(needsBackupReminder(change, backup)).toBe(expected);
	});
});
