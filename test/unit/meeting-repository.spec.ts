import { readAllAudit } from '../../src/lib/db/audit-repository';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../src/lib/db/backup-repository';
import { DoseWatchDatabase, SCHEMA_VERSION } from '../../src/lib/db/database';
import { loadReviewData } from '../../src/lib/db/meeting-queries';
import { createMeeting, deferCandidate, deleteMeetingDraft, MeetingConflictError, signMeeting, updateMeeting, type MeetingDraft } from '../../src/lib/db/meeting-repository';
import { saveAe } from '../../src/lib/db/record-repository';
import { computeMeetingView, computeSinceLastReview, evaluateAsOf, meetingData, previousSignedMeeting, undecidedCandidates, verdictMap } from '../../src/lib/domain/meeting';
import { parseBackup } from '../../src/lib/io/backup';
import { seededDatabase, testSigner, LEGACY_STORES } from './helpers';

const WHO = 'Dr Chair';

/** A draft whose decision follows the design and whose open DLT candidates are deferred, so it can be signed. */
async function readyDraft(db: DoseWatchDatabase, cutoff = '2025-02-28', deferOpen = true): Promise<{ id: string; draft: MeetingDraft }> {
	const data = (await loadReviewData(db, 'tst'))!;
	const view = computeMeetingView(data.live!, cutoff, null, null);
	const { reason: _reason, ...decision } = view.recommended;
	const draft: MeetingDraft = { studyId: 'tst', date: '2025-03-02', cutoff, attendees: ['Dr Chair', 'Dr Stat'], doseLevels: ['DL1'], decision, decisionReason: '', minutes: 'Minutes.' };
	const id = await createMeeting(db, draft, WHO, '2025-03-02T09:00:00Z');
	if (deferOpen) for (const c of undecidedCandidates(view.evaluation)) await deferCandidate(db, id, c.key, 'Awaiting the neutrophil series', WHO, '2025-03-02T09:01:00Z');
	return { id, draft };
}

async function fatigue(db: DoseWatchDatabase) {
	return (await db.aes.get(['tst', 'TST01-001', 1]))!;
}

describe('sign-off waits for every DLT candidate', () => {
	it('is refused while a candidate is undecided, and allowed once each is deferred with a reason or decided', async () => {
		const db = await seededDatabase(`m-${Math.random()}`);
		const { id, draft } = await readyDraft(db, '2025-02-28', false);
		await expect(signMeeting(db, id, 1, await testSigner(), '2025-03-02T10:00:00Z')).rejects.toThrow(/1 DLT candidate awaits the committee: TST01-001 AE 2 \(Neutrophil count decreased, DLT\)\. Decide each, or defer it/);
		// A deferral without a reason is none.
		await deferCandidate(db, id, 'TST01-001|2', '  ', WHO, '2025-03-02T10:01:00Z');
		await expect(signMeeting(db, id, 1, await testSigner(), '2025-03-02T10:02:00Z')).rejects.toThrow(/awaits the committee/);
		// Deferred on the meeting page: audited, and a form open on revision 2 still saves afterwards.
		await deferCandidate(db, id, 'TST01-001|2', 'Awaiting the neutrophil series', WHO, '2025-03-02T10:03:00Z');
		await updateMeeting(db, id, { ...draft, minutes: 'Deferred AE 2.' }, 1, WHO, '2025-03-02T10:03:30Z');
		const audit = (await readAllAudit(db)).filter((a) => a.entity === 'meeting');
		expect(audit.map((a) => a.reason)).toContain('TST01-001 AE 2 deferred to a later meeting: Awaiting the neutrophil series');
		await signMeeting(db, id, 2, await testSigner(), '2025-03-02T10:04:00Z');
		const signed = (await db.reviewMeetings.get(id))!;
		expect(signed).toMatchObject({ signedBy: WHO, minutes: 'Deferred AE 2.', deferrals: [{ key: 'TST01-001|2', reason: 'Awaiting the neutrophil series' }] });
	});
});

