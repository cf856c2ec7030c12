/**
 * The DLT window is one fact, held by the study (Study.dltWindow): verdicts, the AE filters, the charts and the
 * meeting pack all read it there. A window the protocol states quotes the protocol's words; one it does not
 * state is DoseWatch's assumption until a person confirms it.
 */
import type { DltWindow } from './types';

/** What a study gets when neither a preset nor the protocol names a window. */
export const DEFAULT_DLT_WINDOW: DltWindow = {
	cycle: 1,
	startDay: 1,
	endDay: 21,
	protocol: null,
	reading: "Cycle 1, study days 1–21 (day 1 = first dose): DoseWatch's assumption, as nothing given states a DLT window. Confirm it, or set the protocol's, in the DLT page.",
	confirmed: null
};

/** True while the window is DoseWatch's assumption: the protocol states none and no person has confirmed it. */
export function isAssumedWindow(w: DltWindow): boolean {
	return !w.protocol && !w.confirmed;
}

/** "days 1–21" */
export function windowDays(w: Pick<DltWindow, 'startDay' | 'endDay'>): string {
	return `days ${w.startDay}–${w.endDay}`;
}

/** Where the window comes from, in a sentence. */
export function windowSource(w: DltWindow): string {
	if (w.protocol) return 'from the protocol';
	if (w.confirmed) return `confirmed by ${w.confirmed.by} on ${w.confirmed.at.slice(0, 10)}: ${w.confirmed.reason}`;
	return "DoseWatch's assumption: the protocol states no DLT window; not yet confirmed";
}

/**
 * The window a person confirms (or sets) for a study whose protocol states none: checked, with who, when and
 * why kept beside it. Returns the problem in words instead when the days make no window.
 */
export function confirmWindow(current: DltWindow, endDay: number, who: string, at: string, reason: string): { ok: true; window: DltWindow } | { ok: false; error: string } {
	if (!who.trim()) return { ok: false, error: 'Set your reviewer name first: the confirmation records who confirmed.' };
	if (!Number.isInteger(endDay) || endDay < current.startDay || endDay > 365)
		return { ok: false, error: `The last day of the window must be a whole study day from ${current.startDay} to 365.` };
	if (!reason.trim()) return { ok: false, error: 'Say why (the protocol section, an amendment, a committee decision).' };
	return {
		ok: true,
		window: {
			...current,
			endDay,
			reading: `Cycle ${current.cycle}, study days ${current.startDay}–${endDay} (day 1 = first dose), confirmed by ${who.trim()}: ${reason.trim()}`,
			confirmed: { by: who.trim(), at, reason: reason.trim() }
		}
	};
}
