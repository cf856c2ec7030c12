/**
 * Writes that change many records at once: committing an import, deleting a study, clearing the database.
 * Each is one Dexie transaction naming every table it touches, so it happens whole or not at all.
 */
import type { AuditEntry, Study } from '../domain/types';
import { hasErrors, type ImportPlan } from '../io/import-types';
import { studyTables, type DoseWatchDatabase } from './database';
import { withStorageErrors } from './storage-errors';

export class ImportRefusedError extends Error {
	constructor(count: number) {
		super(`The import has ${count} error(s); nothing was written. Fix the files and preview again.`);
		this.name = 'ImportRefusedError';
	}
}

export interface CommitOptions {
	who: string;
	at: string;
	/** The files the plan came from, for the audit trail. */
	files: string[];
}

/**
 * Writes an import plan. Into a new study, or replacing the subjects, doses and AEs of the plan's existing
 * study (a new EDC export is a full snapshot). Attribution history of an event that was already stored is kept,
 * with the change the new export makes appended, so re-imports never erase who said what and when.
 */
export async function commitImport(db: DoseWatchDatabase, plan: ImportPlan, options: CommitOptions): Promise<void> {
	const errors = plan.problems.filter((p) => p.severity === 'error').length;
	if (hasErrors(plan.problems)) throw new ImportRefusedError(errors);
	const studyId = plan.study.id;
	await withStorageErrors(() =>
		db.transaction('rw', [db.studies, db.subjects, db.doses, db.aes, db.audit], async () => {
			const existing = await db.studies.get(studyId);
			if (plan.isNewStudy && existing) throw new Error(`A study with id ${studyId} already exists`);
			let aes = plan.aes;
			if (existing) {
				const previous = new Map(
					(await db.aes.where('studyId').equals(studyId).toArray()).map((a) => [`${a.usubjid}\u0000${a.aeseq}`, a])
				);
				aes = plan.aes.map((a) => {
					const old = previous.get(`${a.usubjid}\u0000${a.aeseq}`);
					if (!old) return a;
					const changed = a.attributionHistory.filter((r) => (old.attribution[r.drug] ?? null) !== r.to);
					return {
						...a,
						rev: old.rev + 1,
						attributionHistory: [
							...old.attributionHistory,
							...changed.map((r) => ({ ...r, from: old.attribution[r.drug] ?? null }))
						]
					};
				});
				await db.subjects.where('studyId').equals(studyId).delete();
				await db.doses.where('studyId').equals(studyId).delete();
				await db.aes.where('studyId').equals(studyId).delete();
			}
			await db.studies.put(plan.study);
			await db.subjects.bulkAdd(plan.subjects);
			await db.doses.bulkAdd(plan.doses);
			await db.aes.bulkAdd(aes);
			const entry: AuditEntry = {
				at: options.at,
				who: options.who,
				studyId,
				entity: 'study',
				key: plan.study.title,
				action: 'import',
				before: existing ? { study: existing } : null,
				after: {
					files: options.files,
					counts: { subjects: plan.subjects.length, doses: plan.doses.length, aes: plan.aes.length },
					mode: existing ? 'replaced the study data' : 'new study'
				},
				reason: `Import of ${options.files.join(', ')}`
			};
			await db.audit.add(entry);
		})
	);
}

export async function saveStudy(
	db: DoseWatchDatabase,
	study: Study,
	options: { who: string; at: string; reason: string }
): Promise<void> {
	await withStorageErrors(() =>
		db.transaction('rw', [db.studies, db.audit], async () => {
			const before = (await db.studies.get(study.id)) ?? null;
			await db.studies.put(study);
			await db.audit.add({
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

/** Deletes one study and everything recorded for it; the audit trail keeps a line saying so. */
export async function deleteStudy(
	db: DoseWatchDatabase,
	studyId: string,
	options: { who: string; at: string; reason: string }
): Promise<void> {
	await db.transaction('rw', studyTables(db), async () => {
		const before = await db.studies.get(studyId);
		if (!before) return;
		await db.adjudications.where('studyId').equals(studyId).delete();
		await db.ruleSets.where('studyId').equals(studyId).delete();
		await db.meetings.where('studyId').equals(studyId).delete();
		await db.subjects.where('studyId').equals(studyId).delete();
		await db.doses.where('studyId').equals(studyId).delete();
		await db.aes.where('studyId').equals(studyId).delete();
		await db.studies.delete(studyId);
		await db.audit.add({
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

/** Removes every study, subject, dose and AE; settings (reviewer name) stay. The audit trail records the clearing. */
export async function clearAllData(db: DoseWatchDatabase, options: { who: string; at: string }): Promise<void> {
	await db.transaction('rw', studyTables(db), async () => {
		const counts = {
			studies: await db.studies.count(),
			subjects: await db.subjects.count(),
			doses: await db.doses.count(),
			aes: await db.aes.count()
		};
		await Promise.all([db.studies.clear(), db.subjects.clear(), db.doses.clear(), db.aes.clear(), db.adjudications.clear(), db.ruleSets.clear(), db.meetings.clear()]);
		await db.audit.add({
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
