/**
 * A toxicity episode read from the counts (labs/lab-episodes.ts), judged by the same DLT rules as an AE. It is
 * judged twice, as the shortest and the longest reading the draws allow: a clause both readings meet is met,
 * one neither meets is not, one only the longest meets waits on the days between draws. An episode whose
 * matching AE (same CTCAE term, overlapping dates) is already a DLT adds nothing, nor does one whose matching AE
 * is pending unless the counts settle it as a DLT; any other episode that meets,
 * or may meet, a clause goes to the committee as a lab-defined DLT candidate, naming its source: relatedness is
 * the matching AE's, and without an AE it is unknown, so the candidate is judged as if related and the committee
 * decides. Pure.
 */
import type { LabDraw, LabEpisode } from '../labs/lab-episodes';
import { computeStudyDay, dayNumber, dayRange } from '../partial-date';
import type { AdverseEvent, Relatedness } from '../types';
import { canonicalTerm } from './classify-term';
import { evaluateAe, type AeContext, type AeEvaluation } from './evaluate-ae';
import type { AeVerdict, DltRuleSet } from './rule-types';

export interface LabSource {
	testcd: string;
	draws: LabDraw[];
	recovery: LabDraw | null;
	/** The AE recorded for the same toxicity, when there is one. */
	matchedAe: { aeseq: number; term: string; grade: number | null; verdict: AeVerdict } | null;
}

export interface LabEpisodeVerdict extends AeEvaluation {
	/** The episode as an event (its longest reading). */
	ae: AdverseEvent;
	lab: LabSource;
}

const span = (ae: AdverseEvent, asOfDay: number): [number, number] | null => {
	const s = dayRange(ae.start);
	if (!s) return null;
	const e = ae.end ? (dayRange(ae.end)?.[1] ?? asOfDay) : asOfDay;
	return [s[0], e];
};

/** "0.42 GI/L on day 8, 0.38 on day 11; recovered (1.6) on day 18" */
export function describeDraws(testcd: string, draws: readonly LabDraw[], recovery: LabDraw | null, firstDose: string): string {
	const day = (d: LabDraw) => `day ${computeStudyDay(d.date, firstDose)}`;
	const shown = draws.length > 6 ? [...draws.slice(0, 3), null, ...draws.slice(-2)] : draws;
	const list = shown.map((d, i) => (d === null ? '…' : `${d.value ?? '?'}${i === 0 ? ` ${d.unit}` : ''} (grade ${d.grade}) on ${day(d)}`)).join(', ');
	return `${testcd} ${list}${recovery ? `; back to normal (${recovery.value ?? '?'}) on ${day(recovery)}` : '; no recovery draw yet'}`;
}

export function evaluateLabEpisode(
	ep: LabEpisode,
	aeVerdicts: readonly { ae: AdverseEvent; verdict: AeVerdict }[],
	context: AeContext,
	set: DltRuleSet,
	attributable: readonly string[]
): LabEpisodeVerdict | null {
	if (!context.firstDose) return null;
	const asOfDay = dayNumber(context.asOf)!;
	const mine = span(ep.longest, asOfDay);
	const term = ep.term.toLowerCase();
	const matched = aeVerdicts.find(({ ae }) => {
		if (canonicalTerm(set, ae.term, ae).toLowerCase() !== term) return false;
		const theirs = span(ae, asOfDay);
		return Boolean(mine && theirs && theirs[0] <= mine[1] && mine[0] <= theirs[1]);
	});
	if (matched?.verdict === 'dlt') return null;
	const hypothetical = !matched;
	const attribution: Record<string, Relatedness | null> = matched
		? matched.ae.attribution
		: Object.fromEntries((attributable.length ? attributable : ['study drug']).map((d) => [d, set.attribution.minimum]));
	const shortest = evaluateAe({ ...ep.shortest, attribution }, context, set);
	const longest = evaluateAe({ ...ep.longest, attribution }, context, set);
	if (shortest.verdict === 'not_dlt' && longest.verdict === 'not_dlt') return null;
	// An AE already waiting for the same toxicity: the counts add a candidate only when they settle it as a DLT.
	if (matched?.verdict === 'pending' && !(shortest.verdict === 'dlt' && longest.verdict === 'dlt')) return null;
	const lab: LabSource = {
		testcd: ep.testcd,
		draws: ep.draws,
		recovery: ep.recovery,
		matchedAe: matched ? { aeseq: matched.ae.aeseq, term: matched.ae.term, grade: matched.ae.grade, verdict: matched.verdict } : null
	};
	const draws = describeDraws(ep.testcd, ep.draws, ep.recovery, context.firstDose);
	const finding =
		shortest.verdict === 'dlt' && longest.verdict === 'dlt'
			? `the counts meet rule ${longest.rule ?? shortest.rule}: ${strip(longest.reason)}`
			: shortest.verdict === longest.verdict
				? `the counts may meet a DLT rule: ${strip(longest.reason)}`
				: `between the draws it is not known how long it lasted. At the least, ${strip(shortest.reason)}. At the most, ${strip(longest.reason)}`;
	const source = matched
		? `AE ${matched.ae.aeseq} (${matched.ae.term}, grade ${matched.ae.grade ?? 'not recorded'}) is ${matched.verdict === 'pending' ? 'pending' : 'not a DLT'}, but`
		: 'no AE recorded;';
	const ifRelated = hypothetical ? ' A DLT only if related to the study drug: relatedness is not assessed without an AE.' : '';
	return {
		...longest,
		verdict: 'pending',
		rule: longest.rule ?? shortest.rule,
		reason: `Lab-defined DLT candidate: ${source} ${finding}. From ${draws}.${ifRelated} The committee decides.`,
		turnsOn: null,
		// The episode itself, as committee decisions and reviews know it (its attribution is the AE's, not its own).
		ae: ep.longest,
		lab
	};
}

/** The reason without its trailing verdict words, to quote inside another sentence. */
function strip(reason: string): string {
	const r = reason.replace(/[.:;]\s*(DLT under rule \w+|not a DLT)?\.?$/, '').replace(/\.$/, '');
	return r.charAt(0).toLowerCase() + r.slice(1);
}

