/** Everything about one subject, for the subject page. */
import { computeFirstExposure, computeLastExposure } from '../domain/first-exposure';
import { deriveTeae, type TeaeResult } from '../domain/derive-teae';
import { compareDtc, datePart } from '../domain/partial-date';
import type { Adjudication, AdverseEvent, DoseAdministration, Dtc, Study, Subject } from '../domain/types';
import type { DltRuleSet } from '../domain/dlt/rule-types';
import { resolveRuleSet } from './dlt-repository';
import type { DoseWatchDatabase } from './database';

export interface SubjectData {
	study: Study;
	subject: Subject;
	doses: DoseAdministration[];
	aes: AdverseEvent[];
	firstDose: Dtc | null;
	/** Treatment-emergent flag per AESEQ. */
	teae: Map<number, TeaeResult>;
	ruleSet: DltRuleSet | null;
	adjudications: Adjudication[];
	/** The study's last complete recorded date (what the DLT page reads a study without a cut-off as of). */
	studyLastDate: string | null;
}

export async function loadSubjectData(db: DoseWatchDatabase, studyId: string, usubjid: string): Promise<SubjectData | null> {
	return db.transaction('r', [db.studies, db.subjects, db.doses, db.aes, db.adjudications, db.ruleSets], async () => {
		const [study, subject] = await Promise.all([db.studies.get(studyId), db.subjects.get([studyId, usubjid])]);
		if (!study || !subject) return null;
		const doses = (await db.doses.where('[studyId+usubjid]').equals([studyId, usubjid]).toArray()).sort(
			(a, b) => compareDtc(a.start, b.start) || a.seq - b.seq
		);
		const aes = (await db.aes.where('[studyId+usubjid]').equals([studyId, usubjid]).toArray()).sort(
			(a, b) => compareDtc(a.start, b.start) || a.aeseq - b.aeseq
		);
		const firstDose = computeFirstExposure(subject, doses);
		const last = computeLastExposure(doses);
		const teae = new Map(aes.map((a) => [a.aeseq, deriveTeae(a, firstDose, last, study.teaeWindowDays)]));
		const [ruleSet, adjudications, studyLastDate] = await Promise.all([
			resolveRuleSet(db, study.dltRuleSet),
			db.adjudications.where('studyId').equals(studyId).filter((a) => a.usubjid === usubjid).toArray(),
			// Only needed without a cut-off: the same as-of as the DLT page, whichever subject is open.
			study.dataCutoff ? Promise.resolve(null) : lastRecordedDate(db, studyId)
		]);
		return { study, subject, doses, aes, firstDose, teae, ruleSet: ruleSet ?? null, adjudications, studyLastDate };
	});
}

/** The last complete date recorded in a study's doses and AEs, read without keeping the records. */
async function lastRecordedDate(db: DoseWatchDatabase, studyId: string): Promise<string | null> {
	let latest: string | null = null;
	const see = (r: { start: string | null; end: string | null }) => {
		for (const d of [datePart(r.start), datePart(r.end)]) if (d && (latest === null || d > latest)) latest = d;
	};
	await db.doses.where('studyId').equals(studyId).each(see);
	await db.aes.where('studyId').equals(studyId).each(see);
	return latest;
}
