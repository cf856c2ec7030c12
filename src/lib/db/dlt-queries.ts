/** What the DLT page reads: the study's data, its rule set and the committee's adjudications. */
import type { DltRuleSet } from '../domain/dlt/rule-types';
import type { Adjudication, SafetyResult } from '../domain/types';
import type { DoseWatchDatabase } from './database';
import { resolveRuleSetVersions } from './dlt-repository';
import { loadStudyData, type StudyData } from './study-queries';

export interface DltData extends StudyData {
	ruleSet: DltRuleSet | null;
	/** Every version still judging a subject, newest first (after a protocol amendment, more than one). */
	ruleSetVersions: DltRuleSet[];
	/** Lab, vital-sign and ECG results. */
	safety: SafetyResult[];
	adjudications: Adjudication[];
}

export async function loadDltData(db: DoseWatchDatabase, studyId: string): Promise<DltData | null> {
	const data = await loadStudyData(db, studyId);
	if (!data) return null;
	const [ruleSetVersions, adjudications, safety] = await Promise.all([
		resolveRuleSetVersions(db, data.study.dltRuleSet),
		db.adjudicationLog.where('studyId').equals(studyId).toArray(),
		db.safety.where('studyId').equals(studyId).toArray()
	]);
	return { ...data, ruleSet: ruleSetVersions[0] ?? null, ruleSetVersions, safety, adjudications };
}
