/**
 * Attribution over time: AE counts by current relatedness category per month (or ISO week, for short studies)
 * of onset, for one drug, stacked; and the revisions of attribution (a changed assessment after the first),
 * each toward the drug (a stronger category) or away from it, counted per month of revision.
 */
import { stack } from 'd3';
import { dayRange } from '../domain/partial-date';
import { RELATEDNESS, type AdverseEvent, type AttributionRevision, type Relatedness } from '../domain/types';

export const CATEGORIES = [...RELATEDNESS, 'unassessed'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Period = 'month' | 'week';

/** ISO 8601 week: the week belongs to the year of its Thursday. */
function isoWeek(day: number): string {
	const d = new Date(day * 86_400_000);
	d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3);
	const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
	const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
	return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function periodOf(dtc: string | null, period: Period): string | null {
	const r = dayRange(dtc);
	if (!r) return null;
	if (period === 'month') return r[0] === r[1] || dtc!.length >= 7 ? new Date(r[0] * 86_400_000).toISOString().slice(0, 7) : null;
	return r[0] === r[1] ? isoWeek(r[0]) : null;
}

/** Months unless the onsets span 16 weeks or less, then ISO weeks. */
export function choosePeriod(aes: readonly Pick<AdverseEvent, 'start'>[]): Period {
	const days = aes.map((a) => dayRange(a.start)).filter((r): r is [number, number] => r !== null && r[0] === r[1]).map((r) => r[0]);
	return days.length && Math.max(...days) - Math.min(...days) <= 16 * 7 ? 'week' : 'month';
}

export interface AttributionStack {
	periods: string[];
	series: { category: Category; points: { period: string; y0: number; y1: number }[] }[];
	max: number;
}

export function computeAttributionStack(aes: readonly AdverseEvent[], drug: string, period: Period): AttributionStack {
	const counts = new Map<string, Record<Category, number>>();
	for (const ae of aes) {
		// An AE with no entry for the drug cannot be attributed to it (the subject never received it: placebo only).
		if (!(drug in ae.attribution)) continue;
		const p = periodOf(ae.start, period);
		if (!p) continue;
		const c = counts.get(p) ?? (Object.fromEntries(CATEGORIES.map((k) => [k, 0])) as Record<Category, number>);
		c[(ae.attribution[drug] ?? 'unassessed') as Category]++;
		counts.set(p, c);
	}
	const periods = [...counts.keys()].sort();
	const rows = periods.map((p) => ({ period: p, ...counts.get(p)! }));
	const stacked = stack<(typeof rows)[number], Category>().keys(CATEGORIES)(rows);
	return {
		periods,
		series: stacked.map((s) => ({ category: s.key, points: s.map((d) => ({ period: d.data.period, y0: d[0], y1: d[1] })) })),
		max: Math.max(0, ...stacked.flatMap((s) => s.map((d) => d[1])))
	};
}

export interface Revision extends AttributionRevision {
	ae: AdverseEvent;
	direction: 'toward' | 'away' | 'cleared';
}

/** Every change of an assessment after the first one recorded for that drug, oldest first. */
export function computeRevisions(aes: readonly AdverseEvent[], drug?: string): Revision[] {
	const out: Revision[] = [];
	for (const ae of aes) {
		const seen = new Set<string>();
		for (const r of ae.attributionHistory) {
			if (drug && r.drug !== drug) continue;
			if (!seen.has(r.drug)) {
				seen.add(r.drug);
				if (r.from === null) continue; // the first assessment is not a revision
			}
			if (r.from === r.to) continue;
			const rank = (x: Relatedness | null) => (x === null ? -1 : RELATEDNESS.indexOf(x));
			out.push({ ...r, ae, direction: r.to === null ? 'cleared' : rank(r.to) > rank(r.from) ? 'toward' : 'away' });
		}
	}
	return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** Revisions per month of revision: how many moved toward and away from the drug. */
export function revisionsByMonth(revisions: readonly Revision[]): { month: string; toward: number; away: number }[] {
	const m = new Map<string, { toward: number; away: number }>();
	for (const r of revisions) {
		const key = r.at.slice(0, 7);
		const c = m.get(key) ?? { toward: 0, away: 0 };
		if (r.direction === 'toward') c.toward++;
		else c.away++;
		m.set(key, c);
	}
	return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, c]) => ({ month, ...c }));
}
