/**
 * Treatment-emergent flag of an AE, after admiral's derive_var_trtemfl. The first case that applies decides:
 *  1. No first dose: not treatment-emergent.
 *  2. The AE ended before the first dose: not treatment-emergent.
 *  3. Onset unknown: treatment-emergent (the cautious default).
 *  4. Onset (imputed when partial) on or after the first dose (at or after its time on day 1 when both carry
 *     times) and no later than N days after the end of the last exposure: treatment-emergent. The last exposure
 *     ends on its end date, or on its start date when it has none. N null: no upper bound (a protocol that counts
 *     every AE after the first dose through study completion, as 001 does).
 *  5. Started before the first dose and worsened (its grade rose) inside that same window: treatment-emergent.
 *  6. Otherwise not (before the first dose without a worsening in the window, or more than N days after).
 * Partial onsets are imputed as admiral's ADAE template does: the first day of the missing period, or the first
 * dose date when that falls inside the period. The imputed date is returned so the UI can say it was imputed.
 */
import { dayNumber, dayRange, formatDtc, hasTime, isoOfDay, toInstant } from './partial-date';
import type { AdverseEvent, Dtc } from './types';

export interface TeaeResult {
	teae: boolean;
	reason: string;
	/** The onset used (YYYY-MM-DD): imputed when the recorded onset is partial, null when unknown. */
	onset: string | null;
	onsetImputed: boolean;
}

const iso = isoOfDay;

export function imputeOnset(start: Dtc | null, firstDose: Dtc | null): { date: string; imputed: boolean } | null {
	const range = dayRange(start);
	if (!range) return null;
	if (range[0] === range[1]) return { date: iso(range[0]), imputed: false };
	const first = dayNumber(firstDose);
	const day = first !== null && first >= range[0] && first <= range[1] ? first : range[0];
	return { date: iso(day), imputed: true };
}

export function deriveTeae(
	ae: Pick<AdverseEvent, 'start' | 'end' | 'gradeHistory'>,
	firstDose: Dtc | null,
	lastDose: Dtc | null,
	windowDays: number | null
): TeaeResult {
	const first = dayNumber(firstDose);
	if (first === null) return { teae: false, reason: 'No dose given: not treatment-emergent.', onset: null, onsetImputed: false };
	const end = dayRange(ae.end);
	if (end && end[1] < first)
		return { teae: false, reason: `Ended ${formatDtc(ae.end)}, before the first dose.`, onset: imputeOnset(ae.start, firstDose)?.date ?? null, onsetImputed: false };
	const onset = imputeOnset(ae.start, firstDose);
	if (!onset) return { teae: true, reason: 'Onset date unknown: treatment-emergent (cautious default).', onset: null, onsetImputed: false };
	const onsetDay = dayNumber(onset.date)!;
	const imputedNote = onset.imputed ? ` (onset imputed from ${ae.start} as ${formatDtc(onset.date)})` : '';
	const last = dayNumber(lastDose) ?? first;
	const limit = windowDays === null ? Infinity : last + windowDays;
	// On day 1 itself, an onset timed before the first dose's time is before treatment.
	const beforeOnDay1 = !onset.imputed && onsetDay === first && hasTime(ae.start) && hasTime(firstDose) && toInstant(ae.start)! < toInstant(firstDose)!;
	if (onsetDay >= first && onsetDay <= limit && !beforeOnDay1)
		return {
			teae: true,
			// Shared rather than rebuilt: this is the reason for most AEs of a study.
			reason: imputedNote ? `${withinReason(windowDays).replace(/\.$/, '')}${imputedNote}.` : withinReason(windowDays),
			onset: onset.date,
			onsetImputed: onset.imputed
		};
	if (onsetDay < first || beforeOnDay1) {
		let before = 0;
		for (const h of ae.gradeHistory) {
			const d = dayNumber(h.from);
			if (d === null) continue;
			const preDose = d < first || (d === first && hasTime(h.from) && hasTime(firstDose) && toInstant(h.from)! < toInstant(firstDose)!);
			if (preDose) before = Math.max(before, h.grade);
			else if (h.grade > before && before > 0 && d >= first && d <= limit)
				return { teae: true, reason: `Started before the first dose and worsened to grade ${h.grade} on ${formatDtc(h.from)}, on treatment.`, onset: onset.date, onsetImputed: onset.imputed };
		}
		return { teae: false, reason: `Started before the first dose${imputedNote} and did not worsen in the treatment-emergent window.`, onset: onset.date, onsetImputed: onset.imputed };
	}
	return { teae: false, reason: `Onset more than ${windowDays} days after the last dose${imputedNote}.`, onset: onset.date, onsetImputed: onset.imputed };
}

const withinReasons = new Map<number | null, string>();
function withinReason(windowDays: number | null): string {
	let r = withinReasons.get(windowDays);
	if (r === undefined)
		withinReasons.set(
			windowDays,
			(r = windowDays === null ? 'Onset on or after the first dose (treatment-emergent through study completion).' : `Onset on or after the first dose and within ${windowDays} days of the last dose.`)
		);
	return r;
}
