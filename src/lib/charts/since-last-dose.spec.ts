import { describe, expect, it } from 'vitest';
import type { AeRow } from '../domain/ae-listing';
import type { AdverseEvent, DoseAdministration } from '../domain/types';
import { computeSinceLastDose, jitter, layoutStrips } from './since-last-dose';

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
