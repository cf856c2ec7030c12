/**
 * Issue 13, at the database: events keep their identity across re-exports, re-imports say what they remove and
 * are refused when stale or from another study, and backups that were tampered with or would drop history are
 * refused. Each test names the protection it checks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAllAudit } from '../../src/lib/db/audit-repository';
import { exportBackup, restoreBackup, RestoreNeedsConfirmationError } from '../../src/lib/db/backup-repository';
import { DoseWatchDatabase, SCHEMA_VERSION } from '../../src/lib/db/database';
import { recordAdjudication } from '../../src/lib/db/dlt-repository';
import { commitImport, previewReimport, RemovalNotConfirmedError, StalePreviewError } from '../../src/lib/db/study-repository';
import { saveAe } from '../../src/lib/db/record-repository';
import { adjudicationBasis, computeCommitteeDecisions } from '../../src/lib/domain/dlt/compute-committee-decisions';
import { parseBackup, sha256 } from '../../src/lib/io/backup';
import { planImport } from '../../src/lib/io/import/plan-import';
import { seededDatabase, SMALL, testSigner, LEGACY_STORES } from './helpers';

const read = (f: string) => readFileSync(`${SMALL}/${f}`, 'utf8');
const AT = '2025-03-05T00:00:00Z';

async function replan(db: DoseWatchDatabase, files: { dm?: string; ex?: string | null; ae?: string | null }) {
	const target = (await db.studies.get('tst'))!;
	return planImport(
		{
			dm: { name: 'dm.csv', text: files.dm ?? read('dm.csv') },
			ex: files.ex === null ? undefined : { name: 'ex.csv', text: files.ex ?? read('ex.csv') },
			ae: files.ae === null ? undefined : { name: 'ae.csv', text: files.ae ?? read('ae.csv') }
		},
		{ target, newStudyId: 'x', now: AT, who: 'Dr Data' }
	);
}

/** The EDC re-export of the issue: a headache recorded late for TST01-001 takes AESEQ 2; the neutropenia becomes 3. */
function renumberedAe(): string {
	const lines = read('ae.csv').trim().split('\n');
	const out = [lines[0]!];
	for (const l of lines.slice(1)) {
		if (l.startsWith('TST01,AE,TST01-001,2,')) {
			out.push('TST01,AE,TST01-001,2,HEADACHE,Headache,Nervous system disorders,1,,N,NOT RELATED,N,RECOVERED/RESOLVED,2025-01-10,2025-01-11');
			out.push(l.replace('TST01,AE,TST01-001,2,', 'TST01,AE,TST01-001,3,'));
		} else out.push(l);
	}
	return out.join('\n') + '\n';
}

async function confirmNeutropenia(db: DoseWatchDatabase) {
	const ae = (await db.aes.get(['tst', 'TST01-001', 2]))!;
	await recordAdjudication(
		db,
		{ studyId: 'tst', usubjid: ae.usubjid, aeseq: ae.aeseq, aeId: ae.id, basis: adjudicationBasis(ae), decision: 'dlt', reason: 'Grade 4 neutropenia', by: 'x', at: '2025-03-02T10:00:00Z', engineVerdict: 'dlt', engineRule: '2', engineReason: '', ruleSet: { id: 'generic', version: 1 } },
		await testSigner('Dr Chair', 'decided as committee')
	);
	return ae;
}

