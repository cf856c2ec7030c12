/**
 * Dose-escalation decisions: 3+3 (the standard design with de-escalation after Korn et al. 1994, or Storer's variant) and BOIN
 * (Liu and Yuan 2015), with MTD selection. Pure functions; doses are numbered from 1 in escalation order.
 * Every result names the rule that gave it.
 */
import type { EscalationDesign } from '../types';

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

/** The study's design applied to a state: the one entry point every page, the pack and the command use. */
export function recommendFor(design: EscalationDesign, state: EscalationState): Recommendation {
	return design.kind === '3+3'
		? recommendThreePlusThree(state, { deescalation: design.deescalation })
		: recommendBoin(state, { target: design.target, elimination: design.elimination, stopWhenDeescalationImpossible: design.stopWhenDeescalationImpossible });
}

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

// ---------------------------------------------------------------- 3+3

/**
 * The 3+3 decision at the current dose d, safe in any state (late DLTs at a lower dose, re-adjudication). The
 * "ceiling" is the lowest dose with 2 or more DLTs: it and every dose above it are closed. The first case that
 * applies decides:
 *  1. d is at or above the ceiling: go below it. The dose under the ceiling is the MTD once it has 6 or more
 *     treated; with fewer, treat more there (the standard design: an MTD is confirmed on 6). Under Storer's
 *     variant (`deescalation` off: the design says in words that the MTD may be declared without 6) stop with it
 *     as the MTD. No dose under the ceiling: stop, no MTD.
 *  2. Fewer than 3, or 4–5, treated at d: stay at d.
 *  3. 1 of 3: stay and treat 3 more.
 *  4. 0 of 3, or at most 1 of 6: escalate to d + 1, unless d is the top dose or d + 1 is closed; then d is the
 *     MTD once it has 6 treated, else treat 3 more at d to confirm it (Storer's variant: stop with MTD = d).
 * So the next cohort never goes to a closed dose, and a named MTD never has 2 DLTs nor lies above a dose that has.
 */
export function recommendThreePlusThree(s: EscalationState, o: ThreePlusThreeOptions): Recommendation {
	assertValidState(s);
	const d = s.currentDose;
	const n = s.n[d - 1]!;
	const x = s.dlt[d - 1]!;
	const top = s.n.length;
	const stop = (mtd: number | null, reason: string): Recommendation => ({ nextDose: mtd, continue: false, mtd, reason, eliminated: [] });
	const go = (dose: number, reason: string): Recommendation => ({ nextDose: dose, continue: true, mtd: null, reason, eliminated: [] });
	const ceilingIndex = s.dlt.findIndex((k) => k >= 2);
	const ceiling = ceilingIndex < 0 ? null : ceilingIndex + 1;
	const storer = "Storer's variant: the design declares the MTD without 6 treated";

	/** Dose m (below every closed dose) as the MTD: confirmed on 6, or treat more there first. */
	const confirm = (m: number, why: string, rule: string): Recommendation => {
		const nm = s.n[m - 1]!;
		const xm = s.dlt[m - 1]!;
		const had = `dose ${m} has ${xm} DLT${xm === 1 ? '' : 's'} in ${nm}`;
		if (nm >= 6) return stop(m, `${why}; ${had}: stop, MTD = dose ${m} (${rule}).`);
		if (!o.deescalation) return stop(m, `${why}; ${had}: stop, MTD = dose ${m} (${rule}; ${storer}).`);
		const more = nm < 3 ? `treat at dose ${m}` : `treat ${6 - nm} more at dose ${m}`;
		return go(m, `${why}; ${had} (6 needed to confirm an MTD): ${more} (${rule}).`);
	};

	if (ceiling !== null && d >= ceiling) {
		const xc = s.dlt[ceiling - 1]!;
		const why =
			d === ceiling
				? `${x} DLTs in ${n} at dose ${d}: too toxic`
				: `dose ${ceiling} has ${xc} DLTs in ${s.n[ceiling - 1]}: it and every dose above it (dose ${d} included) are too toxic`;
		if (ceiling === 1) return stop(null, `${why}; dose 1 is too toxic: stop, no MTD (rule 1).`);
		return confirm(ceiling - 1, `${why}; de-escalate below dose ${ceiling}`, 'rule 1');
	}
	if (n < 3) return go(d, `${n} treated at dose ${d} (3 needed): stay (rule 2).`);
	if (n > 3 && n < 6) return go(d, `${n} treated at dose ${d} (6 needed after expansion): stay (rule 2).`);
	if (n === 3 && x === 1) return go(d, `1 DLT in 3 at dose ${d}: treat 3 more at dose ${d} (rule 3).`);
	const seen = n === 3 ? `0 DLTs in 3 at dose ${d}` : `${x} DLT${x === 1 ? '' : 's'} in ${n} at dose ${d}`;
	if (d === top) return confirm(d, `${seen}, the top dose`, 'rule 4');
	if (ceiling === d + 1) return confirm(d, `${seen}; dose ${d + 1} has ${s.dlt[d]} DLTs in ${s.n[d]} (too toxic)`, 'rule 4');
	// Dose d + 1 already has 6 evaluated with at most 1 DLT (the cohorts came back down): decide from there.
	if (s.n[d]! >= 6) {
		// Skip every dose above that is already cleared on 6, and decide from the highest of them.
		let j = d + 1;
		while (j < top && s.n[j]! >= 6 && (ceiling === null || j + 1 < ceiling)) j++;
		const above = recommendThreePlusThree({ ...s, currentDose: j }, o);
		const which = j === d + 1 ? `dose ${j} already has` : `doses ${d + 1}–${j} already have`;
		return { ...above, reason: `${seen}; ${which} 6 or more treated with at most 1 DLT, so from dose ${j}: ${above.reason}` };
	}
	return go(d + 1, `${seen}: escalate to dose ${d + 1} (rule 4).`);
}

