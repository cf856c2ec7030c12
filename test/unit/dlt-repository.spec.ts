import { readAllAudit } from '../../src/lib/db/audit-repository';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DoseWatchDatabase, SCHEMA_VERSION } from '../../src/lib/db/database';
import { parseRuleSetText, recordAdjudication, resolveRuleSet, resolveRuleSetVersions, saveRuleSetVersion } from '../../src/lib/db/dlt-repository';
import { exportBackup } from '../../src/lib/db/backup-repository';
import { parseBackup } from '../../src/lib/io/backup';
import { findRuleSet } from '../../src/lib/presets/dlt-rule-sets';
import { seededDatabase, LEGACY_STORES } from './helpers';

const at = '2026-03-01T00:00:00Z';


describe('schema upgrade', () => {
	it('a database written by schema 1 opens in the current schema with all its data', async () => {
		const name = `v1-${Math.random()}`;
		const v1 = new Dexie(name);
		v1.version(1).stores(LEGACY_STORES[1]);
		await v1.table('studies').put({ id: 'old', title: 'Old study' });
		await v1.table('aes').put({ studyId: 'old', usubjid: 'S-1', aeseq: 1, term: 'Nausea' });
		v1.close();
		const db = new DoseWatchDatabase(name);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(await db.studies.get('old')).toMatchObject({ title: 'Old study' });
		expect(await db.aes.count()).toBe(1);
		expect(await db.adjudicationLog.count()).toBe(0);
	});

	it('a backup from schema 1 (without the later tables) restores', async () => {
		const db = await seededDatabase(`b1-${Math.random()}`);
		const file = JSON.parse(await exportBackup(db, 'x', at));
		// Schema 1's shape: no later tables, audit entries with numeric ids and no chain, AEs without identities.
		delete file.data.adjudications;
		delete file.data.ruleSets;
		delete file.data.meetings;
		delete file.data.reviewers;
		file.data.audit = file.data.audit.map(({ id: _i, chain: _c, seq: _s, prev: _p, hash: _h, ...e }: Record<string, unknown>, i: number) => ({ ...e, id: i + 1 }));
		file.data.aes = file.data.aes.map(({ id: _i, spid: _s, ...a }: Record<string, unknown>) => a);
		const { sha256 } = await import('../../src/lib/io/backup');
		file.schemaVersion = 1;
		file.checksum = await sha256(JSON.stringify(file.data));
		const parsed = await parseBackup('v1.json', JSON.stringify(file), SCHEMA_VERSION);
		expect(parsed.ok && parsed.backup.data.adjudications).toEqual([]);
		expect(parsed.ok && parsed.backup.data.aes.every((a) => typeof a.id === 'string')).toBe(true);
		expect(parsed.ok && parsed.backup.data.audit.map((e) => e.seq)).toEqual(file.data.audit.map((_: unknown, i: number) => i + 1));
	});
});

describe('adjudication', () => {
	it('is appended with its audit entry, keeping the engine verdict and rule set version', async () => {
		const db = await seededDatabase(`adj-${Math.random()}`);
		const base = { studyId: 'tst', usubjid: 'TST01-001', aeseq: 2, engineVerdict: 'dlt' as const, engineRule: '2', engineReason: 'x', ruleSet: { id: 'generic', version: 1 } };
		await recordAdjudication(db, { ...base, decision: 'not_dlt', reason: 'disease progression', by: 'Dr A', at: '2026-03-02T10:00:00Z' });
		await recordAdjudication(db, { ...base, decision: 'dlt', reason: 'new lab data', by: 'Dr B', at: '2026-03-03T10:00:00Z' });
		expect(await db.adjudicationLog.count()).toBe(2);
		const audit = (await readAllAudit(db)).filter((a) => a.entity === 'adjudication');
		expect(audit.map((a) => [a.who, a.reason])).toEqual([['Dr A', 'disease progression'], ['Dr B', 'new lab data']]);
		await expect(recordAdjudication(db, { ...base, decision: 'dlt', reason: ' ', by: 'Dr B', at })).rejects.toThrow(/reason/);
		await expect(recordAdjudication(db, { ...base, decision: 'dlt', reason: 'x', by: '', at })).rejects.toThrow(/reviewer name/);
	});
});

