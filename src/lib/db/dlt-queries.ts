/** What the DLT page reads: the study's data, its rule set and the committee's adjudications. */
import type { DltRuleSet } from '../domain/dlt/rule-types';
import type { Adjudication } from '../domain/types';
import type { DoseWatchDatabase } from './database';
import { resolveRuleSet } from './dlt-repository';
import { loadStudyData, type StudyData } from './study-queries';

export interface DltData extends StudyData {
	ruleSet: DltRuleSet | null;
	adjudications: Adjudication[];
}

export async function loadDltData(db: DoseWatchDatabase, studyId: string): Promise<DltData | null> {
	const data = await loadStudyData(db, studyId);
	if (!data) return null;
	const [ruleSet, adjudications] = await Promise.all([
		resolveRuleSet(db, data.study.dltRuleSet),
		db.adjudicationLog.where('studyId').equals(studyId).toArray()
	]);
	return { ...data, ruleSet: ruleSet ?? null, adjudications };
}