// ---------------------------------------------------------------- BOIN

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

const EPS = 1e-9;

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
 * MTD selection: isotonic regression (pooled adjacent violators, weighted by n) of the observed DLT rates over
 * the treated, non-eliminated doses, then the dose whose estimate is closest to the target. On a tie the higher
 * dose when the tied estimates are below the target, the lower when above (and the lower when they straddle
 * it). No MTD when dose 1 is eliminated or nothing was treated.
 */
export function selectMtd(s: Pick<EscalationState, 'n' | 'dlt'>, target: number, eliminated: readonly number[]): { mtd: number | null; estimates: Map<number, number> } {
	const estimates = new Map<number, number>();
	if (eliminated.includes(1)) return { mtd: null, estimates };
	const doses = s.n.map((n, i) => i + 1).filter((j) => s.n[j - 1]! > 0 && !eliminated.includes(j));
	if (doses.length === 0) return { mtd: null, estimates };
	// Pool adjacent violators: blocks of (weight, weighted sum, doses).
	const blocks: { w: number; sum: number; doses: number[] }[] = [];
	for (const j of doses) {
		blocks.push({ w: s.n[j - 1]!, sum: s.dlt[j - 1]!, doses: [j] });
		while (blocks.length > 1) {
			const b = blocks[blocks.length - 1]!;
			const a = blocks[blocks.length - 2]!;
			if (a.sum / a.w <= b.sum / b.w + EPS) break;
			blocks.splice(blocks.length - 2, 2, { w: a.w + b.w, sum: a.sum + b.sum, doses: [...a.doses, ...b.doses] });
		}
	}
	for (const b of blocks) for (const j of b.doses) estimates.set(j, b.sum / b.w);
	let best: number | null = null;
	for (const j of doses) {
		if (best === null) {
			best = j;
			continue;
		}
		const dj = Math.abs(estimates.get(j)! - target);
		const db = Math.abs(estimates.get(best)! - target);
		if (dj < db - EPS) best = j;
		else if (Math.abs(dj - db) <= EPS && estimates.get(j)! < target - EPS && estimates.get(best)! < target - EPS) best = j;
	}
	return { mtd: best, estimates };
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
