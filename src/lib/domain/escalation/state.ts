/** What every escalation design reads and answers: the counts per dose, the options, the recommendation. */

export interface EscalationState {
	/** The dose last given, 1-based. */
	currentDose: number;
	/** Patients treated (evaluable) at each dose. */
	n: number[];
	/** Patients with a DLT at each dose. */
	dlt: number[];
}

export interface ThreePlusThreeOptions {
	deescalation: boolean;
}

export interface BoinOptions {
	target: number;
	elimination: boolean;
	stopWhenDeescalationImpossible: boolean;
}

export interface Recommendation {
	/** The dose for the next cohort while `continue`; the recommended MTD once stopped (null: none acceptable). */
	nextDose: number | null;
	continue: boolean;
	mtd: number | null;
	reason: string;
	/** Doses eliminated as too toxic (BOIN), 1-based. */
	eliminated: number[];
}

export class EscalationInputError extends Error {}

/** Checks a state; throws EscalationInputError naming what is wrong. */
export function assertValidState(s: EscalationState): void {
	if (!Array.isArray(s.n) || !Array.isArray(s.dlt) || s.n.length === 0) throw new EscalationInputError('n and dlt must be non-empty arrays');
	if (s.n.length !== s.dlt.length) throw new EscalationInputError(`n has ${s.n.length} doses but dlt has ${s.dlt.length}`);
	s.n.forEach((n, i) => {
		const x = s.dlt[i]!;
		if (!Number.isInteger(n) || n < 0) throw new EscalationInputError(`n[${i + 1}] = ${n} is not a whole number ≥ 0`);
		if (!Number.isInteger(x) || x < 0) throw new EscalationInputError(`dlt[${i + 1}] = ${x} is not a whole number ≥ 0`);
		if (x > n) throw new EscalationInputError(`dose ${i + 1} has ${x} DLTs but only ${n} treated`);
	});
	if (!Number.isInteger(s.currentDose) || s.currentDose < 1 || s.currentDose > s.n.length)
		throw new EscalationInputError(`currentDose ${s.currentDose} is not one of the doses 1–${s.n.length}`);
}