describe('AE identity across a renumbered re-export', () => {
	it('keeps the committee decision and attribution history with the event, not with AESEQ 2', async () => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		const neutropenia = await confirmNeutropenia(db);
		const plan = await replan(db, { ae: renumberedAe() });
		const preview = (await previewReimport(db, plan))!;
		expect(preview.diff.aes.renumbered.map((r) => `${r.usubjid} ${r.aeseq}`)).toEqual(['TST01-001 2']);
		await commitImport(db, plan, { who: 'Dr Data', at: AT, files: ['ae.csv'], expectedHead: preview.head });

		const aes = await db.aes.where('studyId').equals('tst').toArray();
		const moved = aes.find((a) => a.usubjid === 'TST01-001' && a.aeseq === 3)!;
		expect(moved.id).toBe(neutropenia.id);
		expect(moved.attributionHistory).toEqual(neutropenia.attributionHistory);
		const decisions = computeCommitteeDecisions(await db.adjudicationLog.toArray(), aes);
		expect(decisions.get('TST01-001|3')).toMatchObject({ decision: 'dlt', changedSince: [] });
		expect(decisions.has('TST01-001|2')).toBe(false); // the grade 1 headache is not a confirmed DLT
	});

	it('marks the decision "changed since decided" when the event itself changed, and the audit entry lists the change', async () => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		await confirmNeutropenia(db);
		const ae = read('ae.csv').replace('LOW NEUTROPHILS,Neutrophil count decreased,Investigations,4,', 'LOW NEUTROPHILS,Neutrophil count decreased,Investigations,3,');
		const plan = await replan(db, { ae });
		await commitImport(db, plan, { who: 'Dr Data', at: AT, files: ['ae.csv'] });
		const aes = await db.aes.where('studyId').equals('tst').toArray();
		expect(computeCommitteeDecisions(await db.adjudicationLog.toArray(), aes).get('TST01-001|2')?.changedSince).toEqual(['Grade 4 → 3']);
		const entry = (await readAllAudit(db)).find((e) => e.action === 'import' && e.at === AT)!;
		expect((entry.after as { changes: { aes: { changed: string[] } } }).changes.aes.changed).toEqual(['TST01-001 AE 2: Grade: 4 → 3']);
	});
});

describe('a re-import shows and guards what it changes', () => {
	it('refuses files of another study (STUDYID compared), naming the file, row and column', async () => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		const plan = await replan(db, { dm: read('dm.csv').replaceAll('TST01,DM,', 'OTHER99,DM,'), ex: null, ae: null });
		expect(plan.problems).toContainEqual(expect.objectContaining({ file: 'dm.csv', row: 2, column: 'STUDYID', severity: 'error', message: expect.stringMatching(/^STUDYID "OTHER99" is not this study's \("TST01"\)/) }));
	});

	it('a header-only AE file removes nothing until the removal is confirmed', async () => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		const stored = await db.aes.count();
		const plan = await replan(db, { ae: read('ae.csv').split('\n')[0] + '\n' });
		const preview = (await previewReimport(db, plan))!;
		const { removalWarnings } = await import('../../src/lib/io/import-diff');
		expect(removalWarnings(preview.diff, plan)).toEqual([`The AE file (ae.csv) has no rows: ${stored} stored AEs would be removed.`]);
		await expect(commitImport(db, plan, { who: 'Dr Data', at: AT, files: ['ae.csv'], expectedHead: preview.head })).rejects.toBeInstanceOf(RemovalNotConfirmedError);
		expect(await db.aes.count()).toBe(stored);
		await commitImport(db, plan, { who: 'Dr Data', at: AT, files: ['ae.csv'], expectedHead: preview.head, confirmRemovals: true });
		expect(await db.aes.count()).toBe(0);
	});

	it('a DM-only re-import says the stored doses and AEs would go, and needs confirmation', async () => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		const plan = await replan(db, { ex: null, ae: null });
		const preview = (await previewReimport(db, plan))!;
		expect(preview.diff.missingFiles.map((m) => m.domain)).toEqual(['EX', 'AE']);
		await expect(commitImport(db, plan, { who: 'Dr Data', at: AT, files: ['dm.csv'] })).rejects.toThrow(/This import would remove \d+ doses and \d+ AEs/);
	});

	it('a preview made before the study changed (another tab) is refused, not applied over the change', async () => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		const plan = await replan(db, {});
		const preview = (await previewReimport(db, plan))!;
		const ae = (await db.aes.get(['tst', 'TST01-001', 1]))!;
		await saveAe(db, { ...ae, notes: 'edited in another tab' }, { who: 'Dr Other', at: AT, reason: 'note' });
		await expect(commitImport(db, plan, { who: 'Dr Data', at: AT, files: [], expectedHead: preview.head })).rejects.toBeInstanceOf(StalePreviewError);
		expect((await db.aes.get(['tst', 'TST01-001', 1]))!.notes).toBe('edited in another tab');
	});
});

async function backupOf(db: DoseWatchDatabase) {
	return JSON.parse(await exportBackup(db, 'Dr Backup', '2025-03-06T00:00:00Z'));
}
async function reseal(file: { data: unknown; checksum: string }) {
	file.checksum = await sha256(JSON.stringify(file.data));
	return JSON.stringify(file);
}

