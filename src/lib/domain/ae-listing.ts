/**
 * Rows of the AE listing: each AE with its subject's dose level and study day, and the filters and sort orders
 * the listing offers. Pure; the page keeps the filter in the URL.
 */
import { computeFirstExposure, computeLastExposure } from './first-exposure';
import { deriveTeae } from './derive-teae';
import { compareNatural } from './natural-order';
import { compareDtc, computeStudyDay } from './partial-date';
import { RELATEDNESS, type AdverseEvent, type DoseAdministration, type Relatedness, type Subject } from './types';

export interface AeRow {
	ae: AdverseEvent;
	doseLevel: string | null;
	studyDay: number | null;
	/** The strongest attribution to any study drug (null when none assessed). */
	maxRelatedness: Relatedness | null;
	teae: boolean;
	/** The onset imputed for the TEAE flag when the recorded one is partial, else null. */
	imputedOnset: string | null;
	/** Onset within study days 1 to the DLT window's last day (false when unknown). */
	inDltWindow: boolean;
}

export function buildAeRows(
	subjects: readonly Subject[],
	doses: readonly DoseAdministration[],
	aes: readonly AdverseEvent[],
	teaeWindowDays: number | null,
	dltWindow: { startDay: number; endDay: number }
): AeRow[] {
	const dosesBySubject = new Map<string, DoseAdministration[]>();
	for (const d of doses) {
		const list = dosesBySubject.get(d.usubjid);
		if (list) list.push(d);
		else dosesBySubject.set(d.usubjid, [d]);
	}
	const info = new Map(
		subjects.map((s) => {
			const sd = dosesBySubject.get(s.usubjid) ?? [];
			return [s.usubjid, { level: s.doseLevel, first: computeFirstExposure(s, sd), last: computeLastExposure(sd) }];
		})
	);
	return aes.map((ae) => {
		const i = info.get(ae.usubjid);
		const t = deriveTeae(ae, i?.first ?? null, i?.last ?? null, teaeWindowDays);
		const studyDay = computeStudyDay(ae.start, i?.first ?? null);
		return {
			ae,
			doseLevel: i?.level ?? null,
			studyDay,
			inDltWindow: studyDay !== null && studyDay >= dltWindow.startDay && studyDay <= dltWindow.endDay,
			maxRelatedness: maxRelatedness(ae),
			teae: t.teae,
			imputedOnset: t.onsetImputed ? t.onset : null
		};
	});
}

export function maxRelatedness(ae: Pick<AdverseEvent, 'attribution'>): Relatedness | null {
	let best = -1;
	for (const r of Object.values(ae.attribution)) {
		if (r !== null) best = Math.max(best, RELATEDNESS.indexOf(r));
	}
	return best < 0 ? null : RELATEDNESS[best]!;
}

export interface AeFilter {
	doseLevel: string;
	minGrade: number;
	serious: boolean;
	/** '' any; 'related' possible or stronger to any drug; a category: that category to any drug. */
	relatedness: '' | 'related' | Relatedness;
	/** Words matched against term, verbatim, SOC and subject. */
	text: string;
	/** Only AEs starting in the DLT window. */
	windowOnly: boolean;
}

export const NO_FILTER: AeFilter = { doseLevel: '', minGrade: 0, serious: false, relatedness: '', text: '', windowOnly: false };

export function filterAeRows(rows: readonly AeRow[], f: AeFilter): AeRow[] {
	const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
	const possible = RELATEDNESS.indexOf('possible');
	return rows.filter(({ ae, doseLevel, maxRelatedness: rel, inDltWindow }) => {
		if (f.doseLevel && doseLevel !== f.doseLevel) return false;
		if (f.windowOnly && !inDltWindow) return false;
		if (f.minGrade && (ae.grade ?? 0) < f.minGrade) return false;
		if (f.serious && ae.serious !== true) return false;
		if (f.relatedness === 'related' && (rel === null || RELATEDNESS.indexOf(rel) < possible)) return false;
		if (f.relatedness && f.relatedness !== 'related' && !Object.values(ae.attribution).includes(f.relatedness))
			return false;
		if (words.length) {
			const hay = `${ae.term} ${ae.verbatim} ${ae.soc} ${ae.usubjid}`.toLowerCase();
			if (!words.every((w) => hay.includes(w))) return false;
		}
		return true;
	});
}

export const AE_SORT_KEYS = ['subject', 'doseLevel', 'term', 'grade', 'start', 'studyDay', 'relatedness'] as const;
export type AeSortKey = (typeof AE_SORT_KEYS)[number];

/** Sorted copy; ties keep subject then AESEQ order, and unknown values sort last whichever the direction. */
export function sortAeRows(rows: readonly AeRow[], key: AeSortKey, descending = false): AeRow[] {
	const dir = descending ? -1 : 1;
	const tie = (a: AeRow, b: AeRow) => compareNatural(a.ae.usubjid, b.ae.usubjid) || a.ae.aeseq - b.ae.aeseq;
	const nullsLast = <T>(x: T | null, y: T | null, cmp: (p: T, q: T) => number) =>
		x === null && y === null ? 0 : x === null ? 1 : y === null ? -1 : dir * cmp(x, y);
	const by: Record<AeSortKey, (a: AeRow, b: AeRow) => number> = {
		subject: (a, b) => dir * tie(a, b),
		doseLevel: (a, b) => nullsLast(a.doseLevel, b.doseLevel, compareNatural),
		term: (a, b) => dir * a.ae.term.localeCompare(b.ae.term),
		grade: (a, b) => nullsLast(a.ae.grade, b.ae.grade, (p, q) => p - q),
		start: (a, b) => nullsLast(a.ae.start, b.ae.start, compareDtc),
		studyDay: (a, b) => nullsLast(a.studyDay, b.studyDay, (p, q) => p - q),
		relatedness: (a, b) =>
			nullsLast(a.maxRelatedness, b.maxRelatedness, (p, q) => RELATEDNESS.indexOf(p) - RELATEDNESS.indexOf(q))
	};
	return [...rows].sort((a, b) => by[key](a, b) || tie(a, b));
}
