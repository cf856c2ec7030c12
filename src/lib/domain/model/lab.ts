/**
 * One measured safety result: a lab test (LB), a vital sign (VS) or an ECG measure (EG), in the standard units
 * the sponsor's standardised columns give (LBSTRESN, LBSTRESU, LBSTNRLO/HI …).
 */
import type { Dtc, SourceRef } from './common';

export type SafetyDomain = 'LB' | 'VS' | 'EG';

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
	source?: SourceRef;
}
