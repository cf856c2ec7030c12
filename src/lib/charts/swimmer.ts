/**
 * Layout of the swimmer (onset relative to dosing): one lane per subject, grouped by dose level; in each lane the
 * doses as marks per drug, the DLT window shaded, and each AE as a bar from onset to resolution (to the cut-off
 * with an arrow when ongoing), split into grade segments, packed into rows so overlapping AEs never hide each
 * other. x is in days: the study day, or (calendar mode) days since 1970. Pure; the component maps to pixels.
 */
import { aeKey } from '../domain/model/adverse-event';
import type { EventEvaluation, SubjectEvaluation } from '../domain/dlt/evaluate-study';
import type { SubjectDltStatus } from '../domain/dlt/rule-types';
import { dayNumber, hasTime, toInstant } from '../domain/partial-date';
import type { DoseAdministration, Grade } from '../domain/types';

export type XMode = 'day' | 'date';

export interface SwimmerAe {
	key: string;
	event: EventEvaluation;
	row: number;
	x0: number;
	x1: number;
	ongoing: boolean;
	segments: { x0: number; x1: number; grade: Grade | null }[];
	serious: boolean;
	/** What the DLT call is, committee decision first. */
	mark: 'dlt' | 'pending' | 'overruled' | null;
	/** Time from the most recent dose before onset; null when none. */
	sinceLastDose: { days: number; hours: number | null } | null;
}

export interface SwimmerLane {
	usubjid: string;
	doseLevel: string | null;
	/** The subject's DLT status, shown beside the lane's label. */
	status: SubjectDltStatus;
	y: number;
	height: number;
	rows: number;
	/** Each dose in its drug's row at the foot of the lane (row 0 lowest, in the study's drug order). */
	doses: { x: number; drug: string; row: number; dose: DoseAdministration }[];
	/** Rows of dose marks: one per drug the subject received (at least one). */
	doseRows: number;
	window: { x0: number; x1: number } | null;
	aes: SwimmerAe[];
	/** AEs not drawn because the onset date is partial or missing. */
	undrawn: number;
	/** Other dated findings on the lane: anti-drug antibody samples, tumour response assessments. */
	markers: SwimmerMarker[];
	/** x of the data cut-off (the end of its day): what lies right of it is not known yet. */
	cutoffX: number;
}

/** A dated finding drawn as a small mark at the top of a lane, with its words. */
export interface LaneMarker {
	date: string;
	kind: 'ada-positive' | 'ada-negative' | 'response';
	/** "ADA positive", "PR" … */
	label: string;
}

export interface SwimmerMarker extends LaneMarker {
	x: number;
}

export interface SwimmerLayout {
	lanes: SwimmerLane[];
	groups: { level: string | null; y: number }[];
	height: number;
	xDomain: [number, number];
}

export interface SwimmerOptions {
	xMode: XMode;
	asOf: string;
	windowEndDay: number;
	levelOrder: readonly string[];
	rowHeight?: number;
	lanePadding?: number;
	groupHeader?: number;
	/** Keys (`usubjid|aeseq`) of the AEs to draw; all when absent. */
	include?: ReadonlySet<string>;
	/** Dated findings per subject to mark on their lane (on or before the cut-off). */
	markers?: ReadonlyMap<string, readonly LaneMarker[]>;
	/** The study's drug codes in order: the order of a lane's dose rows. Absent: the drugs as met. */
	drugs?: readonly string[];
}

/** Height of each dose-mark row after the first: two drugs dosed on one day stay apart. */
export const DOSE_ROW = 6;

/** Position in the study's drug list; drugs it does not list come after, in the order met (a stable sort). */
const rank = (codes: readonly string[], drug: string) => {
	const i = codes.indexOf(drug);
	return i < 0 ? codes.length : i;
};

/**
 * Greedy interval packing: each interval goes in the lowest row whose last interval ended before it starts.
 * Intervals are taken in start order; the result is the row of each interval, in input order.
 */
export function packRows(intervals: readonly { x0: number; x1: number }[]): number[] {
	const order = intervals.map((iv, i) => ({ iv, i })).sort((a, b) => a.iv.x0 - b.iv.x0 || a.iv.x1 - b.iv.x1);
	const rowEnds: number[] = [];
	const rows = new Array<number>(intervals.length);
	for (const { iv, i } of order) {
		let r = rowEnds.findIndex((end) => end < iv.x0);
		if (r < 0) {
			r = rowEnds.length;
			rowEnds.push(iv.x1);
		} else rowEnds[r] = iv.x1;
		rows[i] = r;
	}
	return rows;
}

