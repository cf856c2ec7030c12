/**
 * One measured safety result: a lab test (LB), a vital sign (VS) or an ECG measure (EG), in the standard units
 * the sponsor's standardised columns give (LBSTRESN, LBSTRESU, LBSTNRLO/HI …).
 */
import type { Dtc, SourceRef } from './common';
import type { AdverseEvent, Grade } from './adverse-event';

/** LB labs, VS vital signs, EG ECG, IS immunogenicity (anti-drug antibodies), RS tumour response, TR tumour measurements. */
export const SAFETY_DOMAINS = ['LB', 'VS', 'EG', 'IS', 'RS', 'TR'] as const;
export type SafetyDomain = (typeof SAFETY_DOMAINS)[number];

export interface SafetyResult {
	studyId: string;
	usubjid: string;
	domain: SafetyDomain;
	/** LBSEQ / VSSEQ / EGSEQ. */
	seq: number;
	/** LBTESTCD / VSTESTCD / EGTESTCD. */
	testcd: string;
	test: string;
	category: string;
	/** The standardised numeric result (LBSTRESN); null when there is none. */
	value: number | null;
	/** The standardised result as text (LBSTRESC), kept for results that are not numbers. */
	text: string;
	unit: string;
	/** Normal range in the standard unit (LBSTNRLO / LBSTNRHI). */
	low: number | null;
	high: number | null;
	/** LBNRIND: HIGH, LOW, NORMAL, ABNORMAL …, as recorded. */
	nrind: string;
	/** LBBLFL = Y: the sponsor's own baseline flag. */
	baselineFlag: boolean;
	date: Dtc | null;
	visit: string;
	/** VSPOS / EGPOS (SUPINE, STANDING …) when given. */
	position?: string;
	/** VSTPT / EGTPT / LBTPT: the planned time point (a triplicate's member, "PRE-DOSE" …) when given. */
	timepoint?: string;
	/** RSEVAL: who assessed a response (INVESTIGATOR, INDEPENDENT ASSESSOR). */
	evaluator?: string;
	/** RSACPTFL = Y: the accepted read where two radiologists read. */
	accepted?: boolean;
	/** TRGRPID: TARGET, NON-TARGET or NEW lesions (TR). */
	group?: string;
	source?: SourceRef;
}

/** One draw of a toxicity episode read from the counts (labs/lab-episodes.ts). */
export interface LabDraw {
	seq: number;
	/** The draw's date (YYYY-MM-DD). */
	date: string;
	value: number | null;
	unit: string;
	grade: number;
}

export interface LabEpisode {
	studyId: string;
	usubjid: string;
	testcd: string;
	/** The CTCAE term graded (Neutrophil count decreased). */
	term: string;
	/** The draws from the first abnormal one (grade ≥ 1) to the last before recovery. */
	draws: LabDraw[];
	/** The first draw back at grade 0 after them; null while the episode is ongoing at the last draw. */
	recovery: LabDraw | null;
	worst: Grade;
	/** A stable negative number standing for AESEQ, so committee decisions and reviews can name the episode. */
	key: number;
	shortest: AdverseEvent;
	longest: AdverseEvent;
}


/** One cell of the safety outcomes table: subjects with abnormal results of a kind, of those with such results. */
export interface OutcomeCell {
	/** Subjects with a result of this kind after the first dose; null: no data of this kind in the study. */
	of: number | null;
	abnormal: number;
}

/** Protocol 001's safety outcomes (domain/labs/safety-outcomes.ts): one row per kind of result, a cell per dose level. */
export interface OutcomeRow {
	outcome: string;
	/** How abnormal is defined here. */
	definition: string;
	cells: Record<string, OutcomeCell>;
}
