/** BOIN (Liu and Yuan 2015): boundaries, elimination and the decision at the current dose. */
import { selectMtd } from './mtd';
import { assertValidState, EscalationInputError, type BoinOptions, type EscalationState, type Recommendation } from './state';

const EPS = 1e-9;

export interface BoinBoundaries {
	lambdaE: number;
	lambdaD: number;
}

export function boinLambdas(target: number): BoinBoundaries {
	const phi = target;
	const phi1 = 0.6 * phi;
	const phi2 = 1.4 * phi;
	return {
		lambdaE: Math.log((1 - phi1) / (1 - phi)) / Math.log((phi * (1 - phi1)) / (phi1 * (1 - phi))),
		lambdaD: Math.log((1 - phi) / (1 - phi2)) / Math.log((phi2 * (1 - phi)) / (phi * (1 - phi2)))
	};
}

/** P(p > φ | x DLTs in n) under a Beta(1, 1) prior: the posterior is Beta(x + 1, n − x + 1). */
export function posteriorAbove(target: number, x: number, n: number): number {
	// For integer parameters, P(Beta(a, b) > φ) = P(Binomial(a + b − 1, φ) ≤ a − 1).
	const m = n + 1;
	let sum = 0;
	let term = (1 - target) ** m; // j = 0
	for (let j = 0; j <= x; j++) {
		sum += term;
		term *= ((m - j) / (j + 1)) * (target / (1 - target));
	}
	return Math.min(1, sum);
}

export interface BoinRow {
	n: number;
	/** Largest DLT count that escalates. */
	escalate: number;
	/** Smallest DLT count that de-escalates. */
	deescalate: number;
	/** Smallest DLT count that eliminates (null when n < 3 or none can). */
	eliminate: number | null;
}


export function boinRow(target: number, n: number): BoinRow {
	const { lambdaE, lambdaD } = boinLambdas(target);
	const escalate = Math.floor(lambdaE * n + EPS);
	let deescalate = Math.floor(lambdaD * n + EPS) + 1;
	let eliminate: number | null = null;
	if (n >= 3) {
		for (let x = 0; x <= n; x++) {
			if (posteriorAbove(target, x, n) > 0.95) {
				eliminate = x;
				break;
			}
		}
	}
	if (eliminate !== null) deescalate = Math.min(deescalate, eliminate);
	return { n, escalate, deescalate, eliminate };
}

export function boinTable(target: number, maxN: number): BoinRow[] {
	return Array.from({ length: maxN }, (_, i) => boinRow(target, i + 1));
}

function assertTarget(target: number) {
	if (!(typeof target === 'number' && target > 0 && target < 1)) throw new EscalationInputError(`target ${target} must be between 0 and 1`);
}

/** Doses (1-based) eliminated: the lowest dose that meets the elimination boundary and every dose above it. */
export function boinEliminated(s: EscalationState, target: number): number[] {
	for (let j = 1; j <= s.n.length; j++) {
		const row = boinRow(target, s.n[j - 1]!);
		if (row.eliminate !== null && s.dlt[j - 1]! >= row.eliminate) return Array.from({ length: s.n.length - j + 1 }, (_, k) => j + k);
	}
	return [];
}

/**
 * The BOIN decision at the current dose d. The first case that applies decides:
 *  1. Nobody treated at d yet: treat the next cohort at d.
 *  2. d meets the elimination boundary (n ≥ 3, elimination on): d and every higher dose are eliminated; at d = 1
 *     stop with no MTD, else go one dose lower.
 *  3. DLTs ≤ the escalation boundary: escalate, or stay at the top dose or when d + 1 is eliminated.
 *  4. DLTs ≥ the de-escalation boundary: de-escalate; at d = 1 stay, or stop with no MTD when "stop when
 *     de-escalation is impossible" is on.
 *  5. Otherwise stay.
 * Whatever the case, the next cohort never goes to an eliminated dose: the lowest eliminated dose closes every
 * dose above it (a late DLT at a lower dose can eliminate a dose below d); with dose 1 eliminated, stop.
 * When the design stops, the MTD is selected by isotonic regression (selectMtd) among the doses not eliminated.
 */
