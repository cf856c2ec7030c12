/**
 * Layout of the DLTs-per-dose-level chart: one stacked bar per level (DLT, evaluable without DLT, pending, not
 * evaluable), with the 3+3 standing as a label and, for BOIN, the escalation and de-escalation boundaries at the
 * level's current number of evaluable patients as reference marks on the count axis.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { DoseLevelEvaluation } from '../domain/dlt/evaluate-study';
import { boinRow } from '../domain/escalation/recommend';
import type { EscalationDesign } from '../domain/types';

export const SEGMENT_ORDER = ['dlt', 'no_dlt', 'pending', 'not_evaluable'] as const;
export type SegmentKind = (typeof SEGMENT_ORDER)[number];

export interface BarSegment {
	kind: SegmentKind;
	count: number;
	y: number;
	height: number;
}

export interface DltBar {
	code: string;
	x: number;
	width: number;
	total: number;
	segments: BarSegment[];
	decision: string;
	/** BOIN only: y of the escalation (≤) and de-escalation (≥) DLT counts at this level's n. */
	boundaries: { escalate: number; deescalate: number; yEscalate: number; yDeescalate: number } | null;
}

export interface DltBarsLayout {
	bars: DltBar[];
	yTicks: { value: number; y: number }[];
	plot: { left: number; top: number; width: number; height: number };
}

export function layoutDltBars(
	levels: readonly DoseLevelEvaluation[],
	design: EscalationDesign,
	size: { width: number; height: number; margin?: { top: number; right: number; bottom: number; left: number } }
): DltBarsLayout {
	const m = size.margin ?? { top: 16, right: 16, bottom: 56, left: 40 };
	const plot = { left: m.left, top: m.top, width: size.width - m.left - m.right, height: size.height - m.top - m.bottom };
	const x = scaleBand<string>().domain(levels.map((l) => l.doseLevel)).range([0, plot.width]).padding(0.3);
	const maxTotal = Math.max(3, ...levels.map((l) => l.enrolled));
	const y = scaleLinear().domain([0, maxTotal]).nice().range([plot.height, 0]);
	const bars = levels.map((l): DltBar => {
		const counts: Record<SegmentKind, number> = { dlt: l.dlts, no_dlt: l.evaluable - l.dlts, pending: l.pending, not_evaluable: l.notEvaluable };
		let base = 0;
		const segments = SEGMENT_ORDER.filter((k) => counts[k] > 0).map((kind) => {
			const seg = { kind, count: counts[kind], y: y(base + counts[kind]), height: y(base) - y(base + counts[kind]) };
			base += counts[kind];
			return seg;
		});
		let boundaries: DltBar['boundaries'] = null;
		if (design.kind === 'boin' && l.evaluable > 0) {
			const row = boinRow(design.target, l.evaluable);
			boundaries = { escalate: row.escalate, deescalate: row.deescalate, yEscalate: y(row.escalate), yDeescalate: y(row.deescalate) };
		}
		return { code: l.doseLevel, x: x(l.doseLevel) ?? 0, width: x.bandwidth(), total: base, segments, decision: l.decision, boundaries };
	});
	const yTicks = y.ticks(Math.min(maxTotal, 6)).filter(Number.isInteger).map((value) => ({ value, y: y(value) }));
	return { bars, yTicks, plot };
}
