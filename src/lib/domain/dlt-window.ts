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
