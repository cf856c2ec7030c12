/**
 * Values before and after each dose (protocol 002: "safety indicators before and after each infusion"). Before:
 * the last result drawn in the 24 hours up to the start of the dose; a result of the dosing day without a time
 * counts as before (a pre-dose sample). After: the first result drawn after the end of the dose (its start when it
 * has no end) and within 24 hours of it. Held doses (dose 0) are left out. Pure.
 */
import { dayNumber, hasTime, toInstant } from '../partial-date';
import type { DoseAdministration, SafetyResult } from '../types';

export interface AroundDose {
	dose: DoseAdministration;
	before: SafetyResult | null;
	after: SafetyResult | null;
	/** after − before, when both are known. */
	change: number | null;
}

const HOUR = 3_600_000;

export function aroundDoses(results: readonly SafetyResult[], doses: readonly DoseAdministration[]): AroundDose[] {
	const drawn = results.filter((r) => r.value !== null && r.date && dayNumber(r.date) !== null).sort((a, b) => toInstant(a.date)! - toInstant(b.date)!);
	return doses
		.filter((d) => d.dose > 0 && dayNumber(d.start) !== null)
		.sort((a, b) => toInstant(a.start)! - toInstant(b.start)!)
		.map((dose) => {
			const start = toInstant(dose.start)!;
			const end = dose.end && dayNumber(dose.end) !== null ? toInstant(dose.end)! : start;
			const day = dayNumber(dose.start)!;
			const isBefore = (r: SafetyResult) => {
				if (!hasTime(r.date)) return dayNumber(r.date) === day;
				const t = toInstant(r.date)!;
				return t <= start && t > start - 24 * HOUR;
			};
			const isAfter = (r: SafetyResult) => hasTime(r.date) && toInstant(r.date)! > end && toInstant(r.date)! <= end + 24 * HOUR;
			const before = drawn.filter(isBefore).at(-1) ?? null;
			const after = drawn.find(isAfter) ?? null;
			return { dose, before, after, change: before && after ? after.value! - before.value! : null };
		});
}
