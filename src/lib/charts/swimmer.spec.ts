import { describe, expect, it } from 'vitest';
import type { EventEvaluation, SubjectEvaluation } from '../domain/dlt/evaluate-study';
import type { AdverseEvent, DoseAdministration, Grade, Subject } from '../domain/types';
import { aeAt, gradeSegments, lanePaths, layoutSwimmer, packRows, selectLanes, studyDayAt, studyDayTicks, visibleLanes, type LaneOrder, type LaneShow, type SwimmerAe, type SwimmerLane } from './swimmer';

describe('packRows: overlapping AEs go to separate rows, others share', () => {
	it.each([
		['no overlap: one row', [[1, 3], [4, 6], [7, 9]], [0, 0, 0]],
		['all overlap: a row each', [[1, 9], [2, 8], [3, 7]], [0, 1, 2]],
		['touching ends overlap (same day)', [[1, 4], [4, 6]], [0, 1]],
		['a freed row is reused', [[1, 3], [2, 6], [4, 5]], [0, 1, 0]],
		['input order is kept in the result', [[5, 6], [1, 9]], [1, 0]]
	])('%s', (_n, ivs, rows) => {
		expect(packRows(ivs.map(([x0, x1]) => ({ x0: x0!, x1: x1! })))).toEqual(rows);
	});
});

describe('gradeSegments', () => {
	const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
	const first = day('2026-03-02');
	const toX = (d: number) => d - first + 1;
	it('splits a bar at each grade change', () => {
		const h = [{ grade: 3 as Grade, from: '2026-03-07' }, { grade: 4 as Grade, from: '2026-03-09' }, { grade: 3 as Grade, from: '2026-03-16' }];
		expect(gradeSegments(h, 4, 6, 20, toX)).toEqual([
			{ x0: 6, x1: 8, grade: 3 },
			{ x0: 8, x1: 15, grade: 4 },
			{ x0: 15, x1: 20, grade: 3 }
		]);
	});
	it('one segment at the event grade without a history', () => {
		expect(gradeSegments([], 2, 3, 5, toX)).toEqual([{ x0: 3, x1: 5, grade: 2 }]);
	});
});

const subject = (usubjid: string, doseLevel: string): Subject => ({ studyId: 's', usubjid, doseLevel, site: '', sex: '', age: null, enrolled: null, status: 'on_treatment', refStart: null });
const event = (usubjid: string, aeseq: number, start: string | null, end: string | null, over: Partial<EventEvaluation> = {}): EventEvaluation =>
	({
		ae: { usubjid, aeseq, start, end, grade: 3, gradeHistory: [], serious: aeseq === 2, term: 'X' } as unknown as AdverseEvent,
		verdict: 'not_dlt', rule: null, reason: '', studyDay: null, inWindow: null, related: null, turnsOn: null, teae: true, teaeReason: '', committee: null, effective: 'not_dlt',
		...over
	}) as EventEvaluation;
const evalOf = (s: Subject, firstDose: string | null, events: EventEvaluation[]): SubjectEvaluation => ({ subject: s, firstDose, windowEnd: null, status: 'no_dlt', reason: '', events, labEvents: [], ruleSet: { id: 'generic', version: 1, effectiveFrom: null, amendment: null } });

