/**
 * Safety review meetings. A draft is edited with a revision check (two people editing one draft never silently
 * overwrite each other); signing reads the study's data, computes what the meeting shows as of its cut-off and
 * stores it as a frozen snapshot, in one transaction with its audit entry. A signed meeting is never changed.
 */
import { computeMeetingView, buildSnapshot, previousSignedMeeting, problemsBeforeSigning, undecidedCandidates } from '../domain/meeting';
import type { Meeting } from '../domain/types';
import type { DoseWatchDatabase } from './database';
import { resolveRuleSet } from './dlt-repository';
import { withStorageErrors } from './storage-errors';

/** What the meeting form edits. Deferrals are not in it: only deferCandidate writes them, so a form save never drops one. */
export type MeetingDraft = Omit<Meeting, 'id' | 'signedBy' | 'signedAt' | 'snapshot' | 'rev' | 'createdBy' | 'createdAt' | 'deferrals'>;

export class MeetingConflictError extends Error {
	constructor(readonly theirs: Meeting) {
		super(
			theirs.signedAt
				? `This meeting was signed by ${theirs.signedBy} at ${theirs.signedAt.slice(0, 16).replace('T', ' ')}; it can no longer be changed.`
				: 'Someone else changed this meeting since you opened it. Nothing was saved: review their version and apply your change again.'
		);
		this.name = 'MeetingConflictError';
	}
}