describe('signing a meeting freezes it', () => {
	it('later edits to the data never change what the signed meeting shows, and show as new for the next one', async () => {
		const db = await seededDatabase(`m-${Math.random()}`);
		const { id } = await readyDraft(db);
		await signMeeting(db, id, 1, await testSigner(), '2025-03-02T10:00:00Z');
		const before = (await loadReviewData(db, 'tst'))!;
		const signed = before.meetings.find((m) => m.id === id)!;
		const frozenView = computeMeetingView(meetingData(signed, before.live)!, signed.cutoff, null, signed.signedAt);

		const ae = await fatigue(db);
		await saveAe(db, { ...ae, grade: 3, attribution: { ...ae.attribution, [Object.keys(ae.attribution)[0]!]: 'definite' } }, { who: 'Dr Site', at: '2025-03-05T00:00:00Z', reason: 'Regraded' });

		const after = (await loadReviewData(db, 'tst'))!;
		const again = after.meetings.find((m) => m.id === id)!;
		expect(again).toEqual(signed);
		const view = computeMeetingView(meetingData(again, after.live)!, again.cutoff, null, again.signedAt);
		expect(view.evaluation).toEqual(frozenView.evaluation);
		expect(again.snapshot!.aes.find((a) => a.aeseq === 1 && a.usubjid === 'TST01-001')!.grade).toBe(2);
		// The benefit–risk page is frozen with it: one row per dose level, its DLT counts as signed.
		expect(signed.snapshot!.benefitRisk!.map((r) => [r.doseLevel, r.dlt])).toEqual(frozenView.evaluation.doseLevels.map((l) => [l.doseLevel, { dlts: l.dlts, evaluable: l.evaluable, pending: l.pending }]));

		const live = after.live!;
		const since = computeSinceLastReview(live.aes, verdictMap(evaluateAsOf(live, '2025-03-05')), after.meetings);
		expect(since.since?.id).toBe(id);
		const change = since.byKey.get('TST01-001|1');
		expect(change?.kind).toBe('changed');
		expect(change?.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(expect.arrayContaining(['Grade: 2 → 3']));
		expect(change?.changes.some((c) => c.field === 'attribution' && c.to === 'Definite')).toBe(true);
	});

	it('a signed meeting cannot be edited, re-signed or deleted', async () => {
		const db = await seededDatabase(`m-${Math.random()}`);
		const { id, draft } = await readyDraft(db);
		await signMeeting(db, id, 1, await testSigner(), '2025-03-02T10:00:00Z');
		const signed = await db.reviewMeetings.get(id);
		await expect(updateMeeting(db, id, { ...draft, minutes: 'rewritten' }, 2, WHO, '2025-03-03T00:00:00Z')).rejects.toThrow(/signed by Dr Chair .* can no longer be changed/);
		await expect(signMeeting(db, id, 2, await testSigner(), '2025-03-03T00:00:00Z')).rejects.toBeInstanceOf(MeetingConflictError);
		await expect(deleteMeetingDraft(db, id, WHO, '2025-03-03T00:00:00Z')).rejects.toBeInstanceOf(MeetingConflictError);
		expect(await db.reviewMeetings.get(id)).toEqual(signed);
	});

	it('signing names everything missing and writes nothing', async () => {
		const db = await seededDatabase(`m-${Math.random()}`);
		const id = await createMeeting(db, { studyId: 'tst', date: '2025-03-02', cutoff: '2025-02-28', attendees: [], doseLevels: [], decision: null, decisionReason: '', minutes: '' }, WHO, '2025-03-02T09:00:00Z');
		const auditBefore = await db.auditTrail.count();
		await expect(signMeeting(db, id, 1, await testSigner(), '2025-03-02T10:00:00Z')).rejects.toThrow(
			'The meeting cannot be signed yet: List the attendees. Choose the dose levels under review. Record the escalation decision.'
		);
		expect((await db.reviewMeetings.get(id))!.signedAt).toBeNull();
		expect(await db.auditTrail.count()).toBe(auditBefore);
	});

	it('a decision that differs from the recommendation needs a reason before signing', async () => {
		const db = await seededDatabase(`m-${Math.random()}`);
		const { id, draft } = await readyDraft(db);
		const other = draft.decision!.kind === 'stop' ? { kind: 'next_cohort' as const, doseLevel: 'DL1' } : { kind: 'stop' as const, mtd: null };
		await updateMeeting(db, id, { ...draft, decision: other }, 1, WHO, '2025-03-02T09:30:00Z');
		await expect(signMeeting(db, id, 2, await testSigner(), '2025-03-02T10:00:00Z')).rejects.toThrow('differs from the design’s recommendation: give the reason');
		await updateMeeting(db, id, { ...draft, decision: other, decisionReason: 'Safety signal in a related study' }, 2, WHO, '2025-03-02T09:40:00Z');
		await signMeeting(db, id, 3, await testSigner(), '2025-03-02T10:00:00Z');
		expect((await db.reviewMeetings.get(id))!.signedBy).toBe(WHO);
	});
});

describe('two people editing one draft', () => {
	it('the second save, based on the older revision, is refused and nothing is overwritten', async () => {
		const db = await seededDatabase(`m-${Math.random()}`);
		const { id, draft } = await readyDraft(db);
		await updateMeeting(db, id, { ...draft, minutes: 'first' }, 1, 'A', '2025-03-02T09:10:00Z');
		await expect(updateMeeting(db, id, { ...draft, minutes: 'second' }, 1, 'B', '2025-03-02T09:11:00Z')).rejects.toThrow(/Someone else changed this meeting/);
		expect((await db.reviewMeetings.get(id))!.minutes).toBe('first');
	});
});

describe('the previous signed meeting', () => {
	it('is the latest one signed before this one; a draft compares with the latest signed', async () => {
		const db = await seededDatabase(`m-${Math.random()}`);
		const first = await readyDraft(db, '2025-02-01');
		await signMeeting(db, first.id, 1, await testSigner(), '2025-02-02T10:00:00Z');
		const second = await readyDraft(db, '2025-02-28');
		await signMeeting(db, second.id, 1, await testSigner(), '2025-03-02T10:00:00Z');
		const draft = await readyDraft(db, '2025-03-15');
		const meetings = (await loadReviewData(db, 'tst'))!.meetings;
		const byId = (id: string) => meetings.find((m) => m.id === id)!;
		expect(previousSignedMeeting(meetings, byId(first.id))).toBeNull();
		expect(previousSignedMeeting(meetings, byId(second.id))?.id).toBe(first.id);
		expect(previousSignedMeeting(meetings, byId(draft.id))?.id).toBe(second.id);
	});
});

describe('meetings in backups and upgrades', () => {
	it('a backup carries signed meetings with their snapshot and restores them exactly', async () => {
		const db = await seededDatabase(`m-${Math.random()}`);
		const { id } = await readyDraft(db);
		await signMeeting(db, id, 1, await testSigner(), '2025-03-02T10:00:00Z');
		const signed = await db.reviewMeetings.get(id);
		const parsed = await parseBackup('b.json', await exportBackup(db, WHO, '2025-03-03T00:00:00Z'), SCHEMA_VERSION);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const other = new DoseWatchDatabase(`m2-${Math.random()}`);
		await restoreBackup(other, parsed.backup, WHO, '2025-03-04T00:00:00Z');
		expect(await other.reviewMeetings.get(id)).toEqual(signed);
	});

	it('a database written by schema 2 opens in schema 3 with its adjudications and no meetings', async () => {
		const name = `v2-${Math.random()}`;
		const v2 = new Dexie(name);
		v2.version(2).stores(LEGACY_STORES[2]);
		await v2.table('studies').put({ id: 'old', title: 'Old study' });
		await v2.table('adjudications').add({ studyId: 'old', usubjid: 'S-1', aeseq: 1, decision: 'dlt' });
		v2.close();
		const db = new DoseWatchDatabase(name);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(await db.adjudicationLog.count()).toBe(1);
		expect(await db.reviewMeetings.count()).toBe(0);
	});
});

describe('a meeting after a protocol amendment', () => {
	it('freezes every rule set version in force, so the signed meeting and its backup judge each subject as it did', async () => {
		const { saveRuleSetVersion } = await import('../../src/lib/db/dlt-repository');
		const { findRuleSet } = await import('../../src/lib/presets/dlt-rule-sets');
		const db = await seededDatabase(`m-${Math.random()}`);
		const amended = structuredClone(findRuleSet('generic')!);
		amended.rules[0]!.grade.min = 4;
		// TST01-003 is first dosed on 3 February 2025, after the amendment; TST01-001 and -002 before it.
		await saveRuleSetVersion(db, (await db.studies.get('tst'))!, amended, { who: WHO, at: '2025-02-01T00:00:00Z', reason: 'Amendment 2', effectiveFrom: '2025-02-01', amendment: 'Amendment 2' });
		const { id } = await readyDraft(db);
		await signMeeting(db, id, 1, await testSigner(), '2025-03-02T10:00:00Z');
		const signed = (await db.reviewMeetings.get(id))!;
		expect(signed.snapshot!.ruleSetVersions!.map((r) => r.version)).toEqual([3, 2]);
		const used = (m: typeof signed) => evaluateAsOf(meetingData(m, null)!, m.cutoff).subjects.map((s) => `${s.subject.usubjid} v${s.ruleSet.version}`);
		expect(used(signed)).toEqual(['TST01-001 v2', 'TST01-002 v2', 'TST01-003 v3', 'TST01-004 v3']);
		const parsed = await parseBackup('b.json', await exportBackup(db, WHO, '2025-03-03T00:00:00Z'), SCHEMA_VERSION);
		if (!parsed.ok) throw new Error(parsed.error);
		const other = new DoseWatchDatabase(`m3-${Math.random()}`);
		await restoreBackup(other, parsed.backup, WHO, '2025-03-04T00:00:00Z');
		expect(used((await other.reviewMeetings.get(id))!)).toEqual(used(signed));
	});
});

describe('a meeting of a study with labs', () => {
	it('freezes the safety outcomes and the episodes read from the counts as of its cut-off', async () => {
		const db = await seededDatabase(`m-${Math.random()}`);
		const row = (seq: number, date: string, value: number) => ({
			studyId: 'tst', usubjid: 'TST01-002', domain: 'LB' as const, seq, testcd: 'PLAT', test: 'Platelets', category: 'HEMATOLOGY', value, text: String(value),
			unit: 'GI/L', low: 150, high: 400, nrind: '', baselineFlag: false, date, visit: ''
		});
		// TST01-002 is first dosed on 8 January 2025: platelets at 40 (grade 3) on day 10, after the cut-off at 90.
		await db.safety.bulkAdd([row(1, '2025-01-05', 230), row(2, '2025-01-17', 40), row(3, '2025-03-10', 90)]);
		const { id } = await readyDraft(db);
		await signMeeting(db, id, 1, await testSigner(), '2025-03-02T10:00:00Z');
		const snap = (await db.reviewMeetings.get(id))!.snapshot!;
		expect(snap.labEpisodes!.map((e) => [e.usubjid, e.testcd, e.worst])).toEqual([['TST01-002', 'PLAT', 3]]);
		const lab = snap.safetyOutcomes!.find((r) => r.outcome === 'Laboratory')!;
		expect(lab.cells['DL1']).toEqual({ of: 1, abnormal: 1 });
		expect(snap.safetyOutcomes!.find((r) => r.outcome === 'Vital signs')!.cells['DL1']).toEqual({ of: null, abnormal: 0 });
		const parsed = await parseBackup('b.json', await exportBackup(db, WHO, '2025-03-03T00:00:00Z'), SCHEMA_VERSION);
		expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
	});
});
