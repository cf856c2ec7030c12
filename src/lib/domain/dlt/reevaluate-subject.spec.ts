import { describe, expect, it } from 'vitest';
import { generateStudy } from '../../bench/generate-study';
import { findRuleSet } from '../../presets/dlt-rule-sets';
import { computeCommitteeDecisions } from './compute-committee-decisions';
import { evaluateStudy, reevaluateSubject } from './evaluate-study';

/** Compared as JSON, so each event's reason (written when first read) is compared too. */
const asJson = (x: unknown) => JSON.parse(JSON.stringify(x));

const ruleSet = findRuleSet('bat4706-bat1308')!;
const g = generateStudy({ subjects: 40, aes: 1600, doses: 400, levels: 4, seed: 7 });
const asOf = g.study.dataCutoff!;
const of = <T extends { usubjid: string }>(rows: readonly T[], u: string) => rows.filter((r) => r.usubjid === u);

describe('reevaluateSubject: one subject changed gives what a whole-study evaluation gives', () => {
	const before = evaluateStudy({ ...g, ruleSet, asOf });
	const target = g.subjects[17]!;
	const firstAe = of(g.aes, target.usubjid)[0]!;
	const firstDose = of(g.doses, target.usubjid).sort((a, b) => a.start.localeCompare(b.start))[0]!;
	const inWindow = firstDose.start.slice(0, 10);

	it.each([
		['an AE regraded to a grade 4 pneumonitis on day 1', g.aes.map((a) => (a === firstAe ? { ...a, term: 'Pneumonitis', grade: 4 as const, start: inWindow, attribution: { X: 'definite' as const } } : a))],
		['an AE deleted', g.aes.filter((a) => a !== firstAe)],
		['an AE added', [...g.aes, { ...firstAe, aeseq: 99_999, term: 'Colitis', grade: 3 as const, start: inWindow, end: null }]]
	])('%s', (_name, aes) => {
		const whole = evaluateStudy({ ...g, aes, ruleSet, asOf });
		const one = reevaluateSubject(before, target, of(g.doses, target.usubjid), of(aes, target.usubjid), { ...g, ruleSet, asOf });
		expect(asJson(one)).toEqual(asJson(whole));
	});

	it('with committee decisions, the counts and the committee mark follow', () => {
		const decisions = computeCommitteeDecisions([
			{ id: 'a1', studyId: 'bench', usubjid: target.usubjid, aeseq: firstAe.aeseq, decision: 'dlt', reason: 'r', by: 'b', at: '2027-01-01T00:00:00Z', engineVerdict: 'not_dlt', engineRule: null, engineReason: '', ruleSet: { id: ruleSet.id, version: ruleSet.version } }
		], g.aes);
		const whole = evaluateStudy({ ...g, ruleSet, asOf, decisions });
		const one = reevaluateSubject(before, target, of(g.doses, target.usubjid), of(g.aes, target.usubjid), { ...g, ruleSet, asOf, decisions });
		expect(asJson(one)).toEqual(asJson(whole));
		expect(one.doseLevels.find((l) => l.doseLevel === target.doseLevel)!.usesCommittee).toBe(true);
	});

	it('a subject new to the study is placed in subject order', () => {
		const added = { ...target, usubjid: 'BENCH-00017a' };
		const doses = of(g.doses, target.usubjid).map((d) => ({ ...d, usubjid: added.usubjid }));
		const whole = evaluateStudy({ ...g, subjects: [...g.subjects, added], doses: [...g.doses, ...doses], ruleSet, asOf });
		const one = reevaluateSubject(before, added, doses, [], { ...g, ruleSet, asOf });
		expect(asJson(one)).toEqual(asJson(whole));
	});
});
