/**
 * Layout of the activity charts: the Kaplan–Meier curves per dose level (steps and censoring ticks), the swimlane
 * of time on treatment with the response assessments and positive anti-drug antibody samples on each lane, and
 * the waterfall of each participant's best change in the sum of target diameters (with the RECIST 1.1 lines at
 * +20% and −30%). d3 does the scales and the path strings; the components draw the SVG.
 */
import { curveStepAfter, line, scaleBand, scaleLinear } from 'd3';
import type { Response } from '../domain/response/recist';
import type { KaplanMeierFit } from '../domain/stats/kaplan-meier';

export const RESPONSE_COLORS: Record<Response, string> = {
	CR: '#009E73',
	PR: '#0072B2',
	SD: '#E69F00',
	'NON-CR/NON-PD': '#CC79A7',
	PD: '#D55E00',
	NE: '#8a8a8a'
};
/** Marks differ in shape as well as colour, for colour-blind readers and greyscale prints. */
export const RESPONSE_SHAPES: Record<Response, 'circle' | 'square' | 'diamond' | 'triangle' | 'cross' | 'ring'> = {
	CR: 'circle',
	PR: 'triangle',
	SD: 'square',
	'NON-CR/NON-PD': 'diamond',
	PD: 'cross',
	NE: 'ring'
};
/** One colour per dose level, in the level order (Okabe–Ito without the yellow, which is too pale for a line). */
export const LEVEL_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'] as const;

type Margin = { top: number; right: number; bottom: number; left: number };
const plotOf = (width: number, height: number, m: Margin) => ({ left: m.left, top: m.top, width: Math.max(10, width - m.left - m.right), height: Math.max(10, height - m.top - m.bottom) });
const ticksOf = (scale: ReturnType<typeof scaleLinear<number, number>>, count: number) => scale.ticks(count).map((value) => ({ value, at: scale(value) }));

export interface KmCurve {
	doseLevel: string;
	color: string;
	path: string;
	censors: { x: number; y: number; time: number }[];
	median: number | null;
}

export function layoutKaplanMeier(fits: readonly { doseLevel: string; fit: KaplanMeierFit }[], size: { width: number; height: number; margin?: Margin }) {
	const plot = plotOf(size.width, size.height, size.margin ?? { top: 12, right: 16, bottom: 40, left: 48 });
	const maxTime = Math.max(1, ...fits.flatMap((f) => f.fit.steps.map((s) => s.time)));
	const x = scaleLinear().domain([0, maxTime]).nice().range([0, plot.width]);
	const y = scaleLinear().domain([0, 1]).range([plot.height, 0]);
	const path = line<[number, number]>().x((d) => x(d[0])).y((d) => y(d[1])).curve(curveStepAfter);
	const curves: KmCurve[] = fits.map((f, i) => {
		const points: [number, number][] = [[0, 1], ...f.fit.steps.map((s): [number, number] => [s.time, s.survival])];
		return {
			doseLevel: f.doseLevel,
			color: LEVEL_COLORS[i % LEVEL_COLORS.length]!,
			path: path(points) ?? '',
			censors: f.fit.steps.filter((s) => s.censored > 0).map((s) => ({ x: x(s.time), y: y(s.survival), time: s.time })),
			median: f.fit.median
		};
	});
	return { plot, curves, xTicks: ticksOf(x, 6), yTicks: [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, at: y(value) })), half: y(0.5) };
}

export interface SwimlaneInput {
	usubjid: string;
	doseLevel: string | null;
	bor: Response;
	/** Study days of the first and last dose; null when never dosed. */
	treatment: { firstDay: number; lastDay: number; ongoing: boolean } | null;
	assessments: { studyDay: number; response: Response; date: string }[];
	/** Study days of positive anti-drug antibody samples. */
	adaPositive: number[];
	/** Study day of the first PD or death ending the observation, if any. */
	endEvent: { studyDay: number; what: string } | null;
}

export interface SwimLane extends SwimlaneInput {
	y: number;
	bar: { x: number; width: number } | null;
	marks: { x: number; response: Response; studyDay: number; date: string }[];
	ada: { x: number; studyDay: number }[];
}

/** Lanes grouped by dose level (in the study's order), longest time on treatment first within a level. */
export function layoutSwimlane(subjects: readonly SwimlaneInput[], levels: readonly string[], size: { width: number; laneHeight?: number; margin?: Margin }) {
	const laneHeight = size.laneHeight ?? 20;
	const m = size.margin ?? { top: 8, right: 24, bottom: 36, left: 150 };
	const order = (l: string | null) => (l === null ? levels.length : levels.indexOf(l) < 0 ? levels.length : levels.indexOf(l));
	const end = (s: SwimlaneInput) => Math.max(s.treatment?.lastDay ?? 0, ...s.assessments.map((a) => a.studyDay), s.endEvent?.studyDay ?? 0);
	const sorted = [...subjects].sort((a, b) => order(a.doseLevel) - order(b.doseLevel) || end(b) - end(a) || a.usubjid.localeCompare(b.usubjid));
	const height = m.top + m.bottom + sorted.length * laneHeight;
	const plot = plotOf(size.width, height, m);
	const maxDay = Math.max(1, ...sorted.map(end), ...sorted.flatMap((s) => s.adaPositive));
	const x = scaleLinear().domain([0, maxDay]).nice().range([0, plot.width]);
	const lanes: SwimLane[] = sorted.map((s, i) => ({
		...s,
		y: i * laneHeight + laneHeight / 2,
		bar: s.treatment ? { x: x(s.treatment.firstDay - 1), width: Math.max(1, x(s.treatment.lastDay) - x(s.treatment.firstDay - 1)) } : null,
		marks: s.assessments.map((a) => ({ x: x(a.studyDay), response: a.response, studyDay: a.studyDay, date: a.date })),
		ada: s.adaPositive.map((d) => ({ x: x(d), studyDay: d }))
	}));
	const groups = levels
		.map((level) => {
			const at = lanes.filter((l) => l.doseLevel === level);
			return at.length ? { level, y0: at[0]!.y - laneHeight / 2, y1: at[at.length - 1]!.y + laneHeight / 2 } : null;
		})
		.filter((g) => g !== null);
	return { plot, height, lanes, groups, xTicks: ticksOf(x, 8), laneHeight };
}

export interface WaterfallBar {
	usubjid: string;
	doseLevel: string | null;
	bor: Response;
	change: number;
	x: number;
	width: number;
	y: number;
	height: number;
}

/** Bars from the largest growth to the largest shrinkage; the axis runs from −100% to at least +40%. */
export function layoutWaterfall(items: readonly { usubjid: string; doseLevel: string | null; bor: Response; change: number }[], size: { width: number; height: number; margin?: Margin }) {
	const plot = plotOf(size.width, size.height, size.margin ?? { top: 12, right: 44, bottom: 24, left: 48 });
	const sorted = [...items].sort((a, b) => b.change - a.change || a.usubjid.localeCompare(b.usubjid));
	const x = scaleBand<string>().domain(sorted.map((s) => s.usubjid)).range([0, plot.width]).padding(0.15);
	const y = scaleLinear().domain([-100, Math.max(40, ...sorted.map((s) => s.change))]).nice().range([plot.height, 0]);
	const bars: WaterfallBar[] = sorted.map((s) => ({ ...s, x: x(s.usubjid) ?? 0, width: x.bandwidth(), y: y(Math.max(0, s.change)), height: Math.max(1, Math.abs(y(s.change) - y(0))) }));
	return { plot, bars, yTicks: ticksOf(y, 6), zero: y(0), progression: y(20), partial: y(-30) };
}
