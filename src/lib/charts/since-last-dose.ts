/**
 * Time from the most recent dose before each AE's onset: in hours when both carry a time (infusion reactions),
 * else in whole days. One strip per dose level, one dot per AE, jittered deterministically so dots on the same
 * day do not hide each other.
 */
import { aeKey } from '../domain/model/adverse-event';
import { scaleLinear } from 'd3';
import type { AeRow } from '../domain/ae-listing';
import { dayNumber, hasTime, toInstant } from '../domain/partial-date';
import type { DoseAdministration, Grade } from '../domain/types';

export interface SincePoint {
	key: string;
	level: string;
	term: string;
	grade: Grade | null;
	/** Days since the last dose (fractional when hours are known). */
	days: number;
	/** Hours, when both times are recorded. */
	hours: number | null;
}

export function computeSinceLastDose(rows: readonly AeRow[], dosesBySubject: ReadonlyMap<string, readonly DoseAdministration[]>): SincePoint[] {
	const out: SincePoint[] = [];
	for (const r of rows) {
		const onsetDay = dayNumber(r.ae.start);
		if (!r.doseLevel || onsetDay === null) continue;
		const doses = dosesBySubject.get(r.ae.usubjid) ?? [];
		const timed = hasTime(r.ae.start);
		let best: DoseAdministration | null = null;
		for (const d of doses) {
			const dd = dayNumber(d.start);
			if (dd === null) continue;
			// With a time, the dose must start before the onset; with a date only, on or before its day.
			const before = timed && hasTime(d.start) ? toInstant(d.start)! <= toInstant(r.ae.start)! : dd <= onsetDay;
			if (before && (!best || toInstant(d.start)! > toInstant(best.start)!)) best = d;
		}
		if (!best) continue;
		const hours = timed && hasTime(best.start) ? (toInstant(r.ae.start)! - toInstant(best.start)!) / 3_600_000 : null;
		out.push({
			key: aeKey(r.ae),
			level: r.doseLevel,
			term: r.ae.term,
			grade: r.ae.grade,
			days: hours !== null ? hours / 24 : onsetDay - dayNumber(best.start)!,
			hours
		});
	}
	return out;
}

/** A stable jitter in [-0.5, 0.5) from a key, so a redraw never moves a dot. */
export function jitter(key: string): number {
	let h = 2166136261;
	for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
	return ((h >>> 0) % 1000) / 1000 - 0.5;
}

export function layoutStrips(
	points: readonly SincePoint[],
	levels: readonly string[],
	size: { width: number; stripHeight: number; left: number; right: number }
) {
	const maxDays = Math.max(21, ...points.map((p) => p.days));
	const x = scaleLinear().domain([0, Math.ceil(maxDays / 7) * 7]).range([size.left, size.width - size.right]);
	const strips = levels.map((level, i) => ({
		level,
		y: i * size.stripHeight,
		dots: points
			.filter((p) => p.level === level)
			.map((p) => ({ ...p, cx: x(p.days), cy: i * size.stripHeight + size.stripHeight / 2 + jitter(p.key) * (size.stripHeight - 10) }))
	}));
	const ticks = x.ticks(8).map((t) => ({ value: t, x: x(t) }));
	return { strips, ticks, height: levels.length * size.stripHeight };
}

export type SinceDot = ReturnType<typeof layoutStrips>['strips'][number]['dots'][number];

/**
 * A strip's dots as one path per grade (circles of radius r): hundreds of AEs draw as a handful of elements.
 * Keyed by grade (0: not graded), in grade order.
 */
export function dotPaths(dots: readonly Pick<SinceDot, 'cx' | 'cy' | 'grade'>[], r: number): { grade: Grade | null; d: string }[] {
	const by = new Map<number, string[]>();
	for (const p of dots) {
		const g = p.grade ?? 0;
		const list = by.get(g) ?? by.set(g, []).get(g)!;
		list.push(`M${+(p.cx - r).toFixed(1)},${+p.cy.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
	}
	return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([g, parts]) => ({ grade: g === 0 ? null : (g as Grade), d: parts.join('') }));
}

/** The dot under a pointer: the nearest within `radius` pixels, else null. */
export function dotAt<T extends Pick<SinceDot, 'cx' | 'cy'>>(strips: readonly { dots: readonly T[] }[], x: number, y: number, radius: number): { strip: number; dot: T } | null {
	let best: { strip: number; dot: T; d2: number } | null = null;
	strips.forEach((s, strip) => {
		for (const dot of s.dots) {
			const d2 = (dot.cx - x) ** 2 + (dot.cy - y) ** 2;
			if (d2 <= radius * radius && (!best || d2 < best.d2)) best = { strip, dot, d2 };
		}
	});
	return best ? { strip: (best as { strip: number }).strip, dot: (best as { dot: T }).dot } : null;
}