const keyOf = (m: Pick<Meeting, 'date' | 'id'>) => `Meeting ${m.date}${m.id ? ` (#${m.id})` : ''}`;

function requireWho(who: string) {
	if (!who.trim()) throw new Error('Set your reviewer name in Settings first: the audit trail needs it.');
}

export async function createMeeting(db: DoseWatchDatabase, draft: MeetingDraft, who: string, at: string): Promise<number> {
	requireWho(who);
	return withStorageErrors(() =>
		db.transaction('rw', [db.meetings, db.audit], async () => {
			const meeting: Meeting = { ...draft, createdBy: who, createdAt: at, signedBy: null, signedAt: null, snapshot: null, rev: 1 };
			const id = await db.meetings.add(meeting);
			await db.audit.add({ at, who, studyId: draft.studyId, entity: 'meeting', key: keyOf({ ...meeting, id }), action: 'create', before: null, after: meeting, reason: '' });
			return id;
		})
	);
}

/** Saves a draft's fields; refuses when the meeting is signed or was changed since `baseRev`. */
export async function updateMeeting(db: DoseWatchDatabase, id: number, draft: MeetingDraft, baseRev: number, who: string, at: string): Promise<void> {
	requireWho(who);
	await withStorageErrors(() =>
		db.transaction('rw', [db.meetings, db.audit], async () => {
			const before = await db.meetings.get(id);
			if (!before) throw new Error(`Meeting #${id} no longer exists.`);
			if (before.signedAt || before.rev !== baseRev) throw new MeetingConflictError(before);
			const after: Meeting = { ...before, ...draft, id, rev: before.rev + 1 };
			await db.meetings.put(after);
			await db.audit.add({ at, who, studyId: before.studyId, entity: 'meeting', key: keyOf(after), action: 'update', before, after, reason: '' });
		})
	);
}

/**
 * Defers one DLT candidate to a later meeting with a reason (an empty reason takes the deferral back). Merged by
 * candidate inside one transaction and audited; the record's revision is left alone, so a meeting form open
 * beside it still saves (deferrals are not fields of the form).
 */
export async function deferCandidate(db: DoseWatchDatabase, id: number, key: string, reason: string, who: string, at: string): Promise<void> {
	requireWho(who);
	await withStorageErrors(() =>
		db.transaction('rw', [db.meetings, db.audit], async () => {
			const before = await db.meetings.get(id);
			if (!before) throw new Error(`Meeting #${id} no longer exists.`);
			if (before.signedAt) throw new MeetingConflictError(before);
			const rest = (before.deferrals ?? []).filter((d) => d.key !== key);
			const after: Meeting = { ...before, deferrals: reason.trim() ? [...rest, { key, reason: reason.trim() }] : rest };
			await db.meetings.put(after);
			const what = `${key.replace('|', ' AE ')} ${reason.trim() ? 'deferred to a later meeting' : 'no longer deferred'}`;
			await db.audit.add({ at, who, studyId: before.studyId, entity: 'meeting', key: keyOf(after), action: 'update', before, after, reason: reason.trim() ? `${what}: ${reason.trim()}` : what });
		})
	);
}

export async function deleteMeetingDraft(db: DoseWatchDatabase, id: number, who: string, at: string): Promise<void> {
	requireWho(who);
	await db.transaction('rw', [db.meetings, db.audit], async () => {
		const before = await db.meetings.get(id);
		if (!before) return;
		if (before.signedAt) throw new MeetingConflictError(before);
		await db.meetings.delete(id);
		await db.audit.add({ at, who, studyId: before.studyId, entity: 'meeting', key: keyOf(before), action: 'delete', before, after: null, reason: '' });
	});
}

/**
 * Signs a draft: freezes the study's data and what the meeting shows as of its cut-off. Throws with every
 * problem named when it cannot be signed yet.
 */
export async function signMeeting(db: DoseWatchDatabase, id: number, baseRev: number, who: string, at: string): Promise<void> {
	requireWho(who);
	await withStorageErrors(() =>
		db.transaction('rw', [db.meetings, db.audit, db.studies, db.subjects, db.doses, db.aes, db.adjudications, db.ruleSets], async () => {
			const before = await db.meetings.get(id);
			if (!before) throw new Error(`Meeting #${id} no longer exists.`);
			if (before.signedAt || before.rev !== baseRev) throw new MeetingConflictError(before);
			const study = await db.studies.get(before.studyId);
			if (!study) throw new Error(`The study "${before.studyId}" no longer exists.`);
			const ruleSet = await resolveRuleSet(db, study.dltRuleSet);
			if (!ruleSet) throw new Error(`The DLT rule set "${study.dltRuleSet}" is not known here.`);
			const [subjects, doses, aes, adjudications, meetings] = await Promise.all([
				db.subjects.where('studyId').equals(study.id).toArray(),
				db.doses.where('studyId').equals(study.id).toArray(),
				db.aes.where('studyId').equals(study.id).toArray(),
				db.adjudications.where('studyId').equals(study.id).toArray(),
				db.meetings.where('studyId').equals(study.id).toArray()
			]);
			const data = { study, subjects, doses, aes, adjudications, ruleSet };
			const view = computeMeetingView(data, before.cutoff, previousSignedMeeting(meetings, before), at);
			const problems = problemsBeforeSigning(before, view.recommended, who, undecidedCandidates(view.evaluation));
			if (problems.length) throw new Error(`The meeting cannot be signed yet: ${problems.join(' ')}`);
			const after: Meeting = { ...before, signedBy: who, signedAt: at, snapshot: buildSnapshot(data, view, at), rev: before.rev + 1 };
			await db.meetings.put(after);
			const { snapshot: _frozen, ...summary } = after;
			await db.audit.add({
				at,
				who,
				studyId: study.id,
				entity: 'meeting',
				key: keyOf(after),
				action: 'sign',
				before: { signedAt: null },
				after: { ...summary, snapshot: `${subjects.length} subjects, ${doses.length} doses, ${aes.length} AEs, ${adjudications.length} adjudications frozen` },
				reason: ''
			});
		})
	);
}

export async function listMeetings(db: DoseWatchDatabase, studyId: string): Promise<Meeting[]> {
	const all = await db.meetings.where('studyId').equals(studyId).toArray();
	return all.sort((a, b) => b.date.localeCompare(a.date) || (b.id ?? 0) - (a.id ?? 0));
}
