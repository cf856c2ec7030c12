/** Read-side queries the pages share. */
import type { DoseWatchDatabase } from './database';
import type { AdverseEvent, DoseAdministration, Study, Subject } from '../domain/types';

export interface StudySummary {
	study: Study;
	subjects: number;
	aes: number;
}

export async function listStudySummaries(db: DoseWatchDatabase): Promise<StudySummary[]> {
	const studies = await db.studies.toArray();
	const out: StudySummary[] = [];
	for (const study of studies) {
		out.push({
			study,
			subjects: await db.subjects.where('studyId').equals(study.id).count(),
			aes: await db.aes.where('studyId').equals(study.id).count()
		});
	}
	return out.sort((a, b) => Number(b.study.isDemo === false) - Number(a.study.isDemo === false) || a.study.title.localeCompare(b.study.title));
}

export interface StudyData {
	study: Study;
	subjects: Subject[];
	doses: DoseAdministration[];
	aes: AdverseEvent[];
}

/** Everything recorded for one study, or null when there is no such study. */
export async function loadStudyData(db: DoseWatchDatabase, studyId: string): Promise<StudyData | null> {
	return db.transaction('r', [db.studies, db.subjects, db.doses, db.aes], async () => {
		const study = await db.studies.get(studyId);
		if (!study) return null;
		const [subjects, doses, aes] = await Promise.all([
			db.subjects.where('studyId').equals(studyId).toArray(),
			db.doses.where('studyId').equals(studyId).toArray(),
			db.aes.where('studyId').equals(studyId).toArray()
		]);
		return { study, subjects, doses, aes };
	});
}