/** Grade segments of an AE between x0 and x1 from its grade history (x in the same units). */
export function gradeSegments(
	history: readonly { grade: Grade; from: string }[],
	grade: Grade | null,
	x0: number,
	x1: number,
	toX: (dayNum: number) => number
): { x0: number; x1: number; grade: Grade | null }[] {
	const steps = history
		.map((h) => ({ grade: h.grade, x: dayNumber(h.from) === null ? null : toX(dayNumber(h.from)!) }))
		.filter((h): h is { grade: Grade; x: number } => h.x !== null && h.x < x1);
	if (steps.length === 0) return [{ x0, x1, grade }];
	const out: { x0: number; x1: number; grade: Grade | null }[] = [];
	if (steps[0]!.x > x0) out.push({ x0, x1: steps[0]!.x, grade: steps[0]!.grade });
	steps.forEach((s, i) => {
		const start = Math.max(s.x, x0);
		const end = i + 1 < steps.length ? steps[i + 1]!.x : x1;
		if (end > start) out.push({ x0: start, x1: end, grade: s.grade });
	});
	return out;
}

function markOf(e: EventEvaluation): SwimmerAe['mark'] {
	if (e.committee) return e.effective === 'dlt' ? 'dlt' : e.effective === 'not_dlt' && e.verdict !== 'not_dlt' ? 'overruled' : e.effective === 'pending' ? 'pending' : null;
	return e.verdict === 'not_dlt' ? null : e.verdict;
}

export function layoutSwimmer(
	subjects: readonly SubjectEvaluation[],
	dosesBySubject: ReadonlyMap<string, readonly DoseAdministration[]>,
	o: SwimmerOptions
): SwimmerLayout {
	const rowH = o.rowHeight ?? 9;
	const pad = o.lanePadding ?? 4;
	const header = o.groupHeader ?? 22;
	const asOfDay = dayNumber(o.asOf)!;
	const drugCodes = o.drugs ?? [];
	const order = (l: string | null) => (l === null ? Infinity : (o.levelOrder.indexOf(l) + 1 || Infinity - 1));
	const sorted = [...subjects].sort((a, b) => order(a.subject.doseLevel) - order(b.subject.doseLevel));
	const lanes: SwimmerLane[] = [];
	const groups: SwimmerLayout['groups'] = [];
	let y = 0;
	let min = Infinity;
	let max = -Infinity;
	for (const s of sorted) {
		if (!s.firstDose) continue;
		if (groups.at(-1)?.level !== s.subject.doseLevel || groups.length === 0) {
			groups.push({ level: s.subject.doseLevel, y });
			y += header;
		}
		const first = dayNumber(s.firstDose)!;
		// Study day d sits at x = d (day 1 starts at x = 1); calendar mode uses the day number itself.
		const toX = (dayNum: number) => (o.xMode === 'day' ? dayNum - first + 1 : dayNum);
		const dated = (dosesBySubject.get(s.subject.usubjid) ?? []).filter((d) => dayNumber(d.start) !== null);
		// A row per drug the subject received, in the study's drug order (then as met): one drug, one row.
		const laneDrugs = [...new Set(dated.map((d) => d.drug))].sort((a, b) => rank(drugCodes, a) - rank(drugCodes, b));
		const doseRows = Math.max(1, laneDrugs.length);
		const doses = dated.map((d) => ({ x: toX(dayNumber(d.start)!), drug: d.drug, row: laneDrugs.indexOf(d.drug), dose: d }));
		const doseInstants = doses.map((d) => toInstant(d.dose.start)!).sort((a, b) => a - b);
		let undrawn = 0;
		const drawn: Omit<SwimmerAe, 'row'>[] = [];
		for (const e of s.events) {
			const key = aeKey(e.ae);
			if (o.include && !o.include.has(key)) continue;
			const startDay = dayNumber(e.ae.start);
			if (startDay === null || startDay > asOfDay) {
				undrawn += startDay === null ? 1 : 0;
				continue;
			}
			const endDay = dayNumber(e.ae.end);
			const ongoing = endDay === null || endDay > asOfDay;
			const x0 = toX(startDay);
			// A bar covers whole days: through its end day, or through the cut-off day when ongoing.
			const x1 = Math.max(x0 + 0.5, toX(ongoing ? asOfDay : endDay!) + 1);
			const onset = toInstant(e.ae.start)!;
			const before = doseInstants.filter((t) => t <= onset).at(-1);
			drawn.push({
				key,
				event: e,
				x0,
				x1,
				ongoing,
				segments: gradeSegments(e.ae.gradeHistory, e.ae.grade, x0, x1, toX),
				serious: e.ae.serious === true,
				mark: markOf(e),
				sinceLastDose:
					before === undefined
						? null
						: { days: Math.floor((onset - before) / 86_400_000), hours: hasTime(e.ae.start) ? (onset - before) / 3_600_000 : null }
			});
		}
		const rows = packRows(drawn);
		const nRows = Math.max(1, ...rows.map((r) => r + 1));
		const windowX = o.xMode === 'day' ? { x0: 1, x1: o.windowEndDay + 1 } : { x0: toX(first), x1: toX(first) + o.windowEndDay };
		for (const x of [...doses.map((d) => d.x), ...drawn.flatMap((a) => [a.x0, a.x1]), windowX.x0, windowX.x1]) {
			min = Math.min(min, x);
			max = Math.max(max, x);
		}
		const markers = (o.markers?.get(s.subject.usubjid) ?? [])
			.map((m) => ({ ...m, day: dayNumber(m.date) }))
			.filter((m): m is LaneMarker & { day: number } => m.day !== null && m.day <= asOfDay)
			.map(({ day, ...m }) => ({ ...m, x: toX(day) }));
		for (const m of markers) {
			min = Math.min(min, m.x);
			max = Math.max(max, m.x + 1);
		}
		const height = nRows * rowH + pad * 2 + (markers.length ? 6 : 0) + (doseRows - 1) * DOSE_ROW;
		lanes.push({
			usubjid: s.subject.usubjid,
			doseLevel: s.subject.doseLevel,
			status: s.status,
			y,
			height,
			rows: nRows,
			doses,
			doseRows,
			window: windowX,
			aes: drawn.map((a, i) => ({ ...a, row: rows[i]! })),
			markers,
			cutoffX: toX(asOfDay) + 1,
			undrawn
		});
		y += height;
	}
	if (!Number.isFinite(min)) [min, max] = o.xMode === 'day' ? [-7, o.windowEndDay + 7] : [asOfDay - 30, asOfDay];
	// Conditions that began months or years before dosing would squeeze the treatment period to nothing: the
	// axis starts at most 60 days before day 1 (calendar mode: the first dose), and earlier onsets are clipped.
	if (o.xMode === 'day') min = Math.max(min, -59);
	else min = Math.max(min, Math.min(...lanes.map((l) => l.window?.x0 ?? Infinity)) - 60);
	return { lanes, groups, height: y, xDomain: [min - 1, max + 1] };
}

