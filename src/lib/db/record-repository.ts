/**
 * Hand edits of subjects, doses and AEs. Every write goes with its audit entry in one transaction;
 * an AE save checks the revision it was based on, so two people editing one event never silently overwrite
 * each other.
 */
import { deriveAttributionHistory } from '../domain/derive-attribution-revisions';
import type { AdverseEvent, AuditEntity, DoseAdministration, Subject } from '../domain/types';
import type { DoseWatchDatabase } from './database';
import { appendAudit } from './audit-repository';
import { newId } from './ids';
import { withStorageErrors } from './storage-errors';

export interface EditContext {
	who: string;
	at: string;
	reason: string;
}

export class EditConflictError extends Error {
	constructor(
		readonly mine: AdverseEvent,
		readonly theirs: AdverseEvent
	) {
		super(
			`AE ${theirs.aeseq} of ${theirs.usubjid} was changed by someone else since you opened it. ` +
				'Nothing was saved: review their version and apply your change again.'
		);
		this.name = 'EditConflictError';
	}
}

function requireWho(ctx: EditContext) {
	if (!ctx.who.trim()) throw new Error('Set your reviewer name in Settings before changing data: the audit trail needs it.');
}

function audit(db: DoseWatchDatabase, ctx: EditContext, entity: AuditEntity, studyId: string, key: string, before: unknown, after: unknown) {
	return appendAudit(db, {
		at: ctx.at,
		who: ctx.who,
		studyId,
		entity,
		key,
		action: before === null ? 'create' : after === null ? 'delete' : 'update',
		before,
		after,
		reason: ctx.reason
	});
}

/** Creates or updates a subject. `isNew` refuses to overwrite an existing USUBJID. */
export async function saveSubject(db: DoseWatchDatabase, subject: Subject, ctx: EditContext, isNew: boolean) {
	requireWho(ctx);
	await withStorageErrors(() =>
		db.transaction('rw', [db.subjects, db.auditTrail], async () => {
			const before = (await db.subjects.get([subject.studyId, subject.usubjid])) ?? null;
			if (isNew && before) throw new Error(`Subject ${subject.usubjid} already exists in this study`);
			await db.subjects.put(subject);
			await audit(db, ctx, 'subject', subject.studyId, subject.usubjid, before, subject);
		})
	);
}

/** Deletes a subject with its doses and AEs. */
export async function deleteSubject(db: DoseWatchDatabase, studyId: string, usubjid: string, ctx: EditContext) {
	requireWho(ctx);
	await db.transaction('rw', [db.subjects, db.doses, db.aes, db.auditTrail], async () => {
		const before = await db.subjects.get([studyId, usubjid]);
		if (!before) return;
		const doses = await db.doses.where('[studyId+usubjid]').equals([studyId, usubjid]).toArray();
		const aes = await db.aes.where('[studyId+usubjid]').equals([studyId, usubjid]).toArray();
		await db.doses.where('[studyId+usubjid]').equals([studyId, usubjid]).delete();
		await db.aes.where('[studyId+usubjid]').equals([studyId, usubjid]).delete();
		await db.subjects.delete([studyId, usubjid]);
		await audit(db, ctx, 'subject', studyId, usubjid, { subject: before, doses, aes }, null);
	});
}

/** Next free sequence number for a subject's doses or AEs. */
async function nextSeq(
	table: DoseWatchDatabase['doses'] | DoseWatchDatabase['aes'],
	studyId: string,
	usubjid: string,
	field: 'seq' | 'aeseq'
): Promise<number> {
	const rows = await table.where('[studyId+usubjid]').equals([studyId, usubjid]).toArray();
	return rows.reduce((m, r) => Math.max(m, (r as unknown as Record<string, number>)[field] ?? 0), 0) + 1;
}

/** Saves a dose; a dose without a sequence number (0) is new and gets the next one. Returns the saved dose. */
export async function saveDose(db: DoseWatchDatabase, dose: DoseAdministration, ctx: EditContext): Promise<DoseAdministration> {
	requireWho(ctx);
	return withStorageErrors(() =>
		db.transaction('rw', [db.doses, db.auditTrail], async () => {
			const saved = dose.seq > 0 ? dose : { ...dose, seq: await nextSeq(db.doses, dose.studyId, dose.usubjid, 'seq') };
			const before = (await db.doses.get([saved.studyId, saved.usubjid, saved.seq])) ?? null;
			await db.doses.put(saved);
			await audit(db, ctx, 'dose', saved.studyId, `${saved.usubjid} dose ${saved.seq}`, before, saved);
			return saved;
		})
	);
}

export async function deleteDose(db: DoseWatchDatabase, key: [string, string, number], ctx: EditContext) {
	requireWho(ctx);
	await db.transaction('rw', [db.doses, db.auditTrail], async () => {
		const before = await db.doses.get(key);
		if (!before) return;
		await db.doses.delete(key);
		await audit(db, ctx, 'dose', key[0], `${key[1]} dose ${key[2]}`, before, null);
	});
}

/**
 * Saves an AE. A new AE (aeseq 0) gets the next sequence number. An existing one must still be at the revision
 * the editor started from (`ae.rev`), else EditConflictError carries both versions. Attribution changes are
 * appended to the event's attribution history. Returns the saved AE.
 */
export async function saveAe(db: DoseWatchDatabase, ae: AdverseEvent, ctx: EditContext): Promise<AdverseEvent> {
	requireWho(ctx);
	return withStorageErrors(() =>
		db.transaction('rw', [db.aes, db.auditTrail], async () => {
			const isNew = ae.aeseq <= 0;
			const aeseq = isNew ? await nextSeq(db.aes, ae.studyId, ae.usubjid, 'aeseq') : ae.aeseq;
			const before = isNew ? null : ((await db.aes.get([ae.studyId, ae.usubjid, aeseq])) ?? null);
			if (before && before.rev !== ae.rev) throw new EditConflictError(ae, before);
			const saved: AdverseEvent = {
				...ae,
				id: before?.id ?? ae.id ?? newId(),
				aeseq,
				rev: (before?.rev ?? 0) + 1,
				attributionHistory: deriveAttributionHistory(before, ae, ctx.who, ctx.at, ctx.reason)
			};
			await db.aes.put(saved);
			await audit(db, ctx, 'ae', ae.studyId, `${ae.usubjid} AE ${aeseq}`, before, saved);
			return saved;
		})
	);
}

export async function deleteAe(db: DoseWatchDatabase, key: [string, string, number], ctx: EditContext) {
	requireWho(ctx);
	await db.transaction('rw', [db.aes, db.auditTrail], async () => {
		const before = await db.aes.get(key);
		if (!before) return;
		await db.aes.delete(key);
		await audit(db, ctx, 'ae', key[0], `${key[1]} AE ${key[2]}`, before, null);
	});
}
