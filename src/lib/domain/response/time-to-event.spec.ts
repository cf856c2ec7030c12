import { describe, expect, it } from 'vitest';
import { dateOfStudyDay } from '../partial-date';
import { bestOverallResponse, type Assessment } from './recist';
import { durationOfResponse, progressionFreeSurvival, timeToEventByLevel } from './time-to-event';

const DAY1 = '2026-03-02';
const on = (day: number) => dateOfStudyDay(day, DAY1)!;
const series = (...pairs: [number, string][]): Assessment[] => pairs.map(([day, response]) => ({ usubjid: 'S-1', date: on(day), response }));
const of = (...pairs: [number, string][]) => bestOverallResponse(series(...pairs), 'S-1', DAY1);
type Death = { date: string | null; source: string };

describe('progression-free survival and duration of response (admiralonco’s conventions)', () => {
	it.each<[string, ReturnType<typeof of>, Death[], [number, boolean] | null, [number, boolean] | null, RegExp]>([
		['PD on study day 85: PFS 85 days, an event; no response, no DoR', of([43, 'SD'], [85, 'PD']), [], [85, true], null, /^PD on /],
		['confirmed PR from day 43, PD on day 127: DoR 85 days (day 43 counts as 1)', of([43, 'PR'], [85, 'PR'], [127, 'PD']), [], [127, true], [85, true], /^PD on /],
		['confirmed PR, no PD: censored at the last adequate assessment, not at a later NE', of([43, 'PR'], [85, 'PR'], [127, 'NE']), [], [85, false], [43, false], /censored at the last adequate assessment \(PR\)/],
		['death before any PD is the event', of([43, 'SD']), [{ date: on(60), source: 'DM DTHDTC' }], [60, true], null, /^death \(DM DTHDTC\)/],
		['PD before death: PD is the event', of([43, 'SD'], [50, 'PD']), [{ date: on(60), source: 'AE 3 Sepsis' }], [50, true], null, /^PD on /],
		['a death dated only to the month counts from the month’s first day, never before day 1', of(), [{ date: '2026-03', source: 'DS' }], [1, true], null, /^death \(DS\)/],
		['a death without a date is not an event: censored', of([43, 'SD']), [{ date: null, source: 'DM DTHFL' }], [43, false], null, /censored/],
		['no adequate assessment (only NE): PFS censored at day 1', of([42, 'NE']), [], [1, false], null, /^censored at day 1/]
	])('%s', (_n, response, deaths, pfs, dor, reason) => {
		const p = progressionFreeSurvival(response, DAY1, deaths)!;
		expect([p.time, p.event]).toEqual(pfs);
		expect(p.reason).toMatch(reason);
		const d = durationOfResponse(response, deaths);
		expect(d && [d.time, d.event]).toEqual(dor);
	});

	it('no day 1 (never dosed): no PFS', () => {
		expect(progressionFreeSurvival(of([43, 'SD']), null, [])).toBeNull();
	});

	it('per dose level: a Kaplan–Meier fit for each level with observations', () => {
		const a = { ...progressionFreeSurvival(of([43, 'SD'], [85, 'PD']), DAY1, [])!, usubjid: 'A' };
		const b = { ...progressionFreeSurvival(of([43, 'SD'], [127, 'PD']), DAY1, [])!, usubjid: 'B' };
		const levels = timeToEventByLevel([a, b], new Map([['A', 'L1'], ['B', 'L1']]), ['L1', 'L2']);
		expect(levels.map((l) => [l.doseLevel, l.fit.n, l.fit.median])).toEqual([['L1', 2, 85]]);
	});
});