describe('editing a study’s DLT rules', () => {
	it('saves a new version, points the study at it, and keeps the old one', async () => {
		const db = await seededDatabase(`rules-${Math.random()}`);
		const study = (await db.studies.get('tst'))!;
		expect(study.dltRuleSet).toBe('generic');
		const edited = structuredClone(findRuleSet('generic')!);
		edited.rules[0]!.grade.min = 4;
		const key = await saveRuleSetVersion(db, study, edited, { who: 'Dr A', at, reason: 'Amendment 2: non-haematological DLTs from grade 4' });
		// The generic preset is version 2; the study's first own version follows it.
		expect(key).toBe('study-tst@3');
		expect((await db.studies.get('tst'))!.dltRuleSet).toBe('study-tst@3');
		expect((await resolveRuleSet(db, 'study-tst@3'))!.rules[0]!.grade.min).toBe(4);
		expect(await resolveRuleSet(db, 'study-tst@3')).toMatchObject({ id: 'study-tst', version: 3 });
		expect((await resolveRuleSet(db, 'generic'))!.rules[0]!.grade.min).toBe(3);
		const again = await saveRuleSetVersion(db, (await db.studies.get('tst'))!, edited, { who: 'Dr A', at, reason: 'again' });
		expect(again).toBe('study-tst@4');
	});

	it('an amendment keeps the rules before it for subjects dosed earlier; a correction without a date replaces them all', async () => {
		const db = await seededDatabase(`amend-${Math.random()}`);
		const edited = structuredClone(findRuleSet('generic')!);
		edited.rules[0]!.grade.min = 4;
		const key = await saveRuleSetVersion(db, (await db.studies.get('tst'))!, edited, {
			who: 'Dr A', at, reason: 'Amendment 2 approved', effectiveFrom: '2026-10-01', amendment: 'Amendment 2'
		});
		expect(await resolveRuleSet(db, key)).toMatchObject({ effectiveFrom: '2026-10-01', amendment: 'Amendment 2', supersedes: 'generic' });
		expect((await resolveRuleSetVersions(db, key)).map((r) => `${r.id} v${r.version}`)).toEqual(['study-tst v3', 'generic v2']);
		const trail = await readAllAudit(db);
		expect(trail.at(-1)).toMatchObject({ entity: 'rules', after: { dltRuleSet: key, appliesTo: 'subjects first dosed on or after 2026-10-01', amendment: 'Amendment 2' }, reason: 'Amendment 2 approved' });

		const fixed = await saveRuleSetVersion(db, (await db.studies.get('tst'))!, edited, { who: 'Dr A', at, reason: 'A misreading corrected for everyone' });
		expect((await resolveRuleSetVersions(db, fixed)).map((r) => r.version)).toEqual([4]);
		await expect(saveRuleSetVersion(db, (await db.studies.get('tst'))!, edited, { who: 'Dr A', at, reason: 'x', effectiveFrom: '1 Oct' })).rejects.toThrow(/not a YYYY-MM-DD date/);
	});

	it.each([
		['not JSON', '{', /Not valid JSON/],
		['a rule with grade 7', JSON.stringify({ ...findRuleSet('generic')!, rules: [{ ...findRuleSet('generic')!.rules[0]!, grade: { min: 7 } }] }), /rules\.0\.grade\.min/],
		['an undefined category', JSON.stringify({ ...findRuleSet('generic')!, categories: {} }), /category "hematological" is not defined/]
	])('refuses %s, naming the field', (_n, text, message) => {
		const r = parseRuleSetText(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(message);
	});
});