export function recommendBoin(s: EscalationState, o: BoinOptions): Recommendation {
	assertValidState(s);
	assertTarget(o.target);
	const d = s.currentDose;
	const n = s.n[d - 1]!;
	const x = s.dlt[d - 1]!;
	const top = s.n.length;
	const eliminated = o.elimination ? boinEliminated(s, o.target) : [];
	const lowestEliminated = eliminated.length ? Math.min(...eliminated) : null;
	const go = (dose: number, reason: string): Recommendation => {
		// Elimination closes that dose and every dose above it, whatever the rule below would say.
		if (lowestEliminated !== null && dose >= lowestEliminated) {
			const closed = `dose ${lowestEliminated} and above are eliminated`;
			if (lowestEliminated === 1) return stop(`${reason.replace(/\.$/, '')}; but ${closed}: stop.`, true);
			return { nextDose: lowestEliminated - 1, continue: true, mtd: null, reason: `${reason.replace(/\.$/, '')}; but ${closed}: treat at dose ${lowestEliminated - 1}.`, eliminated };
		}
		return { nextDose: dose, continue: true, mtd: null, reason, eliminated };
	};
	const stop = (reason: string, noMtd = false): Recommendation => {
		const mtd = noMtd ? null : selectMtd(s, o.target, eliminated).mtd;
		return { nextDose: mtd, continue: false, mtd, reason: `${reason} ${mtd ? `MTD: dose ${mtd} (isotonic estimate closest to ${o.target}).` : 'No MTD.'}`, eliminated };
	};
	if (n === 0) return go(d, `Nobody treated at dose ${d} yet: treat the next cohort at dose ${d} (rule 1).`);
	const row = boinRow(o.target, n);
	const seen = `${x} DLT${x === 1 ? '' : 's'} in ${n} at dose ${d}`;
	if (o.elimination && row.eliminate !== null && x >= row.eliminate) {
		const why = `${seen} (elimination boundary ${row.eliminate}, P(rate > ${o.target}) > 0.95): dose ${d} and above eliminated`;
		return d === 1 ? stop(`${why}; dose 1 is too toxic: stop (rule 2).`, true) : go(d - 1, `${why}; de-escalate to dose ${d - 1} (rule 2).`);
	}
	if (x <= row.escalate) {
		if (d === top) return go(d, `${seen} ≤ escalation boundary ${row.escalate}, but dose ${d} is the top dose: stay (rule 3).`);
		if (eliminated.includes(d + 1)) return go(d, `${seen} ≤ escalation boundary ${row.escalate}, but dose ${d + 1} is eliminated: stay (rule 3).`);
		return go(d + 1, `${seen} ≤ escalation boundary ${row.escalate}: escalate to dose ${d + 1} (rule 3).`);
	}
	if (x >= row.deescalate) {
		if (d > 1) return go(d - 1, `${seen} ≥ de-escalation boundary ${row.deescalate}: de-escalate to dose ${d - 1} (rule 4).`);
		// Stopping at the lowest dose for toxicity names no MTD: dose 1 itself was too toxic.
		if (o.stopWhenDeescalationImpossible) return stop(`${seen} ≥ de-escalation boundary ${row.deescalate} at dose 1, where de-escalation is impossible: stop for toxicity (rule 4).`, true);
		return go(1, `${seen} ≥ de-escalation boundary ${row.deescalate}, but dose 1 is the lowest: stay (rule 4).`);
	}
	return go(d, `${seen}: between the boundaries (escalate ≤ ${row.escalate}, de-escalate ≥ ${row.deescalate}): stay (rule 5).`);
}
