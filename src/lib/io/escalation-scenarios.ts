/**
 * Scenarios for `dosewatch recommend`: validated with valibot, defaults filled, answered by the domain's design
 * functions. A bad scenario names its index and field.
 */
import * as v from 'valibot';
import { EscalationInputError, recommendFor, type Recommendation } from '../domain/escalation/recommend';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ScenarioSchema = v.object({
	design: v.picklist(['3+3', 'boin'] as const),
	currentDose: v.pipe(v.number(), v.integer(), v.minValue(1)),
	n: v.pipe(v.array(Count), v.minLength(1)),
	dlt: v.pipe(v.array(Count), v.minLength(1)),
	// The standard 3+3 (an MTD confirmed on 6); false is Storer's variant.
	deescalation: v.optional(v.boolean(), true),
	target: v.optional(v.pipe(v.number(), v.gtValue(0), v.ltValue(1)), 0.3),
	elimination: v.optional(v.boolean(), true),
	stopWhenDeescalationImpossible: v.optional(v.boolean(), false)
});

export type Scenario = v.InferOutput<typeof ScenarioSchema>;

export interface ScenarioResult {
	nextDose: number | null;
	continue: boolean;
	mtd: number | null;
	reason: string;
}

export class ScenarioError extends Error {}

export function parseScenario(raw: unknown, label: string): Scenario {
	const r = v.safeParse(ScenarioSchema, raw);
	if (!r.success) {
		const issue = r.issues[0];
		const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
		throw new ScenarioError(`${label}${path ? `.${path}` : ''}: ${issue.message}`);
	}
	return r.output;
}

export function answerScenario(s: Scenario, label: string): ScenarioResult {
	try {
		const state = { currentDose: s.currentDose, n: s.n, dlt: s.dlt };
		// The same entry point as the app's Escalation tab.
		const r: Recommendation = recommendFor(
			s.design === '3+3'
				? { kind: '3+3', deescalation: s.deescalation }
				: { kind: 'boin', target: s.target, elimination: s.elimination, stopWhenDeescalationImpossible: s.stopWhenDeescalationImpossible },
			state
		);
		return { nextDose: r.nextDose, continue: r.continue, mtd: r.mtd, reason: r.reason };
	} catch (e) {
		if (e instanceof EscalationInputError) throw new ScenarioError(`${label}: ${e.message}`);
		throw e;
	}
}