/** Index range [start, end) of the lanes that intersect the viewport [top, top + height), by binary search. */
export function visibleLanes(lanes: readonly SwimmerLane[], top: number, height: number, overscan = 200): [number, number] {
	const lo = top - overscan;
	const hi = top + height + overscan;
	let a = 0;
	let b = lanes.length;
	while (a < b) {
		const m = (a + b) >> 1;
		if (lanes[m]!.y + lanes[m]!.height <= lo) a = m + 1;
		else b = m;
	}
	let end = a;
	while (end < lanes.length && lanes[end]!.y < hi) end++;
	return [a, end];
}

/** The label of an x position in study-day mode: x ≥ 1 is day x; x ≤ 0 is day x − 1 (there is no day 0). */
export function studyDayAt(x: number): number {
	return x >= 1 ? x : x - 1;
}

/** Study-day ticks on days 1, 8, 15 … (a step of 7, 14 or 28 days by span), and the same step back before day 1. */
export function studyDayTicks(domain: readonly [number, number]): number[] {
	const span = domain[1] - domain[0];
	// Weeks, then multiples of 4 weeks, so there are never more than about 14 ticks.
	const step = [7, 14, 28, 56, 84, 168, 336, 672].find((s) => span / s <= 14) ?? 1344;
	const out: number[] = [];
	for (let t = 1 + step * Math.ceil((domain[0] - 1) / step); t <= domain[1]; t += step) out.push(t);
	return out;
}

export interface LanePaths {
	/** One path per grade (null: ungraded) holding every segment of that grade in the lane. */
	grades: { grade: Grade | null; d: string }[];
	serious: string;
	arrows: string;
	changed: string;
	/** AEs with a DLT call, for the ★ ◔ ✕ marks. */
	marked: SwimmerAe[];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * A lane's AE marks as a handful of paths (one per grade, serious outlines, ongoing arrows, new-since-review
 * outlines) instead of several elements per AE: scrolling mounts lanes every frame, and element count is what
 * costs. `px` maps layout x to pixels, `yOf` gives an AE's top.
 */
