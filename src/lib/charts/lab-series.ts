/**
 * Layout of one subject's lab test over study days: the results as a line of points, the normal range as a band,
 * the CTCAE grade thresholds of the test's term as dashed lines (read from admiral's criteria: a fixed value, or a
 * multiple of the upper limit of normal), and the doses as ticks along the bottom, so a nadir can be read against
 * the dose before it.
 */
import { scaleLinear } from 'd3';
import type { GradedResult, LabCriterion } from '../domain/labs/grade-labs';

export interface Threshold {
	grade: number;
	value: number;
	y: number;
}

export interface LabSeriesLayout {
	points: { x: number; y: number; day: number; value: number; grade: number | null; date: string }[];
	path: string;
	band: { y: number; height: number } | null;
	thresholds: Threshold[];
	doses: { x: number; day: number }[];
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	plot: { left: number; top: number; width: number; height: number };
}

/**
 * The grade thresholds a criterion states for a normal baseline: `AVAL < 0.5 ~ "4"` gives 0.5 for grade 4,
 * `AVAL > 3*ANRHI ~ "2"` gives 3 × ULN for grade 2. Thresholds relative to a baseline are left out.
 */
export function criterionThresholds(c: LabCriterion, lln: number | null, uln: number | null): { grade: number; value: number }[] {
	const out = new Map<number, number>();
	for (const b of c.branches) {
		if (b.grade === null || b.grade === 0 || /BASE|PCHG/.test(b.source.replace(/!\(BNRIND %in% high_indicator\)/, '')) ) continue;
		const fixed = /AVAL, signif_dig\)\s*[<>]=?\s*([\d.]+)\s*~/.exec(b.source);
		const relative = /AVAL, signif_dig\)\s*[<>]=?\s*signif\((?:([\d.]+)\s*\*\s*)?(ANRHI|ANRLO)/.exec(b.source);
		if (fixed) out.set(b.grade, Number(fixed[1]));
		else if (relative) {
			const limit = relative[2] === 'ANRHI' ? uln : lln;
			if (limit !== null) out.set(b.grade, Number(relative[1] ?? 1) * limit);
		}
	}
	return [...out].map(([grade, value]) => ({ grade, value })).sort((a, b) => a.grade - b.grade);
}

export function layoutLabSeries(
	results: readonly GradedResult[],
	doseDays: readonly number[],
	thresholds: readonly { grade: number; value: number }[],
	size: { width: number; height: number }
): LabSeriesLayout {
	const m = { top: 10, right: 16, bottom: 34, left: 52 };
	const plot = { left: m.left, top: m.top, width: size.width - m.left - m.right, height: size.height - m.top - m.bottom };
	const rows = results.filter((g) => g.studyDay !== null && g.result.value !== null).sort((a, b) => a.studyDay! - b.studyDay!);
	const days = [...rows.map((g) => g.studyDay!), ...doseDays];
	const x = scaleLinear()
		.domain([Math.min(1, ...days), Math.max(22, ...days)])
		.range([0, plot.width]);
	const low = rows.find((g) => g.result.low !== null)?.result.low ?? null;
	const high = rows.find((g) => g.result.high !== null)?.result.high ?? null;
	const top = Math.max(...rows.map((g) => g.result.value!), high ?? 0, ...thresholds.map((t) => t.value)) * 1.08;
	const y = scaleLinear().domain([0, top || 1]).nice().range([plot.height, 0]);
	const points = rows.map((g) => ({
		x: x(g.studyDay!),
		y: y(g.result.value!),
		day: g.studyDay!,
		value: g.result.value!,
		grade: Math.max(g.low?.grade ?? -1, g.high?.grade ?? -1) >= 0 ? Math.max(g.low?.grade ?? 0, g.high?.grade ?? 0) : null,
		date: g.result.date ?? ''
	}));
	return {
		points,
		path: points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(''),
		band: low !== null && high !== null ? { y: y(high), height: y(low) - y(high) } : null,
		thresholds: thresholds.filter((t) => t.value <= y.domain()[1]!).map((t) => ({ ...t, y: y(t.value) })),
		doses: doseDays.map((d) => ({ day: d, x: x(d) })),
		xTicks: x.ticks(8).map((value) => ({ value, x: x(value) })),
		yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
		plot
	};
}
