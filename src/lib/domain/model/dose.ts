/** One administration of a study drug (an EX record); a held dose is one with dose 0. */
import type { Dtc, SourceRef } from './common';

export interface DoseAdministration {
	studyId: string;
	usubjid: string;
	/** EXSEQ: unique within the subject. */
	seq: number;
	/** Drug code (EX.EXTRT mapped to a study drug). */
	drug: string;
	start: Dtc;
	end: Dtc | null;
	dose: number;
	unit: string;
	cycle: number | null;
	day: number | null;
	source?: SourceRef;
}