describe('backups a committee can trust', () => {
	it('refuses a backup whose adjudication and its audit entry were removed, checksum recomputed', async () => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		await confirmNeutropenia(db);
		const ae = (await db.aes.get(['tst', 'TST01-001', 1]))!;
		await saveAe(db, { ...ae, notes: 'later edit' }, { who: 'Dr Site', at: AT, reason: 'note' });
		const file = await backupOf(db);
		file.data.adjudications = [];
		file.data.audit = file.data.audit.filter((e: { action: string }) => e.action !== 'adjudicate');
		const parsed = await parseBackup('edited.json', await reseal(file), SCHEMA_VERSION);
		expect(parsed.ok ? '' : parsed.error).toMatch(/its audit trail does not hold: study tst, entry 2 is missing before entry 3/);
	});

	it('refuses a backup whose signed adjudication decision was changed', async () => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		await confirmNeutropenia(db);
		const file = await backupOf(db);
		file.data.adjudications[0].decision = 'not_dlt';
		const parsed = await parseBackup('edited.json', await reseal(file), SCHEMA_VERSION);
		expect(parsed.ok ? '' : parsed.error).toMatch(/a signature does not hold: adjudication of TST01-001 AE 2 .*signed content was changed after Dr Chair signed it/);
	});

	it.each([
		['an unknown field', (f: any) => (f.data.aes[0].comment = 'x'), /aes\[0\]\.comment: Invalid key: Expected never but received "comment"/],
		['an orphan record', (f: any) => (f.data.aes[0].usubjid = 'NOBODY'), /aes\[0\] \(NOBODY\) belongs to subject "NOBODY" of study "tst", which is not in the file/],
		['a malformed exportedAt', (f: any) => (f.exportedAt = 'yesterday'), /its "exportedAt" \("yesterday"\) is not a date and time/],
		['a table it does not know', (f: any) => (f.data.secrets = []), /it has tables DoseWatch does not know: secrets/]
	])('refuses %s, naming the record', async (_name, edit, message) => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		const file = await backupOf(db);
		edit(file);
		const parsed = await parseBackup('edited.json', await reseal(file), SCHEMA_VERSION);
		expect(parsed.ok ? '' : parsed.error).toMatch(message);
	});

	it('restoring an older backup over newer history needs confirmation, and keeps the dropped entries in the restore entry', async () => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		const older = await parseBackup('older.json', JSON.stringify(await backupOf(db)), SCHEMA_VERSION);
		if (!older.ok) throw new Error(older.error);
		await confirmNeutropenia(db);
		await expect(restoreBackup(db, older.backup, 'Dr Restore', AT)).rejects.toBeInstanceOf(RestoreNeedsConfirmationError);
		expect(await db.adjudicationLog.count()).toBe(1);
		await restoreBackup(db, older.backup, 'Dr Restore', AT, { confirmed: true });
		const restore = (await readAllAudit(db)).find((e) => e.action === 'restore')!;
		expect((restore.before as { droppedEntries: { action: string }[] }).droppedEntries.map((e) => e.action)).toEqual(['adjudicate']);
		expect(restore.reason).toMatch(/1 later audit entry kept in this entry/);
	});
});

