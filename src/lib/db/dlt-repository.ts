/**
 * Committee adjudications and a study's DLT rule set versions. Each write goes with its audit entry in one
 * transaction. Adjudications are append-only.
 */
import type { DltRuleSet } from '../domain/dlt/rule-types';
import type { Adjudication, ReviewerProfile, Study } from '../domain/types';
import { signContent } from '../io/signatures';
import { findRuleSet } from '../presets/dlt-rule-sets';
import type { DoseWatchDatabase } from './database';
import { appendAudit } from './audit-repository';
import { withStorageErrors } from './storage-errors';
import { newId } from './ids';

/**
 * Appends a committee decision with its audit entry. With a signer, the record is signed with their key first
 * (their printed name becomes `by`); a wrong passphrase throws WrongPassphraseError and nothing is written.
 */
export async function recordAdjudication(db: DoseWatchDatabase, a: Omit<Adjudication, 'id' | 'signature'>, signer?: { profile: ReviewerProfile; passphrase: string; meaning: string }): Promise<void> {
	const unsigned: Adjudication = { ...a, id: newId(), ...(signer ? { by: signer.profile.name } : {}) };
	if (!unsigned.by.trim()) throw new Error('Set your reviewer name before adjudicating: the audit trail needs it.');
	if (!unsigned.reason.trim()) throw new Error('Give the committee’s reason for the decision.');
	const record: Adjudication = signer ? { ...unsigned, signature: await signContent(signer.profile, signer.passphrase, unsigned, signer.meaning, unsigned.at) } : unsigned;
	await withStorageErrors(() =>
		db.transaction('rw', [db.adjudicationLog, db.auditTrail], async () => {
			await db.adjudicationLog.add(record);
			await appendAudit(db, {
				at: record.at,
				who: record.by,
				studyId: record.studyId,
				entity: 'adjudication',
				key: adjudicationKeyText(record),
				action: 'adjudicate',
				before: { engineVerdict: record.engineVerdict, engineRule: record.engineRule, ruleSet: record.ruleSet },
				after: { decision: record.decision, ...(record.signature ? { signedBy: `${record.signature.name} (${record.signature.meaning})` } : {}) },
				reason: record.reason
			});
		})
	);
}

/** How the audit trail names what was decided on: "S-1 AE 3", or for a lab-defined candidate "S-1 NEUT draws from 2026-11-07". */
function adjudicationKeyText(a: Pick<Adjudication, 'usubjid' | 'aeseq' | 'aeId'>): string {
	const lab = a.aeId?.startsWith('lab:') ? a.aeId.split(':') : null;
	return lab && lab.length >= 4 ? `${a.usubjid} ${lab.at(-2)} draws from ${lab.at(-1)}` : `${a.usubjid} AE ${a.aeseq}`;
}

/** The rule set a study uses: a preset, or one of its own saved versions. */
export async function resolveRuleSet(db: DoseWatchDatabase, id: string): Promise<DltRuleSet | undefined> {
	return findRuleSet(id) ?? (await db.ruleSets.get(id))?.ruleSet;
}

/**
 * The study's rule set versions that may still judge a subject, newest first: the current one, then each version
 * it superseded, back to one in force from the study's start (a preset, or a version saved without an effective
 * date). rule-set-versions.ts decides which judges whom.
 */
export async function resolveRuleSetVersions(db: DoseWatchDatabase, id: string): Promise<DltRuleSet[]> {
	const out: DltRuleSet[] = [];
	const seen = new Set<string>();
	let key: string | undefined = id;
	while (key && !seen.has(key)) {
		seen.add(key);
		const set = await resolveRuleSet(db, key);
		if (!set) break;
		out.push(set);
		if (!set.effectiveFrom) break;
		key = set.supersedes;
	}
	return out;
}

export { checkRuleSet, parseRuleSetText, type RuleSetParse } from '../presets/dlt-rule-sets';

/**
 * Saves an edited rule set as the study's next version and points the study at it. Earlier versions stay, so
 * adjudications keep the version their engine verdict was made under. With `effectiveFrom` (a protocol
 * amendment), subjects first dosed before that date stay judged by the version they had; without it, the new
 * version judges everyone (a correction from the study's start).
 */
export async function saveRuleSetVersion(
	db: DoseWatchDatabase,
	study: Study,
	edited: DltRuleSet,
	ctx: { who: string; at: string; reason: string; effectiveFrom?: string | null; amendment?: string }
): Promise<string> {
	if (!ctx.who.trim()) throw new Error('Set your reviewer name before changing the DLT rules.');
	if (!ctx.reason.trim()) throw new Error('Say why the DLT rules are changed.');
	const effectiveFrom = ctx.effectiveFrom || null;
	if (effectiveFrom && !/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) throw new Error(`The effective date "${effectiveFrom}" is not a YYYY-MM-DD date.`);
	const amendment = ctx.amendment?.trim() ?? '';
	return withStorageErrors(() =>
		db.transaction('rw', [db.ruleSets, db.studies, db.auditTrail], async () => {
			const current = await resolveRuleSet(db, study.dltRuleSet);
			const own = await db.ruleSets.where('studyId').equals(study.id).toArray();
			const version = Math.max(current?.version ?? 0, ...own.map((r) => r.ruleSet.version)) + 1;
			const id = `study-${study.id}`;
			const key = `${id}@${version}`;
			const before = await db.studies.get(study.id);
			const { effectiveFrom: _e, amendment: _a, supersedes: _s, ...rules } = edited;
			const ruleSet: DltRuleSet = {
				...rules,
				id,
				version,
				...(effectiveFrom ? { effectiveFrom } : {}),
				...(amendment ? { amendment } : {}),
				...(before?.dltRuleSet ? { supersedes: before.dltRuleSet } : {})
			};
			await db.ruleSets.add({ key, studyId: study.id, ruleSet, savedBy: ctx.who, savedAt: ctx.at, reason: ctx.reason });
			await db.studies.update(study.id, { dltRuleSet: key });
			await appendAudit(db, {
				at: ctx.at,
				who: ctx.who,
				studyId: study.id,
				entity: 'rules',
				key,
				action: 'create',
				before: { dltRuleSet: before?.dltRuleSet },
				after: {
					dltRuleSet: key,
					appliesTo: effectiveFrom ? `subjects first dosed on or after ${effectiveFrom}` : 'every subject (from the study’s start)',
					...(amendment ? { amendment } : {})
				},
				reason: ctx.reason
			});
			return key;
		})
	);
}
