/**
 * Day 1 of a subject: the date of first exposure, the earliest EX start of any drug, placebo or a zero dose
 * included. Without dose records, a reference start read from ADaM (TRTSDTM) stands in. Null when neither is
 * known: the subject was never dosed, and has no study days.
 */
import { compareDtc, isCompleteDate } from './partial-date';
import type { DoseAdministration, Dtc, Subject } from './types';

export function computeFirstExposure(
	subject: Pick<Subject, 'refStart'>,
	doses: readonly Pick<DoseAdministration, 'start'>[]
): Dtc | null {
	let first: Dtc | null = null;
	for (const d of doses) {
		if (!isCompleteDate(d.start)) continue;
		if (first === null || compareDtc(d.start, first) < 0) first = d.start;
	}
	if (first !== null) return first;
	return isCompleteDate(subject.refStart) ? subject.refStart : null;
}

/** The last dose's start (for the TEAE window), or null when never dosed. */
export function computeLastExposure(doses: readonly Pick<DoseAdministration, 'start' | 'end'>[]): Dtc | null {
	let last: Dtc | null = null;
	for (const d of doses) {
		const candidate = isCompleteDate(d.end) ? d.end : d.start;
		if (!isCompleteDate(candidate)) continue;
		if (last === null || compareDtc(candidate, last) > 0) last = candidate;
	}
	return last;
}

/**
 * True when exposure is still going on: the latest-starting dose record has no end date (a patch still worn,
 * an infusion without a recorded stop). The TEAE window then has no end yet.
 */
export function isExposureOngoing(doses: readonly Pick<DoseAdministration, 'start' | 'end'>[]): boolean {
	let latest: Pick<DoseAdministration, 'start' | 'end'> | null = null;
	for (const d of doses) {
		if (latest === null || compareDtc(d.start, latest.start) > 0) latest = d;
	}
	return latest !== null && !latest.end;
}