describe('a signed meeting anchors the trail', () => {
	async function signedMeetingDb() {
		const { loadReviewData } = await import('../../src/lib/db/meeting-queries');
		const { createMeeting, deferCandidate, signMeeting } = await import('../../src/lib/db/meeting-repository');
		const { computeMeetingView, undecidedCandidates } = await import('../../src/lib/domain/meeting');
		const db = await seededDatabase(`trust-${Math.random()}`);
		const data = (await loadReviewData(db, 'tst'))!;
		const view = computeMeetingView(data.live!, '2025-02-28', null, null);
		const { reason: _r, ...decision } = view.recommended;
		const id = await createMeeting(db, { studyId: 'tst', date: '2025-03-02', cutoff: '2025-02-28', attendees: ['Dr Chair'], doseLevels: ['DL1'], decision, decisionReason: '', minutes: 'Escalate.' }, 'Dr Chair', '2025-03-02T09:00:00Z');
		for (const c of undecidedCandidates(view.evaluation)) await deferCandidate(db, id, c.key, 'later', 'Dr Chair', '2025-03-02T09:01:00Z');
		await signMeeting(db, id, 1, await testSigner(), '2025-03-02T10:00:00Z');
		return db;
	}

	it.each([
		['its minutes changed', (f: any) => (f.data.meetings[0].minutes = 'De-escalate.'), /a signature does not hold: meeting of 2025-03-02: the signed content was changed after Dr Chair signed it/],
		['its signer changed', (f: any) => (f.data.meetings[0].signedBy = 'Dr Mallory'), /meeting of 2025-03-02: the signed content was changed/],
		['the audit entry of its signing removed', (f: any) => (f.data.audit = f.data.audit.filter((e: { action: string }) => e.action !== 'sign')), /has no audit entry of its signing after entry \d+ \(it was removed\)/],
		['the trail before it cut short', (f: any) => (f.data.audit = f.data.audit.filter((e: { chain: string; seq: number }) => !(e.chain === 'tst' && e.seq >= 2))), /recorded the trail up to entry \d+, which is no longer there/]
	])('refuses a backup with %s', async (_name, edit, message) => {
		const db = await signedMeetingDb();
		const file = await backupOf(db);
		edit(file);
		const parsed = await parseBackup('edited.json', await reseal(file), SCHEMA_VERSION);
		expect(parsed.ok ? '' : parsed.error).toMatch(message);
	});

	it('the signed meeting records the chain head before its signing, and the untouched backup restores', async () => {
		const db = await signedMeetingDb();
		const meeting = (await db.reviewMeetings.toArray())[0]!;
		const trail = (await readAllAudit(db)).filter((e) => e.chain === 'tst');
		const sign = trail.find((e) => e.action === 'sign')!;
		expect(meeting.chainHead).toEqual({ chain: 'tst', seq: sign.seq - 1, hash: sign.prev });
		expect(meeting.signature).toMatchObject({ name: 'Dr Chair', meaning: 'approved as chair' });
		expect((await parseBackup('b.json', JSON.stringify(await backupOf(db)), SCHEMA_VERSION)).ok).toBe(true);
	});
});

describe('deleting what is in no backup', () => {
	it('refuses to remove a study whose signed decision is in no backup, unless its name is typed; its trail stays readable', async () => {
		const { deleteStudy, clearAllData, UnbackedRecordsError } = await import('../../src/lib/db/study-repository');
		const { removedStudyTrails } = await import('../../src/lib/db/audit-repository');
		const db = await seededDatabase(`trust-${Math.random()}`);
		await confirmNeutropenia(db);
		await expect(deleteStudy(db, 'tst', { who: 'Dr X', at: AT, reason: 'tidy up' })).rejects.toThrow(
			'“TST01” has 1 committee decision recorded after the last backup. Nothing was removed: take a backup first, or type “TST01” to remove anyway.'
		);
		await expect(clearAllData(db, { who: 'Dr X', at: AT })).rejects.toBeInstanceOf(UnbackedRecordsError);
		await expect(deleteStudy(db, 'tst', { who: 'Dr X', at: AT, reason: 'tidy up', confirmText: 'tst01' })).rejects.toBeInstanceOf(UnbackedRecordsError);
		expect(await db.studies.count()).toBe(1);
		await deleteStudy(db, 'tst', { who: 'Dr X', at: AT, reason: 'tidy up', confirmText: 'TST01' });
		expect(await db.studies.count()).toBe(0);
		expect(await removedStudyTrails(db)).toEqual([{ studyId: 'tst', title: 'TST01', entries: 3, removedAt: AT }]);
	});

	it('removes without asking once a backup holds the decisions', async () => {
		const { deleteStudy } = await import('../../src/lib/db/study-repository');
		const db = await seededDatabase(`trust-${Math.random()}`);
		await confirmNeutropenia(db);
		await exportBackup(db, 'Dr Backup', '2025-03-03T00:00:00Z'); // records the backup time
		await deleteStudy(db, 'tst', { who: 'Dr X', at: AT, reason: 'tidy up' });
		expect(await db.studies.count()).toBe(0);
	});
});