describe('layoutSwimmer', () => {
	const subjects = [
		evalOf(subject('B', 'DL2'), '2026-03-10', [event('B', 1, '2026-03-12', '2026-03-14')]),
		evalOf(subject('A', 'DL1'), '2026-03-02', [
			event('A', 1, '2026-03-05', '2026-03-09', { verdict: 'dlt' }),
			event('A', 2, '2026-03-06', null, { verdict: 'pending' }), // overlaps AE 1, ongoing
			event('A', 3, '2026-03', null), // partial onset: not drawn
			event('A', 4, '2026-03-20', '2026-03-21', { verdict: 'dlt', committee: { decision: 'not_dlt', reason: 'r', by: 'b', at: 't', changedSince: [] } })
		]),
		evalOf(subject('C', 'DL1'), null, []) // never dosed: no lane
	];
	const doses = new Map<string, DoseAdministration[]>([['A', [{ start: '2026-03-02T09:00', drug: 'X' } as DoseAdministration]]]);
	const layout = layoutSwimmer(subjects, doses, { xMode: 'day', asOf: '2026-03-25', windowEndDay: 21, levelOrder: ['DL1', 'DL2'] });
	const a = layout.lanes[0]!;

	it('groups lanes by dose level in escalation order and skips subjects never dosed', () => {
		expect(layout.lanes.map((l) => l.usubjid)).toEqual(['A', 'B']);
		expect(layout.groups.map((g) => g.level)).toEqual(['DL1', 'DL2']);
		expect(layout.lanes[1]!.y).toBeGreaterThan(a.y + a.height);
	});

	it('places AEs in study days, through their end day, to the cut-off when ongoing', () => {
		expect(a.aes.map((x) => [x.event.ae.aeseq, x.x0, x.x1, x.ongoing, x.row])).toEqual([
			[1, 4, 9, false, 0],
			[2, 5, 25, true, 1],
			[4, 19, 21, false, 0]
		]);
		expect(a.rows).toBe(2);
		expect(a.undrawn).toBe(1);
	});

	it('shades the DLT window days 1–21 and marks doses', () => {
		expect(a.window).toEqual({ x0: 1, x1: 22 });
		expect(a.doses.map((d) => d.x)).toEqual([1]);
	});

	it('marks DLTs, pending events and overruled ones, and flags serious AEs', () => {
		expect(a.aes.map((x) => x.mark)).toEqual(['dlt', 'pending', 'overruled']);
		expect(a.aes.map((x) => x.serious)).toEqual([false, true, false]);
	});

	it('gives the time since the last dose before onset', () => {
		expect(a.aes[0]!.sinceLastDose).toEqual({ days: 2, hours: null });
	});

	it('draws only the AEs the filters keep', () => {
		const filtered = layoutSwimmer(subjects, doses, { xMode: 'day', asOf: '2026-03-25', windowEndDay: 21, levelOrder: ['DL1', 'DL2'], include: new Set(['A|4']) });
		expect(filtered.lanes[0]!.aes.map((x) => x.event.ae.aeseq)).toEqual([4]);
	});

	it('in calendar mode uses dates, so lanes line up by date', () => {
		const cal = layoutSwimmer(subjects, doses, { xMode: 'date', asOf: '2026-03-25', windowEndDay: 21, levelOrder: ['DL1', 'DL2'] });
		expect(cal.lanes[0]!.aes[0]!.x0).toBe(Date.UTC(2026, 2, 5) / 86_400_000);
		expect(cal.lanes[1]!.window!.x0).toBe(Date.UTC(2026, 2, 10) / 86_400_000);
	});

	it('puts study-day ticks on days 1, 8, 15 … and weeks before day 1', () => {
		expect(studyDayTicks([-6, 29])).toEqual([-6, 1, 8, 15, 22, 29]); // x = -6 is study day -7
		expect(studyDayTicks([-20, 150])).toEqual([-13, 1, 15, 29, 43, 57, 71, 85, 99, 113, 127, 141]);
		expect(studyDayTicks([-13000, 200]).length).toBeLessThanOrEqual(15);
		expect(studyDayAt(-6)).toBe(-7);
	});

	it('starts the axis at most 60 days before day 1, whatever the oldest onset', () => {
		const old = layoutSwimmer([evalOf(subject('O', 'DL1'), '2026-03-02', [event('O', 1, '1986-05-01', null)])], new Map(), {
			xMode: 'day', asOf: '2026-03-25', windowEndDay: 21, levelOrder: ['DL1']
		});
		expect(old.xDomain[0]).toBe(-60);
		expect(old.lanes[0]!.aes[0]!.x0).toBeLessThan(-10_000); // still drawn, clipped at the edge
	});

	it('labels study days without a day 0', () => {
		expect([studyDayAt(1), studyDayAt(22), studyDayAt(0), studyDayAt(-4)]).toEqual([1, 22, -1, -5]);
	});
});

describe('visibleLanes', () => {
	const lanes = Array.from({ length: 1000 }, (_, i) => ({ y: i * 20, height: 20 }) as SwimmerLane);
	it.each([
		['the top of the list', 0, 100, 0, [0, 5]],
		['the middle, with overscan', 10_000, 200, 100, [495, 515]],
		['the end', 19_900, 100, 0, [995, 1000]]
	])('%s', (_n, top, height, overscan, range) => {
		expect(visibleLanes(lanes, top, height, overscan)).toEqual(range);
	});
});

