/** A subject of a study: dose level, status, and the dates that decide DLT evaluability. */
import type { Dtc, SourceRef } from './common';

export const SUBJECT_STATUSES = [
	'screening',
	'on_treatment',
	'completed',
	'discontinued',
	'screen_failure',
	'not_treated'
] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

export interface Subject {
	studyId: string;
	usubjid: string;
	/** Dose level actually received (DM.ACTARMCD), null for screen failures and untreated subjects. */
	doseLevel: string | null;
	site: string;
	sex: 'F' | 'M' | 'U' | '';
	age: number | null;
	/** Informed consent or enrolment date (DM.RFICDTC, else DM.RFSTDTC). */
	enrolled: Dtc | null;
	status: SubjectStatus;
	/** First exposure from a source without EX rows (ADaM ADSL.TRTSDTM); EX rows take precedence. */
	refStart: Dtc | null;
	/**
	 * When and why the subject left the study early (DS disposition event other than completion): a subject who
	 * leaves before the end of the DLT window without a DLT has not completed it and is not DLT-evaluable.
	 */
	discontinued?: { date: Dtc; reason: string } | null;
	/**
	 * A death recorded outside AE: DM.DTHDTC / DTHFL, or a DS disposition of death. `date` is null when only the
	 * flag says so. Deaths recorded in AE (grade 5, AESDTH, AEOUT = FATAL) are read from the AEs themselves.
	 */
	death?: { date: Dtc | null; source: string } | null;
	source?: SourceRef;
}
