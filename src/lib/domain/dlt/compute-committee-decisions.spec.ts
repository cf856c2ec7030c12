import { describe, expect, it } from 'vitest';
import type { Adjudication } from '../types';
import { computeCommitteeDecisions } from './compute-committee-decisions';
import { adjudicationKey } from './evaluate-study';

const rec = (aeseq: number, decision: Adjudication['decision'], at: string, id: number): Adjudication => ({
	id, studyId: 's', usubjid: 'S-1', aeseq, decision, reason: `r${id}`, by: 'SRC', at,
	engineVerdict: 'dlt', engineRule: '1', engineReason: '', ruleSet: { id: 'generic', version: 1 }
});

describe('computeCommitteeDecisions', () => {
	it.each([
		['one decision counts', [rec(1, 'not_dlt', '2026-01-01', 1)], 'not_dlt'],
		['the latest of several counts', [rec(1, 'not_dlt', '2026-01-01', 1), rec(1, 'dlt', '2026-01-02', 2)], 'dlt'],
		['order of storage does not matter', [rec(1, 'dlt', '2026-01-02', 2), rec(1, 'not_dlt', '2026-01-01', 1)], 'dlt'],
		['a withdrawal leaves no decision', [rec(1, 'dlt', '2026-01-01', 1), rec(1, 'withdrawn', '2026-01-03', 2)], undefined],
		['a decision after a withdrawal counts', [rec(1, 'withdrawn', '2026-01-01', 1), rec(1, 'not_dlt', '2026-01-03', 2)], 'not_dlt']
	] as const)('%s', (_n, records, expected) => {
		expect(computeCommitteeDecisions(records).get(adjudicationKey('S-1', 1))?.decision).toBe(expected);
	});
});
