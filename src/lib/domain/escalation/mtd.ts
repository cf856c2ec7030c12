/** BOIN's MTD selection: isotonic regression of the observed DLT rates, then the dose closest to the target. */
import type { EscalationState } from './state';

const EPS = 1e-9;

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