describe('lanePaths', () => {
	const ae = (key: string, x0: number, x1: number, over: Partial<SwimmerAe> = {}): SwimmerAe =>
		({ key, row: 0, x0, x1, ongoing: false, serious: false, mark: null, segments: [{ x0, x1, grade: 2 }], sinceLastDose: null, event: {} as SwimmerAe['event'], ...over });
	const px = (v: number) => v * 10;

	it('draws each grade as one path of boxes, with serious, ongoing and changed outlines only where they apply', () => {
		const aes = [
			ae('a', 1, 3),
			ae('b', 2, 6, { serious: true, ongoing: true, segments: [{ x0: 2, x1: 4, grade: 3 }, { x0: 4, x1: 6, grade: 4 }], mark: 'dlt' }),
			ae('c', 5, 5, { row: 1 })
		];
		const p = lanePaths(aes, px, (a) => 100 + a.row * 9, 9, new Set(['c']));
		expect(Object.fromEntries(p.grades.map((g) => [g.grade, g.d]))).toEqual({
			2: 'M10 100h20v7h-20zM50 109h1.5v7h-1.5z',
			3: 'M20 100h20v7h-20z',
			4: 'M40 100h20v7h-20z'
		});
		expect(p.serious).toBe('M20 100h40v7h-40z');
		expect(p.arrows).toBe('M60 99l5 4.5l-5 4.5z');
		expect(p.changed).toBe('M48 107h5.5v11h-5.5z');
		expect(p.marked.map((a) => a.key)).toEqual(['b']);
	});

	it('an empty lane draws nothing', () => {
		expect(lanePaths([], px, () => 0, 9, new Set())).toEqual({ grades: [], serious: '', arrows: '', changed: '', marked: [] });
	});
});

describe('findings on a lane (ADA samples, response assessments)', () => {
	it('are placed on the study day of their date, up to the cut-off, and make room at the top of the lane', () => {
		const subject = { subject: { usubjid: 'S-1', doseLevel: 'L1' }, firstDose: '2026-03-02', events: [] } as unknown as Parameters<typeof layoutSwimmer>[0][number];
		const opts = { xMode: 'day' as const, asOf: '2026-05-01', windowEndDay: 21, levelOrder: ['L1'] };
		const bare = layoutSwimmer([subject], new Map(), opts).lanes[0]!;
		const lane = layoutSwimmer([subject], new Map(), {
			...opts,
			markers: new Map([['S-1', [
				{ date: '2026-03-23', kind: 'ada-positive' as const, label: 'ADA positive' },
				{ date: '2026-04-13', kind: 'response' as const, label: 'PR' },
				{ date: '2026-06-01', kind: 'response' as const, label: 'PD' }
			]]])
		}).lanes[0]!;
		expect(lane.markers.map((m) => [m.label, m.x])).toEqual([['ADA positive', 22], ['PR', 43]]);
		expect(lane.height).toBe(bare.height + 6);
	});
});

describe('the data cut-off on each lane', () => {
	it('sits at the end of the cut-off day: study day in day mode (differs per lane), one date in calendar mode', () => {
		const s = (usubjid: string, firstDose: string) => ({ subject: { usubjid, doseLevel: 'L1' }, firstDose, events: [] }) as unknown as Parameters<typeof layoutSwimmer>[0][number];
		const opts = { asOf: '2026-03-31', windowEndDay: 21, levelOrder: ['L1'] };
		const byDay = layoutSwimmer([s('A', '2026-03-01'), s('B', '2026-03-11')], new Map(), { ...opts, xMode: 'day' }).lanes;
		// 31 March is study day 31 for A and day 21 for B; the line is drawn after that day.
		expect(byDay.map((l) => l.cutoffX)).toEqual([32, 22]);
		const byDate = layoutSwimmer([s('A', '2026-03-01'), s('B', '2026-03-11')], new Map(), { ...opts, xMode: 'date' }).lanes;
		expect(new Set(byDate.map((l) => l.cutoffX)).size).toBe(1);
	});
});

describe('choosing and ordering the lanes', () => {
	const s = (usubjid: string, status: string, firstDose: string) => ({ subject: { usubjid, doseLevel: 'L1' }, status, firstDose, events: [] }) as unknown as SubjectEvaluation;
	const all = [s('A', 'no_dlt', '2026-03-01'), s('B', 'pending', '2026-03-05'), s('C', 'dlt', '2026-03-09'), s('D', 'not_evaluable', '2026-03-02')];
	it.each<[LaneShow, LaneOrder, string[]]>([
		['all', 'day1', ['A', 'D', 'B', 'C']],
		['all', 'verdict', ['C', 'B', 'D', 'A']],
		['dlt-pending', 'day1', ['B', 'C']],
		['dlt', 'verdict', ['C']]
	])('show %s, order by %s', (show, order, expected) => {
		expect(selectLanes(all, show, order).map((x) => x.subject.usubjid)).toEqual(expected);
	});
	it('the layout keeps the chosen order inside a dose level', () => {
		const lanes = layoutSwimmer(selectLanes(all, 'all', 'verdict'), new Map(), { xMode: 'day', asOf: '2026-04-01', windowEndDay: 21, levelOrder: ['L1'] }).lanes;
		expect(lanes.map((l) => l.usubjid)).toEqual(['C', 'B', 'D', 'A']);
	});
});

