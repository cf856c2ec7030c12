/**
 * A backup written by every released schema version is kept under test/fixtures/backups; each must restore into
 * the current schema with all its data. Adding a schema version without adding its fixture fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src/lib/db/backup-repository';
import { DoseWatchDatabase, SCHEMA_VERSION } from '../../src/lib/db/database';
import { parseBackup } from '../../src/lib/io/backup';

const DIR = resolve(__dirname, '../fixtures/backups');
// Schema 4 only ever existed inside a database upgrade (version 5 followed it at once): no backup was written by it.
const versions = Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1).filter((v) => v !== 4);

describe('backups of every schema version', () => {
	it('has a kept backup for each version up to the current one', () => {
		expect(readdirSync(DIR).sort()).toEqual(versions.map((v) => `schema-${v}.json`));
	});

	it.each(versions)('a schema-%i backup restores with all its records', async (v) => {
		const text = readFileSync(resolve(DIR, `schema-${v}.json`), 'utf8');
		const raw = JSON.parse(text);
		const parsed = await parseBackup(`schema-${v}.json`, text, SCHEMA_VERSION);
		expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
		if (!parsed.ok) return;
		const db = new DoseWatchDatabase(`fixture-${v}-${Math.random()}`);
		await restoreBackup(db, parsed.backup, 'tester', '2026-11-22T00:00:00Z');
		expect(await db.studies.count()).toBe(raw.data.studies.length);
		expect(await db.subjects.count()).toBe(raw.data.subjects.length);
		expect(await db.doses.count()).toBe(raw.data.doses.length);
		expect(await db.aes.count()).toBe(raw.data.aes.length);
		expect(await db.auditTrail.count()).toBe(raw.data.audit.length + 1); // plus the restore itself
		expect(await db.adjudicationLog.count()).toBe(raw.data.adjudications?.length ?? 0);
		expect(await db.reviewMeetings.count()).toBe(raw.data.meetings?.length ?? 0);
		expect(await db.safety.count()).toBe(raw.data.safety?.length ?? 0);
		db.close();
	});
});
