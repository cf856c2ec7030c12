/**
 * Safety review meetings. A draft is edited with a revision check (two people editing one draft never silently
 * overwrite each other); signing reads the study's data, computes what the meeting shows as of its cut-off and
 * stores it as a frozen snapshot, in one transaction with its audit entry. A signed meeting is never changed.
 */
import { computeMeetingView, buildSnapshot, previousSignedMeeting, problemsBeforeSigning, undecidedCandidates } from '../domain/meeting';
import type { Meeting, ReviewerProfile } from '../domain/types';
import { contentHash, signContent, signedContent } from '../io/signatures';
import type { DoseWatchDatabase } from './database';
import { appendAudit, chainHead } from './audit-repository';
import { resolveRuleSetVersions } from './dlt-repository';
import { withStudyMapping } from '../domain/labs/grade-labs';
import { studyLabs } from '../domain/labs/study-labs';
import { CTCAE_LAB_GRADING, safetyLimitsOf } from '../presets/lab-grading';
import { outcomesAsOf } from '../domain/labs/safety-outcomes';
import { studyBenefitRisk } from '../domain/benefit-risk';
import { withStorageErrors } from './storage-errors';
import { newId } from './ids';

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

const keyOf = (m: Pick<Meeting, 'date' | 'id'>) => `Meeting ${m.date} (${m.id.slice(0, 8)})`;

function requireWho(who: string) {
	if (!who.trim()) throw new Error('Set your reviewer name in Settings first: the audit trail needs it.');
}

export async function createMeeting(db: DoseWatchDatabase, draft: MeetingDraft, who: string, at: string): Promise<string> {
	requireWho(who);
	return withStorageErrors(() =>
		db.transaction('rw', [db.reviewMeetings, db.auditTrail], async () => {
			const meeting: Meeting = { ...draft, id: newId(), createdBy: who, createdAt: at, signedBy: null, signedAt: null, snapshot: null, rev: 1 };
			await db.reviewMeetings.add(meeting);
			await appendAudit(db, { at, who, studyId: draft.studyId, entity: 'meeting', key: keyOf(meeting), action: 'create', before: null, after: meeting, reason: '' });
			return meeting.id;
		})
	);
}

/** Saves a draft's fields; refuses when the meeting is signed or was changed since `baseRev`. */
export async function updateMeeting(db: DoseWatchDatabase, id: string, draft: MeetingDraft, baseRev: number, who: string, at: string): Promise<void> {
	requireWho(who);
	await withStorageErrors(() =>
		db.transaction('rw', [db.reviewMeetings, db.auditTrail], async () => {
			const before = await db.reviewMeetings.get(id);
			if (!before) throw new Error('This meeting no longer exists (another tab or a restore removed it).');
			if (before.signedAt || before.rev !== baseRev) throw new MeetingConflictError(before);
			const after: Meeting = { ...before, ...draft, id, rev: before.rev + 1 };
			await db.reviewMeetings.put(after);
			await appendAudit(db, { at, who, studyId: before.studyId, entity: 'meeting', key: keyOf(after), action: 'update', before, after, reason: '' });
		})
	);
}

/**
 * Defers one DLT candidate to a later meeting with a reason (an empty reason takes the deferral back). Merged by
 * candidate inside one transaction and audited; the record's revision is left alone, so a meeting form open
 * beside it still saves (deferrals are not fields of the form).
 */
export async function deferCandidate(db: DoseWatchDatabase, id: string, key: string, reason: string, who: string, at: string): Promise<void> {
	requireWho(who);
	await withStorageErrors(() =>
		db.transaction('rw', [db.reviewMeetings, db.auditTrail], async () => {
			const before = await db.reviewMeetings.get(id);
			if (!before) throw new Error('This meeting no longer exists (another tab or a restore removed it).');
			if (before.signedAt) throw new MeetingConflictError(before);
			const rest = (before.deferrals ?? []).filter((d) => d.key !== key);
			const after: Meeting = { ...before, deferrals: reason.trim() ? [...rest, { key, reason: reason.trim() }] : rest };
			await db.reviewMeetings.put(after);
			const what = `${key.replace('|', ' AE ')} ${reason.trim() ? 'deferred to a later meeting' : 'no longer deferred'}`;
			await appendAudit(db, { at, who, studyId: before.studyId, entity: 'meeting', key: keyOf(after), action: 'update', before, after, reason: reason.trim() ? `${what}: ${reason.trim()}` : what });
		})
	);
}

export async function deleteMeetingDraft(db: DoseWatchDatabase, id: string, who: string, at: string): Promise<void> {
	requireWho(who);
	await db.transaction('rw', [db.reviewMeetings, db.auditTrail], async () => {
		const before = await db.reviewMeetings.get(id);
		if (!before) return;
		if (before.signedAt) throw new MeetingConflictError(before);
		await db.reviewMeetings.delete(id);
		await appendAudit(db, { at, who, studyId: before.studyId, entity: 'meeting', key: keyOf(before), action: 'delete', before, after: null, reason: '' });
	});
}

