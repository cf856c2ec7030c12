/** What the meeting pages and the "new since last review" marks read. */
import type { MeetingData } from '../domain/meeting';
import type { Meeting, Study } from '../domain/types';
import type { DoseWatchDatabase } from './database';
import { loadDltData, type DltData } from './dlt-queries';
import { listMeetings } from './meeting-repository';
import { withStudyMapping } from '../domain/labs/grade-labs';
import { studyLabs, type StudyLabs } from '../domain/labs/study-labs';
import { CTCAE_LAB_GRADING } from '../presets/lab-grading';

export interface ReviewData {
	study: Study;
	/** The study's records and rule set (null when the rule set is not known here). */
	data: DltData;
	/** The study's live data with its rule set; null when the rule set is not known here. */
	live: MeetingData | null;
	/** Its lab results graded to CTCAE v5.0, and the toxicity episodes read from its counts. */
	labs: StudyLabs;
	meetings: Meeting[];
}

export async function loadReviewData(db: DoseWatchDatabase, studyId: string): Promise<ReviewData | null> {
	const [data, meetings] = await Promise.all([loadDltData(db, studyId), listMeetings(db, studyId)]);
	if (!data) return null;
	const labs = studyLabs(data.subjects, data.doses, data.safety, withStudyMapping(CTCAE_LAB_GRADING, data.study.labMapping));
	return { study: data.study, data, live: data.ruleSet ? { ...data, ruleSet: data.ruleSet, labEpisodes: labs.episodes } : null, labs, meetings };
}
