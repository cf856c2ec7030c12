/**
 * Writes that change many records at once: committing an import, deleting a study, clearing the database.
 * Each is one Dexie transaction naming every table it touches, so it happens whole or not at all.
 */
import type { AdverseEvent, AuditEntryInput, Study } from '../domain/types';
import { hasErrors, type ImportPlan } from '../io/import-types';
import { studyTables, type DoseWatchDatabase } from './database';
import { appendAudit, chainHead } from './audit-repository';
import { newId } from './ids';
import { describeRemovals, diffImport, hasRemovals, summarizeDiff, type ImportDiff } from '../io/import-diff';
import type { AeDiff } from '../domain/import-diff';
import { addInChunks, withStorageErrors } from './storage-errors';
import { readSettings } from './settings';
import { applySettings, settingsOf, type StudySettings } from '../domain/study-settings';
import { describeStudyChanges } from '../domain/audit-trail';

export class ImportRefusedError extends Error {
	constructor(count: number) {
		super(`The import has ${count} error(s); nothing was written. Fix the files and preview again.`);
		this.name = 'ImportRefusedError';
	}
}

/** The study changed (another tab, another import) after the preview was made: the preview no longer says what the import does. */
export class StalePreviewError extends Error {
	constructor() {
		super('The study changed after this preview was made (in another tab or window). Nothing was written: preview the files again.');
		this.name = 'StalePreviewError';
	}
}

/** The import would remove stored records and the person has not confirmed it. */
export class RemovalNotConfirmedError extends Error {
	constructor(readonly removals: string) {
		super(`This import would remove ${removals}. Nothing was written: confirm the removals in the preview to go on.`);
		this.name = 'RemovalNotConfirmedError';
	}
}

export interface CommitOptions {
	who: string;
	at: string;
	/** The files the plan came from, for the audit trail. */
	files: string[];
	/**
	 * The study's audit chain head hash when the preview was made (null: the chain was empty). When given, the
	 * import is refused if the study changed since.
	 */
	expectedHead?: string | null;
	/** The person confirmed that stored subjects, doses or AEs the files no longer hold are removed. */
	confirmRemovals?: boolean;
	/** Told as records are written (a worker shows it as progress). */
	onProgress?: ((stage: string, done: number, total: number) => void) | undefined;
	/** The study settings chosen in the preview's settings step; written with the data, in its audit entry. */
	settings?: { settings: StudySettings; reason: string } | undefined;
}

/** What a re-import does to a stored study, read in one transaction with the chain head it was read at. */
export interface ReimportPreview {
	diff: ImportDiff;
	head: string | null;
}

export async function previewReimport(db: DoseWatchDatabase, plan: ImportPlan): Promise<ReimportPreview | null> {
	if (plan.isNewStudy) return null;
	return db.transaction('r', [db.subjects, db.doses, db.aes, db.auditTrail], async () => {
		const studyId = plan.study.id;
		const [subjects, doses, aes, head] = await Promise.all([
			db.subjects.where('studyId').equals(studyId).toArray(),
			db.doses.where('studyId').equals(studyId).toArray(),
			db.aes.where('studyId').equals(studyId).toArray(),
			chainHead(db, studyId)
		]);
		return { diff: diffImport({ subjects, doses, aes }, plan), head: head?.hash ?? null };
	});
}

/** Carries each matched event's identity, attribution history and DoseWatch-only notes onto its new record. */
function mergeAes(diff: AeDiff, incoming: readonly AdverseEvent[]): AdverseEvent[] {
	const matchOf = new Map([...diff.unchanged, ...diff.changed].map((m) => [m.incoming, m]));
	return incoming.map((a) => {
		const m = matchOf.get(a);
		if (!m) return { ...a, id: a.id ?? newId() };
		const old = m.stored;
		const changed = a.attributionHistory.filter((r) => (old.attribution[r.drug] ?? null) !== r.to);
		return {
			...a,
			id: old.id ?? newId(),
			rev: old.rev + (m.changes.length ? 1 : 0),
			notes: a.notes || old.notes,
			attributionHistory: [...old.attributionHistory, ...changed.map((r) => ({ ...r, from: old.attribution[r.drug] ?? null }))]
		};
	});
}

/**
 * Writes an import plan. Into a new study, or replacing the subjects, doses and AEs of the plan's existing study
 * (a new EDC export is a full snapshot). Each incoming AE is matched to the stored event it is (import-diff.ts),
 * so committee decisions and attribution history stay with their event when AESEQ is renumbered. Removing stored
 * records needs `confirmRemovals`; a preview made before the study changed is refused.
 */
