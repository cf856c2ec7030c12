/**
 * Layout of the hepatic safety (eDISH) plot: one point per subject, peak ALT or AST × ULN across, peak total
 * bilirubin × ULN up, both on log scales, with the Hy's law limits (3 × and 2 × ULN) drawn and the quadrants named.
 */
import { scaleLog } from 'd3';
import { HYS_LAW, type HepaticPeak } from '../domain/labs/hepatic';

export interface EdishPoint extends HepaticPeak {
	doseLevel: string;
	x: number;
	y: number;
}

export interface EdishLayout {
	points: EdishPoint[];
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	/** Where the Hy's law limits are drawn. */
	limitX: number;
	limitY: number;
	plot: { left: number; top: number; width: number; height: number };
}

const TICKS = [0.1, 0.2, 0.5, 1, 2, 3, 5, 10, 20, 50, 100];

export function layoutEdish(peaks: readonly HepaticPeak[], levelOf: ReadonlyMap<string, string | null>, size: { width: number; height: number }): EdishLayout {
	const m = { top: 12, right: 16, bottom: 44, left: 52 };
	const plot = { left: m.left, top: m.top, width: size.width - m.left - m.right, height: size.height - m.top - m.bottom };
	// Values at or below 0.1 × ULN sit on the axis; the domain always shows the limits with room on both sides.
	const clamp = (v: number) => Math.max(0.1, v);
	const maxX = Math.max(10, ...peaks.map((p) => p.transaminase * 1.2));
	const maxY = Math.max(5, ...peaks.map((p) => p.bilirubin * 1.2));
	const x = scaleLog().domain([0.1, maxX]).range([0, plot.width]).clamp(true);
	const y = scaleLog().domain([0.1, maxY]).range([plot.height, 0]).clamp(true);
	return {
		points: peaks.map((p) => ({ ...p, doseLevel: levelOf.get(p.usubjid) ?? '', x: x(clamp(p.transaminase)), y: y(clamp(p.bilirubin)) })),
		xTicks: TICKS.filter((t) => t <= maxX).map((value) => ({ value, x: x(value) })),
		yTicks: TICKS.filter((t) => t <= maxY).map((value) => ({ value, y: y(value) })),
		limitX: x(HYS_LAW.transaminase),
		limitY: y(HYS_LAW.bilirubin),
		plot
	};
}

/** Per dose level: subjects plotted and those in the Hy's law quadrant. */
export function hysLawCounts(points: readonly EdishPoint[], levels: readonly string[]): { doseLevel: string; subjects: number; hysLaw: number }[] {
	return levels.map((l) => ({ doseLevel: l, subjects: points.filter((p) => p.doseLevel === l).length, hysLaw: points.filter((p) => p.doseLevel === l && p.hysLaw).length }));
}
