import { describe, expect, it } from 'vitest';
import type { Adjudication, AdverseEvent } from '../types';
import { adjudicationBasis, computeCommitteeDecisions, orphanedDecisions } from './compute-committee-decisions';
import { adjudicationKey, effectiveVerdict, needsCommittee } from './evaluate-study';

const event = (aeseq: number, over: Partial<AdverseEvent> = {}): AdverseEvent => ({
	id: `ev-${aeseq}`, studyId: 's', usubjid: 'S-1', aeseq, verbatim: 'neutropenia', term: 'Neutrophil count decreased', soc: '', grade: 4, gradeDerived: false,
	gradeHistory: [], start: '2026-01-05', end: '2026-01-14', serious: false, seriousCriteria: [], attribution: { D: 'possible' }, attributionHistory: [],
	action: '', outcome: '', treated: null, notes: '', rev: 1, ...over
});

const rec = (aeseq: number, decision: Adjudication['decision'], at: string, id: string, over: Partial<Adjudication> = {}): Adjudication => ({
	id, studyId: 's', usubjid: 'S-1', aeseq, decision, reason: `r${id}`, by: 'SRC', at,
	engineVerdict: 'dlt', engineRule: '1', engineReason: '', ruleSet: { id: 'generic', version: 1 }, ...over
});

describe('computeCommitteeDecisions', () => {
	const aes = [event(1)];
	it.each([
		['one decision counts', [rec(1, 'not_dlt', '2026-01-01', 'a')], 'not_dlt'],
		['the latest of several counts', [rec(1, 'not_dlt', '2026-01-01', 'a'), rec(1, 'dlt', '2026-01-02', 'b')], 'dlt'],
		['order of storage does not matter', [rec(1, 'dlt', '2026-01-02', 'b'), rec(1, 'not_dlt', '2026-01-01', 'a')], 'dlt'],
		['a withdrawal leaves no decision', [rec(1, 'dlt', '2026-01-01', 'a'), rec(1, 'withdrawn', '2026-01-03', 'b')], undefined],
		['a decision after a withdrawal counts', [rec(1, 'withdrawn', '2026-01-01', 'a'), rec(1, 'not_dlt', '2026-01-03', 'b')], 'not_dlt']
	] as const)('%s', (_n, records, expected) => {
		expect(computeCommitteeDecisions(records, aes).get(adjudicationKey('S-1', 1))?.decision).toBe(expected);
	});
});

describe('a decision belongs to its event, not to its AESEQ', () => {
	const decided = event(3);
	const decision = rec(3, 'dlt', '2026-01-20', 'a', { aeId: decided.id!, basis: adjudicationBasis(decided) });

	it('follows the event when a re-export renumbers it, and does not land on the event now numbered 3', () => {
		const renumbered = [event(5, { id: decided.id }), event(3, { id: 'ev-other', verbatim: 'headache', term: 'Headache', grade: 1, attribution: { D: 'not_related' } })];
		const out = computeCommitteeDecisions([decision], renumbered);
		expect(out.get(adjudicationKey('S-1', 5))?.decision).toBe('dlt');
		expect(out.has(adjudicationKey('S-1', 3))).toBe(false);
	});

	it('applies to nothing when its event is gone, and is listed as orphaned', () => {
		const rest = [event(3, { id: 'ev-other', term: 'Headache' })];
		expect(computeCommitteeDecisions([decision], rest).size).toBe(0);
		expect(orphanedDecisions([decision], rest).map((r) => r.id)).toEqual(['a']);
	});

	it.each([
		['nothing changed', {}, []],
		['the grade went down', { grade: 1 as const }, ['Grade 4 → 1']],
		['the onset moved', { start: '2026-01-06' }, ['Onset 5 Jan 2026 → 6 Jan 2026']],
		['the event ended later', { end: '2026-01-20' }, ['End 14 Jan 2026 → 20 Jan 2026']],
		['the term was recoded', { term: 'Febrile neutropenia' }, ['Term Neutrophil count decreased → Febrile neutropenia']],
		['the attribution changed', { attribution: { D: 'unlikely' as const } }, ['Attribution to D Possible → Unlikely']]
	])('marks "changed since decided" when %s', (_n, over, expected) => {
		const out = computeCommitteeDecisions([decision], [{ ...decided, ...over }]);
		expect(out.get(adjudicationKey('S-1', 3))?.changedSince).toEqual(expected);
	});
});

describe('a decision made before its event changed', () => {
	const decision = (d: 'dlt' | 'not_dlt', changedSince: string[] = []) => ({ decision: d, reason: 'r', by: 'SRC', at: 't', changedSince });
	it.each([
		['an overrule of a DLT, event unchanged: the committee counts', 'dlt', decision('not_dlt'), 'not_dlt', false],
		['an overrule of a DLT, event regraded since: the engine counts again, back to the committee', 'dlt', decision('not_dlt', ['Grade 3 → 4']), 'dlt', true],
		['an overrule of a pending event, changed since: pending again', 'pending', decision('not_dlt', ['End ongoing → 3 Jan 2026']), 'pending', true],
		['a confirmed DLT, event downgraded since: still a DLT until re-decided, back to the committee', 'not_dlt', decision('dlt', ['Grade 3 → 1']), 'dlt', true],
		['a confirmed DLT, unchanged: a DLT, decided', 'pending', decision('dlt'), 'dlt', false]
	] as const)('%s', (_name, engine, committee, effective, needs) => {
		expect(effectiveVerdict(engine, committee as never)).toBe(effective);
		expect(needsCommittee({ verdict: engine, fatal: false, committee: committee as never })).toBe(needs);
	});
});