export async function commitImport(db: DoseWatchDatabase, plan: ImportPlan, options: CommitOptions): Promise<void> {
	const errors = plan.problems.filter((p) => p.severity === 'error').length;
	if (hasErrors(plan.problems)) throw new ImportRefusedError(errors);
	const studyId = plan.study.id;
	const read = plan.study;
	// The settings step of the preview: the study as the person set it, with who set the window's days and why.
	const study = options.settings ? applySettings(read, options.settings.settings, { who: options.who, at: options.at, reason: options.settings.reason }) : read;
	await withStorageErrors(() =>
		db.transaction('rw', [db.studies, db.subjects, db.doses, db.aes, db.auditTrail, db.safety], async () => {
			const existing = await db.studies.get(studyId);
			if (plan.isNewStudy && existing) throw new Error(`A study with id ${studyId} already exists`);
			if (options.expectedHead !== undefined && ((await chainHead(db, studyId))?.hash ?? null) !== options.expectedHead) throw new StalePreviewError();
			let aes: AdverseEvent[] = plan.aes.map((a) => ({ ...a, id: a.id ?? newId() }));
			let diff: ImportDiff | null = null;
			if (existing) {
				const [subjects, doses, stored] = await Promise.all([
					db.subjects.where('studyId').equals(studyId).toArray(),
					db.doses.where('studyId').equals(studyId).toArray(),
					db.aes.where('studyId').equals(studyId).toArray()
				]);
				diff = diffImport({ subjects, doses, aes: stored }, plan);
				if (hasRemovals(diff) && !options.confirmRemovals) throw new RemovalNotConfirmedError(describeRemovals(diff));
				aes = mergeAes(diff.aes, plan.aes);
				await db.subjects.where('studyId').equals(studyId).delete();
				await db.doses.where('studyId').equals(studyId).delete();
				await db.aes.where('studyId').equals(studyId).delete();
			}
			await db.studies.put(study);
			const total = plan.subjects.length + plan.doses.length + aes.length;
			const p = (offset: number) => (done: number) => options.onProgress?.('writing', offset + done, total);
			await addInChunks(db.subjects, plan.subjects, p(0));
			await addInChunks(db.doses, plan.doses, p(plan.subjects.length));
			await addInChunks(db.aes, aes, p(plan.subjects.length + plan.doses.length));
			// Lab, vital-sign and ECG results: the domains whose files were given replace the stored ones; the others stay.
			const given = plan.safetyDomains ?? [];
			if (given.length) {
				if (existing) await db.safety.where('studyId').equals(studyId).filter((r) => given.includes(r.domain)).delete();
				await addInChunks(db.safety, plan.safety, () => {});
			}
			const entry: AuditEntryInput = {
				at: options.at,
				who: options.who,
				studyId,
				entity: 'study',
				key: plan.study.title,
				action: 'import',
				before: existing ? { study: existing } : null,
				after: {
					files: options.files,
					counts: { subjects: plan.subjects.length, doses: plan.doses.length, aes: plan.aes.length, ...(plan.safetyDomains?.length ? { safety: plan.counts.safety } : {}) },
					mode: existing ? 'replaced the study data' : 'new study',
					...(diff ? { changes: summarizeDiff(diff) } : {}),
					...(options.settings ? { settings: settingsStep(existing ?? read, study, options.settings.reason) } : {})
				},
				reason: `Import of ${options.files.join(', ')}`
			};
			await appendAudit(db, entry);
		})
	);
}

/** The settings step's changes, for the import's audit entry: against the stored study, or as the files were read. */
function settingsStep(before: Study, after: Study, reason: string): { changes: string[]; reason: string } {
	return { changes: describeStudyChanges(settingsOf(before), settingsOf(after)), reason };
}

export async function saveStudy(
	db: DoseWatchDatabase,
	study: Study,
	options: { who: string; at: string; reason: string }
): Promise<void> {
	await withStorageErrors(() =>
		db.transaction('rw', [db.studies, db.auditTrail], async () => {
			const before = (await db.studies.get(study.id)) ?? null;
			await db.studies.put(study);
			await appendAudit(db, {
				at: options.at,
				who: options.who,
				studyId: study.id,
				entity: 'study',
				key: study.title,
				action: before ? 'update' : 'create',
				before,
				after: study,
				reason: options.reason
			});
		})
	);
}

/** Signed meetings and committee decisions of a study recorded after the last backup: what removing it would lose. */
export interface UnbackedRecords {
	studyId: string;
	title: string;
	signedMeetings: number;
	adjudications: number;
}

