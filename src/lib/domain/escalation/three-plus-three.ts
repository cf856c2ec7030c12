/** The 3+3 design: the standard one (an MTD confirmed on 6, de-escalation after Korn et al. 1994) and Storer's variant. */
import { assertValidState, type EscalationState, type Recommendation, type ThreePlusThreeOptions } from './state';

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
