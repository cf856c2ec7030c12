/** What the meeting pages and the "new since last review" marks read. */
import type { MeetingData } from '../domain/meeting';
import type { Meeting } from '../domain/types';
import type { DoseWatchDatabase } from './database';
import { loadDltData } from './dlt-queries';
import { listMeetings } from './meeting-repository';

export interface ReviewData {
	/** The study's live data; null when the study or its rule set is missing. */
	live: MeetingData | null;
	meetings: Meeting[];
}

export async function loadReviewData(db: DoseWatchDatabase, studyId: string): Promise<ReviewData | null> {
	const [data, meetings] = await Promise.all([loadDltData(db, studyId), listMeetings(db, studyId)]);
	if (!data) return null;
	return { live: data.ruleSet ? { ...data, ruleSet: data.ruleSet } : null, meetings };
}
