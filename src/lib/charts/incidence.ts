/**
 * AE incidence by dose level: for each system organ class and term, the number of subjects with it at each
 * level (and the percent of the level's dosed subjects), shaded by the worst grade seen. Sorted by frequency,
 * most subjects first; ties by name.
 */
import type { AeRow } from '../domain/ae-listing';
import type { Grade, Subject } from '../domain/types';

export interface IncidenceCell {
	level: string;
	subjects: number;
	percent: number;
	maxGrade: Grade | null;
}

export interface IncidenceRow {
	label: string;
	total: number;
	cells: IncidenceCell[];
}

export interface IncidenceSoc extends IncidenceRow {
	terms: IncidenceRow[];
}

export function computeIncidence(
	rows: readonly AeRow[],
	subjects: readonly Pick<Subject, 'usubjid' | 'doseLevel'>[],
	levels: readonly string[],
	dosed: ReadonlySet<string>
): { denominators: Map<string, number>; socs: IncidenceSoc[] } {
	const denominators = new Map(levels.map((l) => [l, subjects.filter((s) => s.doseLevel === l && dosed.has(s.usubjid)).length]));
	type Acc = { subjects: Map<string, Set<string>>; grade: Map<string, number> };
	const newAcc = (): Acc => ({ subjects: new Map(levels.map((l) => [l, new Set()])), grade: new Map() });
	const socs = new Map<string, { acc: Acc; terms: Map<string, Acc> }>();
	for (const r of rows) {
		if (!r.doseLevel || !denominators.has(r.doseLevel)) continue;
		const soc = r.ae.soc || 'SOC not recorded';
		const entry = socs.get(soc) ?? { acc: newAcc(), terms: new Map() };
		socs.set(soc, entry);
		const term = entry.terms.get(r.ae.term) ?? newAcc();
		entry.terms.set(r.ae.term, term);
		for (const acc of [entry.acc, term]) {
			acc.subjects.get(r.doseLevel)!.add(r.ae.usubjid);
			acc.grade.set(r.doseLevel, Math.max(acc.grade.get(r.doseLevel) ?? 0, r.ae.grade ?? 0));
		}
	}
	const toRow = (label: string, acc: Acc): IncidenceRow => {
		const cells = levels.map((level): IncidenceCell => {
			const n = acc.subjects.get(level)!.size;
			const d = denominators.get(level) ?? 0;
			const g = acc.grade.get(level) ?? 0;
			return { level, subjects: n, percent: d ? (100 * n) / d : 0, maxGrade: n && g ? (g as Grade) : null };
		});
		const all = new Set<string>();
		for (const set of acc.subjects.values()) for (const u of set) all.add(u);
		return { label, total: all.size, cells };
	};
	const byFrequency = (a: IncidenceRow, b: IncidenceRow) => b.total - a.total || a.label.localeCompare(b.label);
	const out = [...socs.entries()].map(([soc, e]) => ({
		...toRow(soc, e.acc),
		terms: [...e.terms.entries()].map(([t, acc]) => toRow(t, acc)).sort(byFrequency)
	}));
	return { denominators, socs: out.sort(byFrequency) };
}

/** How many term rows the heatmap opens at first: about a screen. */
export const OPEN_TERM_ROWS = 30;

/**
 * The SOCs the heatmap opens at first: the most frequent, in order, while their terms fit in `budget` rows. A
 * cohort study's few terms all show; a large study starts with its SOCs closed, as AE Explorer starts, and a
 * closed SOC's rows are not built (on the pilot, two open SOCs were half the overview's elements).
 */
export function initiallyOpen(socs: readonly Pick<IncidenceSoc, 'label' | 'terms'>[], budget = OPEN_TERM_ROWS): string[] {
	const out: string[] = [];
	let rows = 0;
	for (const s of socs) {
		if (rows + s.terms.length > budget) break;
		rows += s.terms.length;
		out.push(s.label);
	}
	return out;
}
