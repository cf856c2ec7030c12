import { readAllAudit } from '../../src/lib/db/audit-repository';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../src/lib/db/backup-repository';
import { DoseWatchDatabase, SCHEMA_VERSION } from '../../src/lib/db/database';
import { saveAe } from '../../src/lib/db/record-repository';
import { parseBackup } from '../../src/lib/io/backup';
import { seededDatabase } from './helpers';

const at = '2025-03-01T00:00:00Z';


async function snapshot(db: DoseWatchDatabase) {
	return { studies: await db.studies.toArray(), aes: await db.aes.toArray(), audit: await readAllAudit(db) };
}

describe('backup and restore', () => {
	let db: DoseWatchDatabase;
	let text: string;
	beforeEach(async () => {
		db = await seededDatabase(`backup-${Math.random()}`);
		text = await exportBackup(db, 'Dr Lee', at);
	});

	it('round-trips the whole database', async () => {
		const before = await snapshot(db);
		const other = new DoseWatchDatabase(`restore-${Math.random()}`);
		const parsed = await parseBackup('b.json', text, SCHEMA_VERSION);
		expect(parsed.ok).toBe(true);
		if (parsed.ok) await restoreBackup(other, parsed.backup, 'Dr Kim', at);
		const after = await snapshot(other);
		expect(after.studies).toEqual(before.studies);
		expect(after.aes).toEqual(before.aes);
		expect(after.audit.filter((e) => e.action === 'restore')).toMatchObject([{ action: 'restore', who: 'Dr Kim' }]);
	});

	it('records the schema version and a checksum', () => {
		const file = JSON.parse(text);
		expect(file.schemaVersion).toBe(SCHEMA_VERSION);
		expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
	});

	const damaged: [string, (t: string) => string, RegExp][] = [
		['truncated', (t) => t.slice(0, Math.floor(t.length / 2)), /not valid JSON/],
		['altered (a grade changed by hand)', (t) => t.replace('"grade":4', '"grade":2'), /checksum does not match/],
		['foreign JSON', () => JSON.stringify({ hello: 'world' }), /not a DoseWatch backup/],
		['from a newer DoseWatch', (t) => t.replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":99'), /newer DoseWatch/],
		['not JSON at all', () => 'STUDYID,USUBJID\nX,1\n', /not valid JSON/]
	];

	it.each(damaged)('refuses a %s file and changes nothing', async (_name, damage, message) => {
		const before = await snapshot(db);
		const parsed = await parseBackup('damaged.json', damage(text), SCHEMA_VERSION);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.error).toMatch(message);
			expect(parsed.error).toMatch(/^damaged\.json cannot be restored: .*Nothing was changed\.$/);
		}
		expect(await snapshot(db)).toEqual(before);
	});

	it('names the table, row and field of a record that breaks the schema', async () => {
		const { sha256 } = await import('../../src/lib/io/backup');
		const f = JSON.parse(text);
		f.data.aes[1].grade = 9;
		f.checksum = await sha256(JSON.stringify(f.data));
		const parsed = await parseBackup('edited.json', JSON.stringify(f), SCHEMA_VERSION);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.error).toContain('aes[1].grade');
	});

	it('a restore that fails part-way leaves the database as it was', async () => {
		const before = await snapshot(db);
		const parsed = await parseBackup('b.json', text, SCHEMA_VERSION);
		if (!parsed.ok) throw new Error(parsed.error);
		// Two AEs with one key make bulkAdd fail after the tables were cleared inside the transaction.
		parsed.backup.data.aes.push(parsed.backup.data.aes[0]!);
		await expect(restoreBackup(db, parsed.backup, 'x', at)).rejects.toThrow();
		expect(await snapshot(db)).toEqual(before);
	});
});

describe('editing an AE', () => {
	it('refuses a save based on an old revision and keeps both versions visible', async () => {
		const db = await seededDatabase(`conflict-${Math.random()}`);
		const original = (await db.aes.get(['tst', 'TST01-001', 2]))!;
		const ctx = { who: 'Dr A', at, reason: 'correction' };
		await saveAe(db, { ...original, grade: 3 }, ctx);
		const err = await saveAe(db, { ...original, notes: 'second tab' }, { ...ctx, who: 'Dr B' }).catch((e) => e);
		expect(err.name).toBe('EditConflictError');
		expect(err.theirs.grade).toBe(3);
		expect(err.mine.notes).toBe('second tab');
		expect((await db.aes.get(['tst', 'TST01-001', 2]))!.grade).toBe(3);
	});

	it('appends attribution revisions with who, when and why', async () => {
		const db = await seededDatabase(`attr-${Math.random()}`);
		const ae = (await db.aes.get(['tst', 'TST01-002', 1]))!;
		const saved = await saveAe(db, { ...ae, attribution: { DRUGA: 'probable' } }, { who: 'Dr A', at: '2025-04-01T10:00:00Z', reason: 'rechallenge' });
		expect(saved.attributionHistory.at(-1)).toEqual({
			drug: 'DRUGA',
			at: '2025-04-01T10:00:00Z',
			by: 'Dr A',
			from: 'not_related',
			to: 'probable',
			reason: 'rechallenge'
		});
		const audit = await readAllAudit(db);
		expect(audit.at(-1)).toMatchObject({ action: 'update', entity: 'ae', key: 'TST01-002 AE 1', who: 'Dr A' });
	});

	it('refuses any change without a reviewer name', async () => {
		const db = await seededDatabase(`noname-${Math.random()}`);
		const ae = (await db.aes.get(['tst', 'TST01-002', 1]))!;
		await expect(saveAe(db, ae, { who: ' ', at, reason: '' })).rejects.toThrow(/reviewer name/);
	});
});