describe('layoutSwimmer: what the meeting reads at a glance', () => {
	const opts = { xMode: 'day' as const, asOf: '2026-03-25', windowEndDay: 21, levelOrder: ['DL1'] };
	const withStatus = (u: string, status: SubjectEvaluation['status']) => ({ ...evalOf(subject(u, 'DL1'), '2026-03-02', []), status });
	const dose = (usubjid: string, drug: string, start: string) => ({ usubjid, drug, start }) as DoseAdministration;

	it.each([['dlt'], ['pending'], ['no_dlt'], ['not_evaluable']] as const)('the lane carries the subject’s status (%s)', (status) => {
		expect(layoutSwimmer([withStatus('A', status)], new Map(), opts).lanes[0]!.status).toBe(status);
	});

	it('each drug has its own row of dose marks, in the study’s drug order; the lane grows by one row per extra drug', () => {
		const doses = new Map([['A', [dose('A', 'BAT4706', '2026-03-02'), dose('A', 'BAT1308', '2026-03-02'), dose('A', 'BAT4706', '2026-03-09')]]]);
		const one = layoutSwimmer([withStatus('A', 'no_dlt')], new Map([['A', [dose('A', 'BAT4706', '2026-03-02')]]]), { ...opts, drugs: ['BAT4706'] }).lanes[0]!;
		const two = layoutSwimmer([withStatus('A', 'no_dlt')], doses, { ...opts, drugs: ['BAT4706', 'BAT1308'] }).lanes[0]!;
		expect(one.doseRows).toBe(1);
		expect(two.doseRows).toBe(2);
		expect(two.doses.map((d) => [d.drug, d.x, d.row])).toEqual([['BAT4706', 1, 0], ['BAT1308', 1, 1], ['BAT4706', 8, 0]]);
		expect(two.height - one.height).toBe(6);
	});

	it('without the study’s drug list, the drugs dosed are taken in the order met', () => {
		const doses = new Map([['A', [dose('A', 'Y', '2026-03-02'), dose('A', 'X', '2026-03-03')]]]);
		expect(layoutSwimmer([withStatus('A', 'no_dlt')], doses, opts).lanes[0]!.doses.map((d) => d.row)).toEqual([0, 1]);
	});

	it('a subject given one drug of two (a placebo arm) has one row: no empty row for the drug not given', () => {
		const doses = new Map([['A', [dose('A', 'XANOMELINE', '2026-03-02')]], ['B', [dose('B', 'PLACEBO', '2026-03-02')]]]);
		const lanes = layoutSwimmer([withStatus('A', 'no_dlt'), withStatus('B', 'no_dlt')], doses, { ...opts, drugs: ['PLACEBO', 'XANOMELINE'] }).lanes;
		expect(lanes.map((l) => [l.doseRows, l.doses[0]!.row])).toEqual([[1, 0], [1, 0]]);
		expect(lanes[0]!.height).toBe(lanes[1]!.height);
	});
});

describe('aeAt: the AE under the pointer (the bars are paths)', () => {
	const subjects = [
		evalOf(subject('A', 'DL1'), '2026-03-02', [event('A', 1, '2026-03-05', '2026-03-09'), event('A', 2, '2026-03-06', '2026-03-07')]),
		evalOf(subject('B', 'DL1'), '2026-03-02', [event('B', 1, '2026-03-12', '2026-03-12')])
	];
	const layout = layoutSwimmer(subjects, new Map(), { xMode: 'day', asOf: '2026-03-25', windowEndDay: 21, levelOrder: ['DL1'] });
	const px = (x: number) => 100 + x * 10;
	const [a, b] = layout.lanes;
	const at = (x: number, y: number) => aeAt(layout.lanes, (l) => l.aes, px, x, y, 9, 4);
	const rowY = (lane: SwimmerLane, row: number) => lane.y + 4 + row * 9 + 4;
	it.each([
		['the first row of A over AE 1 (days 4–8)', () => at(px(5), rowY(a!, 0)), 'A|1'],
		['the second row of A over AE 2 (overlapping, packed below)', () => at(px(5.5), rowY(a!, 1)), 'A|2'],
		['a one-day AE is at least 3.5 px wide', () => at(px(b!.aes[0]!.x0) + 2, rowY(b!, 0)), 'B|1'],
		['beside a bar: nothing', () => at(px(20), rowY(a!, 0)), null],
		['below the last lane: nothing', () => at(px(5), layout.height + 50), null]
	])('%s', (_n, hit, key) => {
		expect(hit()?.ae.key ?? null).toBe(key);
	});
});
