import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../domain/stats/kaplan-meier';
import { layoutKaplanMeier, layoutSwimlane, layoutWaterfall, type SwimlaneInput } from './activity';

describe('activity charts layout', () => {
	it('a Kaplan–Meier curve starts at 100% on day 0, steps down at each event and marks each censoring', () => {
		const fit = kaplanMeier([{ time: 50, event: true }, { time: 80, event: false }, { time: 100, event: true }]);
		const k = layoutKaplanMeier([{ doseLevel: 'L1', fit }], { width: 400, height: 240 });
		const c = k.curves[0]!;
		expect(c.path.startsWith(`M0,0`)).toBe(true);
		expect(c.censors).toHaveLength(1);
		expect(c.censors[0]!.time).toBe(80);
		// After the first event, two thirds remain: the censoring tick sits at 2/3 of the height above zero.
		expect(c.censors[0]!.y).toBeCloseTo(k.plot.height / 3, 5);
		expect(c.median).toBe(100);
	});

	const lane = (usubjid: string, doseLevel: string, lastDay: number): SwimlaneInput => ({
		usubjid,
		doseLevel,
		bor: 'SD',
		treatment: { firstDay: 1, lastDay, ongoing: false },
		assessments: [{ studyDay: 43, response: 'SD', date: '2026-04-13' }],
		adaPositive: [22],
		endEvent: null
	});

	it('swimlanes: grouped by dose level in the study’s order, longest time on treatment first, one lane per participant', () => {
		const s = layoutSwimlane([lane('A', 'L2', 60), lane('B', 'L1', 30), lane('C', 'L1', 90)], ['L1', 'L2'], { width: 600, laneHeight: 20 });
		expect(s.lanes.map((l) => l.usubjid)).toEqual(['C', 'B', 'A']);
		expect(s.groups.map((g) => [g.level, g.y0, g.y1])).toEqual([['L1', 0, 40], ['L2', 40, 60]]);
		expect(s.height).toBe(8 + 36 + 3 * 20);
		const c = s.lanes[0]!;
		expect(c.bar!.x).toBe(0);
		expect(c.marks[0]!.x).toBeLessThan(c.bar!.width);
		expect(c.ada[0]!.x).toBeLessThan(c.marks[0]!.x);
	});

	it('waterfall: sorted from growth to shrinkage, bars above zero for growth and below for shrinkage', () => {
		const w = layoutWaterfall(
			[
				{ usubjid: 'A', doseLevel: 'L1', bor: 'PR', change: -45 },
				{ usubjid: 'B', doseLevel: 'L1', bor: 'PD', change: 25 },
				{ usubjid: 'C', doseLevel: 'L2', bor: 'SD', change: -10 }
			],
			{ width: 300, height: 200 }
		);
		expect(w.bars.map((b) => b.usubjid)).toEqual(['B', 'C', 'A']);
		const [b, , a] = w.bars;
		expect(b!.y + b!.height).toBeCloseTo(w.zero, 5);
		expect(a!.y).toBeCloseTo(w.zero, 5);
		expect(w.partial).toBeGreaterThan(w.zero);
		expect(w.progression).toBeLessThan(w.zero);
	});
});