async function unbackedRecords(db: DoseWatchDatabase, studyIds: string[]): Promise<UnbackedRecords[]> {
	const { lastBackupAt } = await readSettings(db);
	const after = (t: string | null) => t !== null && (lastBackupAt === null || t > lastBackupAt);
	const out: UnbackedRecords[] = [];
	for (const id of studyIds) {
		const study = await db.studies.get(id);
		if (!study) continue;
		const meetings = (await db.reviewMeetings.where('studyId').equals(id).toArray()).filter((m) => after(m.signedAt)).length;
		const adjudications = (await db.adjudicationLog.where('studyId').equals(id).toArray()).filter((a) => after(a.at)).length;
		if (meetings || adjudications) out.push({ studyId: id, title: study.title, signedMeetings: meetings, adjudications });
	}
	return out;
}

/** What the person must type to remove studies whose signed records are in no backup: the study's name, or "N studies". */
export const confirmationFor = (unbacked: readonly UnbackedRecords[]) => (unbacked.length === 1 ? unbacked[0]!.title : `${unbacked.length} studies`);

export class UnbackedRecordsError extends Error {
	constructor(readonly unbacked: UnbackedRecords[]) {
		const what = unbacked.map((u) => `“${u.title}” has ${[u.signedMeetings ? `${u.signedMeetings} signed meeting${u.signedMeetings === 1 ? '' : 's'}` : '', u.adjudications ? `${u.adjudications} committee decision${u.adjudications === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ')}`);
		super(`${what.join('; ')} recorded after the last backup. Nothing was removed: take a backup first, or type “${confirmationFor(unbacked)}” to remove anyway.`);
		this.name = 'UnbackedRecordsError';
	}
}

async function guardUnbacked(db: DoseWatchDatabase, studyIds: string[], confirmText: string | undefined) {
	const unbacked = await unbackedRecords(db, studyIds);
	if (unbacked.length && (confirmText ?? '').trim() !== confirmationFor(unbacked)) throw new UnbackedRecordsError(unbacked);
}

/**
 * Deletes one study and everything recorded for it. Its audit trail stays (readable under "Audit trails of removed
 * studies") with a line saying so. Refused while its signed meetings or committee decisions are in no backup,
 * unless `confirmText` is the study's name.
 */
export async function deleteStudy(
	db: DoseWatchDatabase,
	studyId: string,
	options: { who: string; at: string; reason: string; confirmText?: string }
): Promise<void> {
	await db.transaction('rw', [...studyTables(db), db.settings], async () => {
		const before = await db.studies.get(studyId);
		if (!before) return;
		await guardUnbacked(db, [studyId], options.confirmText);
		await db.adjudicationLog.where('studyId').equals(studyId).delete();
		await db.ruleSets.where('studyId').equals(studyId).delete();
		await db.reviewMeetings.where('studyId').equals(studyId).delete();
		await db.subjects.where('studyId').equals(studyId).delete();
		await db.doses.where('studyId').equals(studyId).delete();
		await db.aes.where('studyId').equals(studyId).delete();
		await db.safety.where('studyId').equals(studyId).delete();
		await db.studies.delete(studyId);
		await appendAudit(db, {
			at: options.at,
			who: options.who,
			studyId,
			entity: 'study',
			key: before.title,
			action: 'delete',
			before,
			after: null,
			reason: options.reason
		});
	});
}

/**
 * Removes every study, subject, dose and AE; settings and reviewer profiles stay, and so does the audit trail (every
 * study's chain, with a line saying what was cleared). Refused while signed meetings or committee decisions are in
 * no backup, unless `confirmText` names them (confirmationFor).
 */
export async function clearAllData(db: DoseWatchDatabase, options: { who: string; at: string; confirmText?: string }): Promise<void> {
	await db.transaction('rw', [...studyTables(db), db.settings], async () => {
		await guardUnbacked(db, (await db.studies.toArray()).map((s) => s.id), options.confirmText);
		const counts = {
			studies: await db.studies.count(),
			subjects: await db.subjects.count(),
			doses: await db.doses.count(),
			aes: await db.aes.count()
		};
		await Promise.all([db.studies.clear(), db.subjects.clear(), db.doses.clear(), db.aes.clear(), db.adjudicationLog.clear(), db.ruleSets.clear(), db.reviewMeetings.clear(), db.safety.clear()]);
		await appendAudit(db, {
			at: options.at,
			who: options.who,
			studyId: null,
			entity: 'database',
			key: 'all studies',
			action: 'clear',
			before: counts,
			after: null,
			reason: 'Cleared all data from this browser'
		});
	});
}
