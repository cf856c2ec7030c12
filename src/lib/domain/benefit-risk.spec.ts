import { describe, expect, it } from 'vitest';
import { benefitRiskByLevel } from './benefit-risk';
import type { DoseLevelEvaluation } from './dlt/evaluate-study';
import type { GradedResult } from './labs/grade-labs';
import type { AdaSubject } from './immunogenicity/ada';
import type { StudyActivity } from './response/activity';

const level = (doseLevel: string, dlts: number, evaluable: number): DoseLevelEvaluation => ({ doseLevel, enrolled: evaluable, evaluable, dlts, pending: 0, notEvaluable: 0, decision: 'enrolling', reason: '', usesCommittee: false });
const lab = (usubjid: string, grade: number, date: string, postBaseline = true, term = 'Neutrophil count decreased'): GradedResult =>
	({ result: { usubjid, domain: 'LB', date }, studyDay: 8, isBaseline: !postBaseline, postBaseline, baseline: null, low: { term, grade, why: null, system: 'SI', converted: null, assumption: null }, high: null }) as unknown as GradedResult;
const ada = (usubjid: string, adaStatus: AdaSubject['adaStatus']): AdaSubject => ({ usubjid, adaStatus, pattern: 'negative', reason: '', samples: [] });

describe('benefit–risk per dose level', () => {
	const subjects = [{ usubjid: 'A', doseLevel: 'L1' }, { usubjid: 'B', doseLevel: 'L1' }, { usubjid: 'C', doseLevel: 'L2' }];
	const rows = benefitRiskByLevel({
		levels: [level('L1', 1, 2), level('L2', 0, 1)],
		subjects,
		graded: [lab('A', 4, '2026-03-10'), lab('A', 2, '2026-03-20'), lab('B', 3, '2026-05-01'), lab('C', 4, '2026-02-01', false), lab('C', 1, '2026-03-10')],
		asOf: '2026-04-01',
		ada: [ada('A', 'positive'), ada('B', 'not_evaluable'), ada('C', 'negative')],
		activity: {
			settings: { evaluator: 'INVESTIGATOR', confirmMinDays: 28, sdMinDays: 42, maxNeBetween: 1 },
			subjects: [],
			levels: [{ doseLevel: 'L1', n: 2, bor: { CR: 0, PR: 1, SD: 1, 'NON-CR/NON-PD': 0, PD: 0, NE: 0 }, orr: 50, orrCi95: [1.3, 98.7], dcr: 100, dcrCi95: [15.8, 100], pfs: null, dor: null }]
		} as StudyActivity
	});

	it('DLTs of the evaluable, as the DLT evaluation counts them', () => {
		expect(rows.map((r) => [r.doseLevel, r.dlt.dlts, r.dlt.evaluable])).toEqual([['L1', 1, 2], ['L2', 0, 1]]);
	});

	it('the worst lab grade after the first dose and to the cut-off: a baseline grade 4 and a grade 3 after the cut-off do not count (B has no result by then)', () => {
		expect(rows[0]!.labs).toEqual({ graded: 1, grade3OrWorse: 1, grade4: 1, terms: ['Neutrophil count decreased'] });
		expect(rows[1]!.labs).toMatchObject({ graded: 1, grade3OrWorse: 0, grade4: 0 });
	});

	it('ADA: participants with a status, and those with an anti-drug response', () => {
		expect(rows.map((r) => r.ada)).toEqual([{ evaluable: 1, positive: 1 }, { evaluable: 1, positive: 0 }]);
	});

	it('responses where assessed; a level without an assessment says so instead of 0%', () => {
		expect(rows[0]!.response).toMatchObject({ assessed: 2, orr: 50 });
		expect(rows[1]!.response).toMatchObject({ assessed: 0, orr: null });
	});

	it('each participant side by side: DLT status, worst lab grade, ADA and best response', () => {
		expect(rows[0]!.participants.map((p) => [p.usubjid, p.worstLab?.grade ?? null, p.ada])).toEqual([['A', 4, 'positive'], ['B', null, 'not_evaluable']]);
	});

	it('a study without IS or RS: no ADA or response column to show', () => {
		const bare = benefitRiskByLevel({ levels: [level('L1', 0, 3)], subjects, graded: [], asOf: '2026-04-01', ada: null, activity: null });
		expect([bare[0]!.ada, bare[0]!.response, bare[0]!.labs.graded]).toEqual([null, null, 0]);
	});
});
