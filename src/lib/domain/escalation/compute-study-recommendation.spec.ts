import { describe, expect, it } from 'vitest';
import type { StudyEvaluation } from '../dlt/evaluate-study';
import type { EscalationDesign } from '../types';
import { computeStudyRecommendation, withDoseCodes } from './compute-study-recommendation';

/** A minimal evaluation: per level evaluable, DLTs, pending, and the first dose of each subject. */
function evaluation(levels: [code: string, evaluable: number, dlts: number, pending: number, firstDose: string][]): StudyEvaluation {
	return {
		asOf: '2026-11-16',
		ruleSet: { id: 'generic', version: 1 },
		ruleSetsUsed: [{ id: 'generic', version: 1, effectiveFrom: null, amendment: null }],
		subjects: levels.map(([code, , , , firstDose]) => ({ subject: { doseLevel: code }, firstDose }) as StudyEvaluation['subjects'][number]),
		doseLevels: levels.map(([doseLevel, evaluable, dlts, pending]) => ({
			doseLevel, enrolled: evaluable + pending, evaluable, dlts, pending, notEvaluable: 0, usesCommittee: false, decision: 'enrolling' as const, reason: ''
		}))
	};
}
const levels = (...codes: string[]) => codes.map((code) => ({ code, label: code, doses: [] }));
const threePlusThree: EscalationDesign = { kind: '3+3', deescalation: true };

describe('computeStudyRecommendation', () => {
	it('takes the dose last given from the latest first dose and asks the design', () => {
		const r = computeStudyRecommendation(
			{ doseLevels: levels('DL1', 'DL2', 'DL3'), design: threePlusThree },
			evaluation([['DL1', 3, 0, 0, '2026-01-05'], ['DL2', 2, 0, 1, '2026-03-01'], ['DL3', 0, 0, 0, '']])
		);
		expect(r.state).toEqual({ currentDose: 2, n: [3, 2, 0], dlt: [0, 0, 0] });
		expect(r.recommendation).toMatchObject({ nextDose: 2, continue: true });
		expect(r.ifNoneMore).toMatchObject({ nextDose: 3, continue: true }); // 0 of 3 once the pending one clears
		expect(r.ifOneMore).toMatchObject({ nextDose: 2, continue: true }); // 1 of 3: treat 3 more
	});

	it('has no what-if rows when nobody is pending', () => {
		const r = computeStudyRecommendation({ doseLevels: levels('A'), design: threePlusThree }, evaluation([['A', 3, 0, 0, '2026-01-05']]));
		expect([r.ifNoneMore, r.ifOneMore]).toEqual([null, null]);
		// 0 of 3 at the top (only) dose: the standard design expands it to 6 before naming it the MTD.
		expect(r.recommendation).toMatchObject({ continue: true, nextDose: 1, mtd: null });
	});

	it('uses BOIN when the study says so', () => {
		const r = computeStudyRecommendation(
			{ doseLevels: levels('L1', 'L2'), design: { kind: 'boin', target: 0.3, elimination: true, stopWhenDeescalationImpossible: false } },
			evaluation([['L1', 3, 0, 0, '2026-01-05'], ['L2', 3, 3, 0, '2026-02-05']])
		);
		expect(r.recommendation).toMatchObject({ nextDose: 1, continue: true, eliminated: [2] });
	});

	it('writes reasons in the study’s dose codes', () => {
		expect(withDoseCodes('escalate to dose 3 (rule 4); dose 12', ['DL1', 'DL2', 'DL3'])).toBe('escalate to dose 3 (DL3) (rule 4); dose 12');
	});
});
