/** An adverse event with its grade history, seriousness and attribution, and the key that names it. */
import type { Dtc, SourceRef } from './common';
import type { AttributionRevision, Relatedness } from './attribution';

export type Grade = 1 | 2 | 3 | 4 | 5;

export interface GradeChange {
	grade: Grade;
	/** When the event reached this grade. */
	from: Dtc;
}

export const SERIOUS_CRITERIA = [
	{ code: 'AESDTH', label: 'Results in death' },
	{ code: 'AESLIFE', label: 'Life-threatening' },
	{ code: 'AESHOSP', label: 'Hospitalisation' },
	{ code: 'AESDISAB', label: 'Disability' },
	{ code: 'AESCONG', label: 'Congenital anomaly' },
	{ code: 'AESMIE', label: 'Other medically important' },
	// Retired in SDTMIG 3.2 but still present in older exports such as the CDISC pilot.
	{ code: 'AESCAN', label: 'Cancer' },
	{ code: 'AESOD', label: 'Overdose' }
] as const;
export type SeriousCriterion = (typeof SERIOUS_CRITERIA)[number]['code'];

export interface AdverseEvent {
	/**
	 * DoseWatch's own identity of the event (a UUID), kept when a re-export renumbers AESEQ: committee decisions
	 * and attribution history belong to it. Given when the event is first stored.
	 */
	id?: string;
	/** AESPID, the sponsor-defined identifier, when the export has one: the first thing a re-import matches on. */
	spid?: string | null;
	studyId: string;
	usubjid: string;
	aeseq: number;
	/** AETERM as the investigator wrote it. */
	verbatim: string;
	/** CTCAE v5.0 term (AEDECOD). */
	term: string;
	/** System organ class (AEBODSYS / AESOC). */
	soc: string;
	/** MedDRA preferred term and lowest level term codes (AEPTCD, AELLTCD), when the export has them. */
	ptCode?: string | null;
	lltCode?: string | null;
	/** Worst grade of the event (AETOXGR), null when not recorded. */
	grade: Grade | null;
	/** True when the grade was derived from AESEV rather than recorded as a CTCAE grade. */
	gradeDerived: boolean;
	/** Each grade the event reached, with the date it did, in time order. */
	gradeHistory: GradeChange[];
	start: Dtc | null;
	end: Dtc | null;
	serious: boolean | null;
	seriousCriteria: SeriousCriterion[];
	/** Current attribution to each study drug, keyed by drug code. */
	attribution: Record<string, Relatedness | null>;
	/** Every attribution ever recorded, oldest first. */
	attributionHistory: AttributionRevision[];
	action: string;
	outcome: string;
	/** Treatment given for the event (AECONTRT). */
	treated: boolean | null;
	notes: string;
	/** Incremented on every save, so concurrent edits can be detected. */
	rev: number;
	source?: SourceRef;
}

/**
 * The one key that names an AE within a study, `usubjid|aeseq`: verdict maps, committee decisions, what is new
 * since a review and signed snapshots all use it.
 */
export function aeKey(ae: Pick<AdverseEvent, 'usubjid' | 'aeseq'>): string {
	return `${ae.usubjid}|${ae.aeseq}`;
}
