/**
 * Layout of one lab test for every subject over study days, one panel per dose level on shared scales: each
 * subject's results as a line, the level's median per study week as a bold line, and the normal range as a band,
 * so the levels' nadirs and recoveries compare at a glance.
 */
import { median, scaleLinear } from 'd3';
import type { GradedResult } from '../domain/labs/grade-labs';

export interface OverTimePanel {
	doseLevel: string;
	x: number;
	subjects: { usubjid: string; path: string }[];
	median: { path: string; points: { week: number; value: number; n: number }[] };
	band: { y: number; height: number } | null;
}

export interface OverTimeLayout {
	panels: OverTimePanel[];
	panelWidth: number;
	plotHeight: number;
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	margin: { top: number; left: number };
}

export function layoutResultsOverTime(
	results: readonly GradedResult[],
	levelOf: ReadonlyMap<string, string | null>,
	levels: readonly string[],
	size: { width: number; height: number }
): OverTimeLayout {
	const margin = { top: 22, left: 48, right: 12, bottom: 32 };
	const gap = 14;
	const panelWidth = (size.width - margin.left - margin.right - gap * Math.max(0, levels.length - 1)) / Math.max(1, levels.length);
	const plotHeight = size.height - margin.top - margin.bottom;
	const rows = results.filter((g) => g.studyDay !== null && g.result.value !== null && levelOf.get(g.result.usubjid));
	const days = rows.map((g) => g.studyDay!);
	const x = scaleLinear()
		.domain([Math.min(1, ...days), Math.max(22, ...days)])
		.range([0, panelWidth]);
	const top = Math.max(...rows.map((g) => g.result.value!), ...rows.map((g) => g.result.high ?? 0)) * 1.05;
	const y = scaleLinear().domain([0, top || 1]).nice().range([plotHeight, 0]);
	const line = (pts: { x: number; y: number }[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
	const panels = levels.map((level, i): OverTimePanel => {
		const mine = rows.filter((g) => levelOf.get(g.result.usubjid) === level);
		const bySubject = new Map<string, GradedResult[]>();
		for (const g of mine) (bySubject.get(g.result.usubjid) ?? bySubject.set(g.result.usubjid, []).get(g.result.usubjid)!).push(g);
		const weeks = new Map<number, number[]>();
		for (const g of mine) {
			const w = Math.floor((g.studyDay! - 1) / 7);
			(weeks.get(w) ?? weeks.set(w, []).get(w)!).push(g.result.value!);
		}
		const medianPoints = [...weeks]
			.sort((a, b) => a[0] - b[0])
			.map(([week, values]) => ({ week, value: median(values)!, n: values.length }));
		const low = mine.find((g) => g.result.low !== null)?.result.low ?? null;
		const high = mine.find((g) => g.result.high !== null)?.result.high ?? null;
		return {
			doseLevel: level,
			x: margin.left + i * (panelWidth + gap),
			subjects: [...bySubject].map(([usubjid, list]) => ({
				usubjid,
				path: line([...list].sort((a, b) => a.studyDay! - b.studyDay!).map((g) => ({ x: x(g.studyDay!), y: y(g.result.value!) })))
			})),
			median: { path: line(medianPoints.map((p) => ({ x: x(p.week * 7 + 4), y: y(p.value) }))), points: medianPoints },
			band: low !== null && high !== null ? { y: y(high), height: y(low) - y(high) } : null
		};
	});
	return { panels, panelWidth, plotHeight, xTicks: x.ticks(4).map((value) => ({ value, x: x(value) })), yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })), margin };
}
