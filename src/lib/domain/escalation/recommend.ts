/**
 * Dose-escalation decisions: 3+3 (the standard design with de-escalation after Korn et al. 1994, or Storer's variant) and BOIN
 * (Liu and Yuan 2015), with MTD selection. Pure functions; doses are numbered from 1 in escalation order.
 * Every result names the rule that gave it. The designs live one per file (three-plus-three.ts, boin.ts, with MTD
 * selection in mtd.ts); `recommendFor` is the one entry point every page, the meeting pack and the command use.
 */
import type { EscalationDesign } from '../types';
import type { EscalationState, Recommendation } from './state';
import { recommendBoin } from './boin';
import { recommendThreePlusThree } from './three-plus-three';

export * from './state';

/** The study's design applied to a state: the one entry point every page, the pack and the command use. */
export function recommendFor(design: EscalationDesign, state: EscalationState): Recommendation {
	return design.kind === '3+3'
		? recommendThreePlusThree(state, { deescalation: design.deescalation })
		: recommendBoin(state, { target: design.target, elimination: design.elimination, stopWhenDeescalationImpossible: design.stopWhenDeescalationImpossible });
}

export { recommendThreePlusThree } from './three-plus-three';
export { boinEliminated, boinLambdas, boinRow, boinTable, posteriorAbove, recommendBoin, type BoinBoundaries, type BoinRow } from './boin';
export { selectMtd } from './mtd';
