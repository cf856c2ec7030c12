/**
 * Where the study's design stands at each dose level: the design's answer as if that level were the dose last
 * given. The Escalation tab's recommendation is the row of the dose last given, so the DLT table, the charts,
 * the meeting pack and the Escalation tab can never disagree: they all come from `recommendFor`.
 */
import type { LevelStanding } from '../dlt/rule-types';
import type { EscalationDesign } from '../types';
import { recommendFor, type EscalationState } from './recommend';

export interface LevelStandingResult {
	standing: LevelStanding;
	/** The level's own count and the design's conclusion: "1 of 6 evaluable with a DLT; the design: stop, MTD = dose 4 (DL4)". */
	reason: string;
	/** The design's whole reasoning, as the Escalation tab shows it for the dose last given. */
	detail: string;
}

/** "dose 3" → "dose 3 (DL3)" in a design's reason, so it reads in the study's own codes. */
export function withDoseCodes(text: string, codes: readonly string[]): string {
	return text.replace(/\bdose (\d+)\b/g, (m, d: string) => {
		const code = codes[Number(d) - 1];
		return code && code !== `dose ${d}` ? `${m} (${code})` : m;
	});
}

export function levelStandings(design: EscalationDesign, n: readonly number[], dlt: readonly number[], codes: readonly string[]): LevelStandingResult[] {
	if (n.length === 0) return [];
	return n.map((count, i) => {
		const state: EscalationState = { currentDose: i + 1, n: [...n], dlt: [...dlt] };
		const r = recommendFor(design, state);
		const detail = withDoseCodes(r.reason, codes);
		const conclusion = r.continue ? `next cohort at dose ${r.nextDose}` : r.mtd !== null ? `stop, MTD = dose ${r.mtd}` : 'stop, no MTD';
		const reason = withDoseCodes(`${dlt[i]} of ${count} evaluable with a DLT; the design: ${conclusion}.`, codes);
		const at = (standing: LevelStanding): LevelStandingResult => ({ standing, reason, detail });
		if (!r.continue) return at('stop');
		if (r.nextDose! > i + 1) return at('escalate');
		if (r.nextDose! < i + 1) return at('de_escalate');
		if (count < 3) return at('enrolling');
		return at(design.kind === '3+3' ? 'expand' : 'stay');
	});
}
