/** Everything about one subject, for the subject page. */
import { computeFirstExposure, computeLastExposure } from '../domain/first-exposure';
import { deriveTeae, type TeaeResult } from '../domain/derive-teae';
import { compareDtc } from '../domain/partial-date';
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
}

export async function loadSubjectData(db: DoseWatchDatabase, studyId: string, usubjid: string): Promise<SubjectData | null> {
	return db.transaction('r', [db.studies, db.subjects, db.doses, db.aes, db.adjudicationLog, db.ruleSets], async () => {
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
		const [ruleSet, adjudications] = await Promise.all([
			resolveRuleSet(db, study.dltRuleSet),
			db.adjudicationLog.where('studyId').equals(studyId).filter((a) => a.usubjid === usubjid).toArray()
		]);
		return { study, subject, doses, aes, firstDose, teae, ruleSet: ruleSet ?? null, adjudications };
	});
}

