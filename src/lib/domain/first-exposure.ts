/**
 * Day 1 of a subject: the date of first exposure, the earliest EX start with a dose above zero. A held dose (an
 * EX row with dose 0) does not start the clock; a placebo's zero dose does, as admiral's ADSL template derives
 * TRTSDTM (EXDOSE > 0, or EXDOSE = 0 and EXTRT contains PLACEBO). Without dose records, a reference start read
 * from ADaM (TRTSDTM) stands in. Null when neither is known: the subject was never dosed, and has no study days.
 */
import { compareDtc, isCompleteDate } from './partial-date';
import type { DoseAdministration, Dtc, Subject } from './types';

/** A record of exposure: a dose above zero, or placebo (whose dose is recorded as 0). */
export function isExposure(d: Pick<DoseAdministration, 'dose' | 'drug'>): boolean {
	return d.dose > 0 || /placebo/i.test(d.drug);
}

export function computeFirstExposure(
	subject: Pick<Subject, 'refStart'>,
	doses: readonly Pick<DoseAdministration, 'start' | 'dose' | 'drug'>[]
): Dtc | null {
	let first: Dtc | null = null;
	for (const d of doses) {
		if (!isCompleteDate(d.start) || !isExposure(d)) continue;
		if (first === null || compareDtc(d.start, first) < 0) first = d.start;
	}
	if (first !== null) return first;
	return isCompleteDate(subject.refStart) ? subject.refStart : null;
}

/**
 * The end of the last exposure (for the TEAE window): its end date, or its start date when it has none (a last
 * infusion without a recorded stop ends the day it was given). Held (zero) doses are not exposure. Null when
 * never dosed.
 */
export function computeLastExposure(doses: readonly Pick<DoseAdministration, 'start' | 'end' | 'dose' | 'drug'>[]): Dtc | null {
	let last: Dtc | null = null;
	for (const d of doses) {
		if (!isExposure(d)) continue;
		const candidate = isCompleteDate(d.end) ? d.end : d.start;
		if (!isCompleteDate(candidate)) continue;
		if (last === null || compareDtc(candidate, last) > 0) last = candidate;
	}
	return last;
}

/** Every subject's day 1 (computeFirstExposure), from the study's dose records. */
export function firstExposures(subjects: readonly Pick<Subject, 'usubjid' | 'refStart'>[], doses: readonly DoseAdministration[]): Map<string, Dtc | null> {
	const by = new Map<string, DoseAdministration[]>();
	for (const d of doses) (by.get(d.usubjid) ?? by.set(d.usubjid, []).get(d.usubjid)!).push(d);
	return new Map(subjects.map((s) => [s.usubjid, computeFirstExposure(s, by.get(s.usubjid) ?? [])]));
}