/** Who signs, with the passphrase that opens their key, and what the signature means. */
export interface Signer {
	profile: ReviewerProfile;
	passphrase: string;
	meaning: string;
}

export class SignatureRaceError extends Error {
	constructor() {
		super('The study changed while the meeting was being signed (in another tab or window). Nothing was signed: review and sign again.');
		this.name = 'SignatureRaceError';
	}
}

/**
 * Signs a draft: freezes the study's data and what the meeting shows as of its cut-off, records the study's audit
 * chain head, and signs all of it with the signer's key. WebCrypto cannot run inside an IndexedDB transaction, so
 * the signed meeting is built in a read, signed, and written only if building it again inside the write gives the
 * same content. Throws with every problem named when it cannot be signed yet, and WrongPassphraseError (nothing
 * written) when the passphrase does not open the signer's key.
 */
export async function signMeeting(db: DoseWatchDatabase, id: string, baseRev: number, signer: Signer, at: string): Promise<void> {
	const who = signer.profile.name;
	requireWho(who);
	const tables = [db.reviewMeetings, db.auditTrail, db.studies, db.subjects, db.doses, db.aes, db.adjudicationLog, db.ruleSets, db.safety];
	const build = async (): Promise<Meeting> => {
		const before = await db.reviewMeetings.get(id);
		if (!before) throw new Error('This meeting no longer exists (another tab or a restore removed it).');
		if (before.signedAt || before.rev !== baseRev) throw new MeetingConflictError(before);
		const study = await db.studies.get(before.studyId);
		if (!study) throw new Error(`The study "${before.studyId}" no longer exists.`);
		const ruleSetVersions = await resolveRuleSetVersions(db, study.dltRuleSet);
		const ruleSet = ruleSetVersions[0];
		if (!ruleSet) throw new Error(`The DLT rule set "${study.dltRuleSet}" is not known here.`);
		const [subjects, doses, aes, adjudications, meetings, head, safety] = await Promise.all([
			db.subjects.where('studyId').equals(study.id).toArray(),
			db.doses.where('studyId').equals(study.id).toArray(),
			db.aes.where('studyId').equals(study.id).toArray(),
			db.adjudicationLog.where('studyId').equals(study.id).toArray(),
			db.reviewMeetings.where('studyId').equals(study.id).toArray(),
			chainHead(db, study.id),
			db.safety.where('studyId').equals(study.id).toArray()
		]);
		const labs = studyLabs(subjects, doses, safety, withStudyMapping(CTCAE_LAB_GRADING, study.labMapping));
		const labEpisodes = labs.episodes;
		const data = { study, subjects, doses, aes, adjudications, ruleSet, ruleSetVersions, labEpisodes };
		const outcomes = outcomesAsOf(labs, safety, subjects, study.doseLevels.map((l) => l.code), before.cutoff, safetyLimitsOf(study));
		const view = computeMeetingView(data, before.cutoff, previousSignedMeeting(meetings, before), at);
		const problems = problemsBeforeSigning(before, view.recommended, who, undecidedCandidates(view.evaluation));
		if (problems.length) throw new Error(`The meeting cannot be signed yet: ${problems.join(' ')}`);
		const benefitRisk = studyBenefitRisk({ study, subjects, doses, aes, safety, labs, evaluation: view.evaluation, asOf: before.cutoff });
		const snapshot = { ...buildSnapshot(data, view, at), ...(outcomes.length ? { safetyOutcomes: outcomes } : {}), benefitRisk };
		return { ...before, signedBy: who, signedAt: at, snapshot, chainHead: head, rev: before.rev + 1 };
	};
	const draft = await db.transaction('r', tables, build);
	const signature = await signContent(signer.profile, signer.passphrase, signedContent(draft), signer.meaning, at);
	await withStorageErrors(() =>
		db.transaction('rw', tables, async () => {
			const again = await build();
			if (contentHash(signedContent(again)) !== signature.contentHash) throw new SignatureRaceError();
			const after: Meeting = { ...again, signature };
			await db.reviewMeetings.put(after);
			const s = after.snapshot!;
			const { snapshot: _frozen, ...summary } = after;
			await appendAudit(db, {
				at,
				who,
				studyId: after.studyId,
				entity: 'meeting',
				key: keyOf(after),
				action: 'sign',
				before: { signedAt: null },
				after: { ...summary, snapshot: `${s.subjects.length} subjects, ${s.doses.length} doses, ${s.aes.length} AEs, ${s.adjudications.length} adjudications frozen` },
				reason: `Signed by ${who}${signer.profile.role ? `, ${signer.profile.role}` : ''}: ${signer.meaning}`
			});
		})
	);
}

export async function listMeetings(db: DoseWatchDatabase, studyId: string): Promise<Meeting[]> {
	const all = await db.reviewMeetings.where('studyId').equals(studyId).toArray();
	return all.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}
