/**
 * Writes to a study as a whole (an import runs in a worker: import-job.ts): its escalation design, its DLT rules, its removal, clearing the
 * browser. Each as the reviewer set in this browser, now, with a reason, in one audited transaction.
 */
import { checkRuleSet, saveRuleSetVersion } from '$lib/db/dlt-repository';
import { clearAllData, deleteStudy, saveStudy } from '$lib/db/study-repository';
import { loadDemoOnFirstStart, loadDemoStudies } from './demo.service';
import { db } from '$lib/state/db';
import { nowIso, reviewer } from '$lib/state/app';
import type { EscalationDesign, Study } from '$lib/domain/types';
import type { DltRuleSet } from '$lib/domain/dlt/rule-types';
import { applySettings, type StudySettings } from '$lib/domain/study-settings';

/** A name for entries made before a reviewer name is set (loading or removing the demo). */
const who = () => reviewer.name || 'unnamed reviewer';


export const saveDesign = (study: Study, design: EscalationDesign, reason: string) => saveStudy(db, { ...study, design }, { who: reviewer.name, at: nowIso(), reason });
/**
 * Dose levels (order, labels, control arms), drugs (placebo), DLT rule set and window, design and data cut-off,
 * with a reason: one audited write, and every verdict follows.
 */
export function saveStudySettings(study: Study, settings: StudySettings, reason: string): Promise<void> {
	const ctx = { who: reviewer.name, at: nowIso(), reason };
	return saveStudy(db, applySettings(study, settings, ctx), ctx);
}

/** The study's own CTCAE term per lab test and direction, with a reason: one audited write; the grades follow. */
export function saveLabMapping(study: Study, labMapping: NonNullable<Study['labMapping']>, reason: string): Promise<void> {
	const { labMapping: _old, ...rest } = study;
	return saveStudy(db, Object.keys(labMapping).length ? { ...rest, labMapping } : rest, { who: reviewer.name, at: nowIso(), reason });
}

/** The anti-drug antibody cut-point (null: none), with a reason: one audited write. */
export function saveAdaCutPoint(study: Study, adaCutPoint: NonNullable<Study['adaCutPoint']> | null, reason: string): Promise<void> {
	const { adaCutPoint: _old, ...rest } = study;
	return saveStudy(db, adaCutPoint ? { ...rest, adaCutPoint } : rest, { who: reviewer.name, at: nowIso(), reason });
}

/** How the best overall response is read (null: RECIST 1.1's defaults), with a reason: one audited write. */
export function saveResponseSettings(study: Study, responseSettings: NonNullable<Study['responseSettings']> | null, reason: string): Promise<void> {
	const { responseSettings: _old, ...rest } = study;
	return saveStudy(db, responseSettings ? { ...rest, responseSettings } : rest, { who: reviewer.name, at: nowIso(), reason });
}

/** The study's own limits for abnormal vital signs and QTcF (null: the defaults), with a reason: one audited write. */
export function saveSafetyLimits(study: Study, safetyLimits: NonNullable<Study['safetyLimits']> | null, reason: string): Promise<void> {
	const { safetyLimits: _old, ...rest } = study;
	return saveStudy(db, safetyLimits ? { ...rest, safetyLimits } : rest, { who: reviewer.name, at: nowIso(), reason });
}

/**
 * Saves edited rules as the study's next rule set version: from `effectiveFrom` for a protocol amendment (subjects
 * dosed before keep their version), or for every subject when it is ''. The problem in words when they do not check.
 */
export async function saveRules(study: Study, edited: DltRuleSet, options: { reason: string; effectiveFrom: string; amendment: string }): Promise<string | null> {
	const checked = checkRuleSet(edited);
	if (!checked.ok) return checked.error;
	try {
		await saveRuleSetVersion(db, study, checked.ruleSet, { who: reviewer.name, at: nowIso(), reason: options.reason, effectiveFrom: options.effectiveFrom || null, amendment: options.amendment });
		return null;
	} catch (e) {
		return e instanceof Error ? e.message : String(e);
	}
}

/** Removing refuses while signed meetings or committee decisions are in no backup (UnbackedRecordsError), unless confirmText names them. */
export const removeStudy = (studyId: string, reason: string, confirmText?: string) => deleteStudy(db, studyId, { who: who(), at: nowIso(), reason, confirmText });
export const clearBrowser = (confirmText?: string) => clearAllData(db, { who: who(), at: nowIso(), confirmText });
export { UnbackedRecordsError, confirmationFor } from '$lib/db/study-repository';
export const loadDemos = (fetcher: typeof fetch, base: string) => loadDemoStudies(db, fetcher, base, nowIso());
/** Loads the demo studies into an empty database, once (they do not come back after being removed). */
export const loadDemosOnFirstStart = (fetcher: typeof fetch, base: string) => loadDemoOnFirstStart(db, fetcher, base, nowIso());

/** Every study stored in this browser (a read, for the settings page). */
export const studiesInBrowser = () => db.studies.toArray();
/** One study record (a read, for the import page's target). */
export const studyRecord = async (id: string) => (await db.studies.get(id)) ?? null;
