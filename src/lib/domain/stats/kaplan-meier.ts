/**
 * The Kaplan–Meier (product-limit) estimator with Greenwood's variance and the "log" confidence interval (R
 * survival's default, `conf.type = "log"`), and the median with its interval read where the bands cross one half,
 * as `survfit` reports them. Times are whole days; an event and a censoring at one time count the event first. Pure.
 */

export interface TimeToEventObservation {
	/** Days from the start (day 1 counts as 1). */
	time: number;
	/** True: the event (progression, death); false: censored at `time`. */
	event: boolean;
}

export interface KaplanMeierStep {
	time: number;
	atRisk: number;
	events: number;
	censored: number;
	survival: number;
	/** The 95% band (log transform); NaN where it cannot be computed (no one left, survival 0). */
	lower: number;
	upper: number;
}

export interface KaplanMeierFit {
	n: number;
	events: number;
	/** One step per distinct time with an event or a censoring, in time order. */
	steps: KaplanMeierStep[];
	/** The first time the survival is at or below one half; null when it never is (not reached). */
	median: number | null;
	/** The median's 95% interval: the first times the lower and the upper band are at or below one half. */
	medianCi95: [number | null, number | null];
}

const Z95 = 1.959963984540054;

export function kaplanMeier(observations: readonly TimeToEventObservation[]): KaplanMeierFit {
	const byTime = new Map<number, { events: number; censored: number }>();
	for (const o of observations) {
		const at = byTime.get(o.time) ?? { events: 0, censored: 0 };
		if (o.event) at.events++;
		else at.censored++;
		byTime.set(o.time, at);
	}
	let atRisk = observations.length;
	let survival = 1;
	let greenwood = 0;
	const steps: KaplanMeierStep[] = [];
	for (const [time, { events, censored }] of [...byTime].sort((a, b) => a[0] - b[0])) {
		if (events > 0) {
			survival *= 1 - events / atRisk;
			greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : Infinity;
		}
		const se = Math.sqrt(greenwood);
		const band = survival > 0 && Number.isFinite(se);
		steps.push({
			time,
			atRisk,
			events,
			censored,
			survival,
			lower: band ? survival * Math.exp(-Z95 * se) : NaN,
			upper: band ? Math.min(1, survival * Math.exp(Z95 * se)) : NaN
		});
		atRisk -= events + censored;
	}
	const eventSteps = steps.filter((s) => s.events > 0);
	const firstAtOrBelowHalf = (v: (s: KaplanMeierStep) => number) => eventSteps.find((s) => v(s) <= 0.5 + 1e-12)?.time ?? null;
	return {
		n: observations.length,
		events: observations.filter((o) => o.event).length,
		steps,
		median: firstAtOrBelowHalf((s) => s.survival),
		medianCi95: [firstAtOrBelowHalf((s) => (Number.isNaN(s.lower) ? 0 : s.lower)), firstAtOrBelowHalf((s) => (Number.isNaN(s.upper) ? 0 : s.upper))]
	};
}
