/**
 * Properties every recommendation keeps, over random trial states, including states a clean run never reaches:
 * DLTs at a dose below the current one (late DLTs, re-adjudication), cohorts of any size, any current dose.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boinEliminated, recommendBoin, recommendThreePlusThree, type EscalationState } from './recommend';

const state = fc
	.integer({ min: 1, max: 6 })
	.chain((doses) =>
		fc.tuple(
			fc.integer({ min: 1, max: doses }),
			fc.array(fc.integer({ min: 0, max: 12 }), { minLength: doses, maxLength: doses }),
			fc.array(fc.integer({ min: 0, max: 12 }), { minLength: doses, maxLength: doses })
		)
	)
	.map(([currentDose, n, raw]): EscalationState => ({ currentDose, n, dlt: raw.map((x, i) => Math.min(x, n[i]!)) }));

describe('3+3 is safe in any state', () => {
	it.each([true, false])('deescalation (MTD confirmed on 6) = %s', (deescalation) => {
		fc.assert(
			fc.property(state, (s) => {
				const r = recommendThreePlusThree(s, { deescalation });
				const ceiling = s.dlt.findIndex((x) => x >= 2) + 1 || Infinity;
				if (r.continue) {
					// The next cohort never goes to a dose with 2 or more DLTs, nor above one.
					expect(s.dlt[r.nextDose! - 1]).toBeLessThan(2);
					expect(r.nextDose!).toBeLessThan(ceiling);
				} else if (r.mtd !== null) {
					// A named MTD has fewer than 2 DLTs and lies below every dose that has 2 or more.
					expect(s.dlt[r.mtd - 1]).toBeLessThan(2);
					expect(r.mtd).toBeLessThan(ceiling);
					// …and had 6 treated, unless the design is Storer's variant (which says so in the reason).
					if (deescalation) expect(s.n[r.mtd - 1]).toBeGreaterThanOrEqual(6);
					else if (s.n[r.mtd - 1]! < 6) expect(r.reason).toMatch(/Storer's variant/);
				} else {
					// No MTD only when dose 1 is too toxic.
					expect(ceiling).toBe(1);
				}
			}),
			{ numRuns: 3000 }
		);
	});
});

describe('BOIN is safe in any state', () => {
	it.each([true, false])('stop when de-escalation is impossible = %s', (stopWhenDeescalationImpossible) => {
		fc.assert(
			fc.property(state, (s) => {
				const r = recommendBoin(s, { target: 0.3, elimination: true, stopWhenDeescalationImpossible });
				const eliminated = boinEliminated(s, 0.3);
				// The next cohort never goes to an eliminated dose (elimination closes that dose and all above).
				if (r.continue) expect(eliminated).not.toContain(r.nextDose);
				// A named MTD is never eliminated; with dose 1 eliminated there is none.
				if (!r.continue && r.mtd !== null) expect(eliminated).not.toContain(r.mtd);
				if (eliminated.includes(1)) expect(r.continue ? null : r.mtd).toBeNull();
				// Stopping at dose 1 for toxicity names no MTD.
				if (!r.continue && /stop for toxicity/.test(r.reason)) expect(r.mtd).toBeNull();
			}),
			{ numRuns: 3000 }
		);
	});
});
