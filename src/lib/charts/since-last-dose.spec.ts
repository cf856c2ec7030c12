import { describe, expect, it } from 'vitest';
import type { AeRow } from '../domain/ae-listing';
import type { AdverseEvent, DoseAdministration, Grade } from '../domain/types';
import { computeSinceLastDose, dotAt, dotPaths, jitter, layoutStrips } from './since-last-dose';
import { stepMark } from './roving';

const row = (aeseq: number, start: string, level = 'DL1', term = 'X'): AeRow =>
	({ ae: { usubjid: 'S', aeseq, start, term, grade: 2 } as AdverseEvent, doseLevel: level, studyDay: 1, maxRelatedness: null, teae: true, imputedOnset: null, inDltWindow: true });
const doses = new Map([['S', [{ start: '2026-03-02T09:00' }, { start: '2026-03-23T09:00' }] as DoseAdministration[]]]);

describe('computeSinceLastDose', () => {
	it.each([
		['an infusion reaction 1.5 hours after the infusion started', '2026-03-02T10:30', 1.5 / 24, 1.5],
		['an event on the dose day, no time: day 0', '2026-03-02', 0, null],
		['five days after the first dose', '2026-03-07', 5, null],
		['after the second dose it counts from the second', '2026-03-25', 2, null],
		['timed onset before that day’s dose counts from the earlier dose', '2026-03-23T08:00', 20 + 23 / 24, 503]
	])('%s', (_n, start, days, hours) => {
		const [p] = computeSinceLastDose([row(1, start)], doses);
		expect(p!.days).toBeCloseTo(days, 6);
		expect(p!.hours === null ? null : +p!.hours.toFixed(3)).toBe(hours);
	});

	it('leaves out events before any dose, without an onset date, or at no dose level', () => {
		expect(computeSinceLastDose([row(1, '2026-02-20'), row(2, '2026-03'), row(3, '2026-03-05', null as unknown as string)], doses)).toEqual([]);
	});
});

describe('layoutStrips', () => {
	it('one strip per level, dots inside their strip, x in whole weeks from 0', () => {
		const points = computeSinceLastDose([row(1, '2026-03-07'), row(2, '2026-03-10', 'DL2')], doses);
		const l = layoutStrips(points, ['DL1', 'DL2'], { width: 600, stripHeight: 40, left: 60, right: 10 });
		expect(l.strips.map((s) => s.dots.length)).toEqual([1, 1]);
		for (const s of l.strips) for (const d of s.dots) expect(d.cy).toBeGreaterThanOrEqual(s.y);
		expect(l.ticks[0]!.value).toBe(0);
		expect(jitter('a|1')).toBe(jitter('a|1'));
	});
});

describe('the since-last-dose chart at hundreds of AEs: paths, and one focus target per dose level', () => {
	type Dot = { key: string; cx: number; cy: number; grade: Grade | null };
	const strips: { dots: Dot[] }[] = [
		{ dots: [{ key: 'A|2', cx: 30, cy: 10, grade: 3 }, { key: 'A|1', cx: 10, cy: 12, grade: 1 }, { key: 'B|1', cx: 30, cy: 20, grade: null }] },
		{ dots: [] },
		{ dots: [{ key: 'C|1', cx: 5, cy: 90, grade: 2 }, { key: 'C|2', cx: 28, cy: 95, grade: 2 }] }
	];

	it('draws a strip’s dots as one path per grade, every dot a circle in it', () => {
		const paths = dotPaths(strips[0]!.dots, 4.5);
		expect(paths.map((p) => p.grade)).toEqual([null, 1, 3]);
		expect(paths.reduce((n, p) => n + (p.d.match(/M/g) ?? []).length, 0)).toBe(3);
		expect(paths.find((p) => p.grade === 1)!.d).toBe('M5.5,12a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0');
	});

	it.each([
		['Right: the next in time', 0, 'A|1', 'ArrowRight', { group: 0, key: 'A|2' }],
		['Right on a tie in time: by key', 0, 'A|2', 'ArrowRight', { group: 0, key: 'B|1' }],
		['Right at the last: stays', 0, 'B|1', 'ArrowRight', null],
		['Left at the first: stays', 0, 'A|1', 'ArrowLeft', null],
		['End', 0, 'A|2', 'End', { group: 0, key: 'B|1' }],
		['Home', 0, 'B|1', 'Home', { group: 0, key: 'A|1' }],
		['Down skips a level without events, to the nearest in time', 0, 'A|2', 'ArrowDown', { group: 2, key: 'C|2' }],
		['Up from the top: stays', 0, 'A|1', 'ArrowUp', null],
		['Up to the nearest in time', 2, 'C|1', 'ArrowUp', { group: 0, key: 'A|1' }],
		['a key not in the group: nothing', 0, 'Z|9', 'ArrowRight', null],
		['another key does nothing', 0, 'A|1', 'Enter', null]
	])('%s', (_n, strip, key, pressed, expected) => {
		expect(stepMark(strips.map((s) => s.dots.map((d) => ({ x: d.cx, key: d.key }))), strip, key, pressed)).toEqual(expected);
	});

	it('finds the dot under the pointer within its radius, the nearest first', () => {
		expect(dotAt(strips, 29, 19, 6)?.dot.key).toBe('B|1');
		expect(dotAt(strips, 60, 60, 6)).toBeNull();
	});
});
