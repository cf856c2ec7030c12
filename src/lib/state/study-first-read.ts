/** The early read of a study page opened directly: the same query its review state's live query runs. */
import { loadReviewData } from '$lib/db/meeting-queries';
import { db } from './db';
import { startFirstRead } from './first-read';

export function startStudyRead(studyId: string): void {
	startFirstRead(studyId, () => loadReviewData(db, studyId));
}