export function lanePaths(aes: readonly SwimmerAe[], px: (x: number) => number, yOf: (a: SwimmerAe) => number, rowHeight: number, changed: { has(key: string): boolean }): LanePaths {
	const h = rowHeight - 2;
	const byGrade = new Map<Grade | null, string[]>();
	const serious: string[] = [];
	const arrows: string[] = [];
	const outlines: string[] = [];
	const marked: SwimmerAe[] = [];
	const box = (x0: number, y: number, w: number, height: number) => `M${r1(x0)} ${r1(y)}h${r1(w)}v${r1(height)}h${r1(-w)}z`;
	for (const a of aes) {
		const y = yOf(a);
		for (const s of a.segments) {
			const list = byGrade.get(s.grade) ?? byGrade.set(s.grade, []).get(s.grade)!;
			list.push(box(px(s.x0), y, Math.max(1.5, px(s.x1) - px(s.x0)), h));
		}
		const x0 = px(a.x0);
		const w = Math.max(1.5, px(a.x1) - x0);
		if (a.serious) serious.push(box(x0, y, w, h));
		if (a.ongoing) arrows.push(`M${r1(px(a.x1))} ${r1(y - 1)}l5 ${r1(h / 2 + 1)}l-5 ${r1(h / 2 + 1)}z`);
		if (changed.has(a.key)) outlines.push(box(x0 - 2, y - 2, w + 4, h + 4));
		if (a.mark) marked.push(a);
	}
	return {
		grades: [...byGrade].map(([grade, d]) => ({ grade, d: d.join('') })),
		serious: serious.join(''),
		arrows: arrows.join(''),
		changed: outlines.join(''),
		marked
	};
}

/** The top of a lane's AE rows: below its findings strip (ADA, response) when it has one. */
export const aeTop = (lane: Pick<SwimmerLane, 'y' | 'markers'>, pad: number) => lane.y + (lane.markers.length ? 6 : 0) + pad;

/**
 * The lane and AE under a point (pixels in the chart's drawing), for the pointer: the lane whose band holds y,
 * then the AE whose bar (with a pixel either side, and at least 3.5 wide, as the focus target is drawn) holds
 * x in the row that holds y. `aesOf` gives a lane's AEs drawn (those in the span shown).
 */
export function aeAt(
	lanes: readonly SwimmerLane[],
	aesOf: (lane: SwimmerLane) => readonly SwimmerAe[],
	px: (x: number) => number,
	pointX: number,
	pointY: number,
	rowHeight: number,
	pad: number
): { lane: SwimmerLane; ae: SwimmerAe } | null {
	let lo = 0;
	let hi = lanes.length;
	while (lo < hi) {
		const m = (lo + hi) >> 1;
		if (lanes[m]!.y + lanes[m]!.height <= pointY) lo = m + 1;
		else hi = m;
	}
	const lane = lanes[lo];
	if (!lane || pointY < lane.y) return null;
	const row = Math.floor((pointY - aeTop(lane, pad) + 1) / rowHeight);
	for (const ae of aesOf(lane)) {
		if (ae.row !== row) continue;
		const x0 = px(ae.x0) - 1;
		if (pointX >= x0 && pointX <= x0 + Math.max(3.5, px(ae.x1) - px(ae.x0) + 2)) return { lane, ae };
	}
	return null;
}

export type LaneShow = 'all' | 'dlt-pending' | 'dlt';
export type LaneOrder = 'day1' | 'verdict';

const VERDICT_RANK: Record<string, number> = { dlt: 0, pending: 1, not_evaluable: 2, no_dlt: 3 };

/**
 * The lanes the reader asked for, in the order asked: all subjects, those with a DLT or pending, or those with a
 * DLT; within each dose level by day 1, or DLT first, then pending, then the rest (each by day 1). The layout
 * groups by level and keeps this order inside a level.
 */
export function selectLanes(subjects: readonly SubjectEvaluation[], show: LaneShow, order: LaneOrder): SubjectEvaluation[] {
	const kept = subjects.filter((s) => show === 'all' || s.status === 'dlt' || (show === 'dlt-pending' && s.status === 'pending'));
	const day1 = (s: SubjectEvaluation) => s.firstDose ?? '9999';
	return [...kept].sort((a, b) => (order === 'verdict' ? (VERDICT_RANK[a.status] ?? 9) - (VERDICT_RANK[b.status] ?? 9) : 0) || day1(a).localeCompare(day1(b)) || a.subject.usubjid.localeCompare(b.subject.usubjid));
}
