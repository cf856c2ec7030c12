/**
 * One subject's doses and AEs in time order, each with its study day: the sequence a medical monitor reads to
 * see what happened after which dose. Partial dates sort at the start of their period and have no study day.
 */
import { compareDtc, computeStudyDay } from './partial-date';
import type { AdverseEvent, DoseAdministration, Dtc } from './types';

export type ChronologyEntry =
	| { kind: 'dose'; date: Dtc; studyDay: number | null; dose: DoseAdministration }
	| { kind: 'ae-onset'; date: Dtc | null; studyDay: number | null; ae: AdverseEvent }
	| { kind: 'ae-grade'; date: Dtc; studyDay: number | null; ae: AdverseEvent; grade: number }
	| { kind: 'ae-resolved'; date: Dtc; studyDay: number | null; ae: AdverseEvent };

const KIND_ORDER = { dose: 0, 'ae-onset': 1, 'ae-grade': 2, 'ae-resolved': 3 } as const;

export function buildSubjectChronology(
	doses: readonly DoseAdministration[],
	aes: readonly AdverseEvent[],
	firstDose: Dtc | null
): ChronologyEntry[] {
	const day = (d: Dtc | null) => computeStudyDay(d, firstDose);
	const out: ChronologyEntry[] = doses.map((dose) => ({ kind: 'dose', date: dose.start, studyDay: day(dose.start), dose }));
	for (const ae of aes) {
		out.push({ kind: 'ae-onset', date: ae.start, studyDay: day(ae.start), ae });
		// Grade changes after the onset grade (the first entry is the onset itself).
		for (const change of ae.gradeHistory.slice(1)) {
			out.push({ kind: 'ae-grade', date: change.from, studyDay: day(change.from), ae, grade: change.grade });
		}
		if (ae.end) out.push({ kind: 'ae-resolved', date: ae.end, studyDay: day(ae.end), ae });
	}
	return out.sort((a, b) => compareDtc(a.date, b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
