import { describe, expect, it } from 'vitest';
import { kaplanMeier } from './kaplan-meier';

/** R survival's `aml` data, the "Maintained" arm: weeks, + = censored. */
const maintained = [9, 13, '13+', 18, 23, '28+', 31, 34, '45+', 48, '161+'].map((t) => ({ time: Number(String(t).replace('+', '')), event: !String(t).endsWith('+') }));

describe('Kaplan–Meier', () => {
	const fit = kaplanMeier(maintained);
	// survfit(Surv(time, status) ~ 1, data = aml[aml$x == "Maintained", ]): survival, lower and upper 95% (log).
	it.each<[number, number, number, number, number]>([
		[9, 11, 0.9091, 0.7541, 1],
		[13, 10, 0.8182, 0.6192, 1],
		[18, 8, 0.7159, 0.4884, 1],
		[23, 7, 0.6136, 0.3769, 0.9991],
		[31, 5, 0.4909, 0.2549, 0.9455],
		[34, 4, 0.3682, 0.1549, 0.8752],
		[48, 2, 0.1841, 0.0359, 0.9436]
	])('at week %i (%i at risk): survival %f, band %f to %f', (time, atRisk, survival, lower, upper) => {
		const s = fit.steps.find((x) => x.time === time)!;
		expect(s.atRisk).toBe(atRisk);
		expect(s.survival).toBeCloseTo(survival, 4);
		expect(s.lower).toBeCloseTo(lower, 3);
		expect(s.upper).toBeCloseTo(upper, 3);
	});

	it('median 31 weeks, 95% interval from 18 to not reached, as survfit prints it', () => {
		expect([fit.n, fit.events, fit.median]).toEqual([11, 7, 31]);
		expect(fit.medianCi95).toEqual([18, null]);
	});

	it('a censoring does not step the curve down; an event and a censoring on one day count the event first', () => {
		const f = kaplanMeier([{ time: 5, event: true }, { time: 5, event: false }, { time: 8, event: false }, { time: 10, event: true }]);
		expect(f.steps.map((s) => [s.time, s.atRisk, Number(s.survival.toFixed(3))])).toEqual([[5, 4, 0.75], [8, 2, 0.75], [10, 1, 0]]);
		expect(f.median).toBe(10);
	});

	it('no events: the median is not reached; no observations: nothing', () => {
		expect(kaplanMeier([{ time: 40, event: false }]).median).toBeNull();
		expect(kaplanMeier([])).toMatchObject({ n: 0, steps: [], median: null });
	});
});