describe('a signed meeting needs its snapshot', () => {
	it('refuses a backup whose signed meeting lost its snapshot', async () => {
		const file = JSON.parse(readFileSync(`${__dirname}/../fixtures/backups/schema-5.json`, 'utf8'));
		file.data.meetings[0].snapshot = null;
		const parsed = await parseBackup('edited.json', await reseal(file), SCHEMA_VERSION);
		expect(parsed.ok ? '' : parsed.error).toMatch(/meetings\[0\] \(2026-11-30\) is signed but has no snapshot of what was signed/);
	});
});

describe('a schema 3 database opens in schema 5', () => {
	it('gives each AE an identity, seals the audit trail into a chain, and points adjudications at their event', async () => {
		const Dexie = (await import('dexie')).default;
		const { verifyChains } = await import('../../src/lib/domain/audit/audit-chain');
		const name = `v3-${Math.random()}`;
		const v3 = new Dexie(name);
		v3.version(3).stores(LEGACY_STORES[3]);
		await v3.table('aes').put({ studyId: 's', usubjid: 'S-1', aeseq: 2, term: 'Neutrophil count decreased', grade: 4, start: '2026-01-05', end: null, attribution: {} });
		await v3.table('audit').bulkAdd([
			{ at: '2026-01-01T00:00:00Z', who: 'a', studyId: 's', entity: 'study', key: 'S', action: 'import', before: null, after: {}, reason: 'r' },
			{ at: '2026-01-02T00:00:00Z', who: 'b', studyId: 's', entity: 'adjudication', key: 'S-1 AE 2', action: 'adjudicate', before: {}, after: { decision: 'dlt' }, reason: 'r' },
			{ at: '2026-01-03T00:00:00Z', who: 'c', studyId: null, entity: 'database', key: 'all', action: 'restore', before: null, after: {}, reason: 'r' }
		]);
		await v3.table('adjudications').add({ studyId: 's', usubjid: 'S-1', aeseq: 2, decision: 'dlt', reason: 'r', by: 'b', at: '2026-01-02T00:00:00Z', engineVerdict: 'dlt', engineRule: '2', engineReason: '', ruleSet: { id: 'generic', version: 1 } });
		await v3.table('meetings').add({ studyId: 's', date: '2026-01-04', signedAt: null, snapshot: null });
		v3.close();

		const db = new DoseWatchDatabase(name);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		const ae = (await db.aes.toArray())[0]!;
		expect(ae.id).toMatch(/^[0-9a-f-]{36}$/);
		const trail = await db.auditTrail.toArray();
		expect(trail.map((e) => `${e.chain}:${e.seq}:${e.who}`).sort()).toEqual(['*:1:c', 's:1:a', 's:2:b']);
		expect(verifyChains(trail).ok).toBe(true);
		expect(await db.adjudicationLog.toArray()).toEqual([expect.objectContaining({ aeId: ae.id, basis: expect.objectContaining({ grade: 4 }), id: expect.stringMatching(/^[0-9a-f-]{36}$/) })]);
		expect((await db.reviewMeetings.toArray())[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(db.tables.map((t) => t.name)).not.toContain('audit');
	});
});

describe('a backup that swaps a signer’s key', () => {
	it('is refused when a profile on this device has another signing key', async () => {
		const db = await seededDatabase(`trust-${Math.random()}`);
		const signer = await testSigner('Dr Chair', 'decided as committee');
		await db.reviewers.add(signer.profile);
		const file = await backupOf(db);
		const { createProfile } = await import('../../src/lib/io/signatures');
		const forged = await createProfile({ id: signer.profile.id, name: 'Dr Chair', role: 'SRC chair', passphrase: 'mallory!!', at: 't', iterations: 1000 });
		file.data.reviewers = [forged];
		const parsed = await parseBackup('swapped.json', await reseal(file), SCHEMA_VERSION);
		if (!parsed.ok) throw new Error(parsed.error);
		await expect(restoreBackup(db, parsed.backup, 'x', AT, { confirmed: true })).rejects.toThrow("The backup gives Dr Chair's reviewer profile a different signing key from the one on this device.");
		expect((await db.reviewers.get(signer.profile.id))!.publicKey).toEqual(signer.profile.publicKey);
	});
});
