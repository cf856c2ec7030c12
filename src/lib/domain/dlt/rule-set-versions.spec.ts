import { describe, expect, it } from 'vitest';
import { findRuleSet } from '../../presets/dlt-rule-sets';
import type { AdverseEvent, DoseAdministration, Subject } from '../types';
import { evaluateStudy } from './evaluate-study';
import type { DltRuleSet } from './rule-types';
import { describeRuleSetRef, ruleSetFor, ruleSetTimeline } from './rule-set-versions';

const base = findRuleSet('generic')!;
/** A version of the study's rules: `effectiveFrom` null is a correction from the study's start. */
const version = (n: number, effectiveFrom: string | null, amendment?: string): DltRuleSet => ({
	...base,
	id: 'study-s',
	version: n,
	effectiveFrom,
	...(amendment ? { amendment } : {})
});

describe('ruleSetTimeline and ruleSetFor: which version judges a subject, by their day 1', () => {
	const v1 = { ...base, version: 1 };
	const amended = version(2, '2026-10-01', 'Amendment 2');
	const corrected = version(3, '2026-10-01', 'Amendment 2 (corrected)');
	const earlier = version(4, '2026-09-15', 'Amendment 3');
	const fromStart = version(5, null);

	it.each<[string, DltRuleSet[], string | null, string, number]>([
		['one version judges everyone', [v1], '2026-03-01', '2026-11-30', 1],
		['dosed the day before the amendment: the rules before it', [amended, v1], '2026-09-30', '2026-11-30', 1],
		['dosed on the effective date: the amended rules (the date is inclusive)', [amended, v1], '2026-10-01', '2026-11-30', 2],
		['dosed after the effective date: the amended rules', [amended, v1], '2026-10-02', '2026-11-30', 2],
		['never dosed, cut-off after the amendment: the amended rules', [amended, v1], null, '2026-11-30', 2],
		['never dosed, cut-off before the amendment: the rules before it', [amended, v1], null, '2026-09-01', 1],
		['a correction of the amendment (same date) replaces it for its subjects', [corrected, amended, v1], '2026-10-05', '2026-11-30', 3],
		['…and leaves the subjects before it alone', [corrected, amended, v1], '2026-09-30', '2026-11-30', 1],
		['a later amendment effective earlier takes over the earlier one whole', [earlier, corrected, amended, v1], '2026-10-20', '2026-11-30', 4],
		['…from its own date', [earlier, corrected, amended, v1], '2026-09-14', '2026-11-30', 1],
		['a version saved without a date judges every subject', [fromStart, earlier, amended, v1], '2026-03-01', '2026-11-30', 5],
		['a partial day 1 is compared by its first possible day (2026-10 → 1 Oct)', [amended, v1], '2026-10', '2026-11-30', 2],
		['a day 1 given to the year only: 1 January', [amended, v1], '2026', '2026-11-30', 1]
	])('%s', (_, versions, day1, asOf, expected) => {
		expect(ruleSetFor(ruleSetTimeline(versions), day1, asOf).version).toBe(expected);
	});

	it('lists each version with the days it covers; a version superseded whole has none', () => {
		const t = ruleSetTimeline([earlier, corrected, amended, v1]);
		expect(t.map((p) => [p.ruleSet.version, p.from, p.to])).toEqual([
			[1, null, '2026-09-15'],
			[4, '2026-09-15', null]
		]);
	});

	it('never leaves a subject without rules when the oldest version known has a date', () => {
		expect(ruleSetFor(ruleSetTimeline([amended]), '2020-01-01', '2026-11-30').version).toBe(2);
	});

	it('names a version with its amendment and the subjects it judges', () => {
		expect(describeRuleSetRef({ id: 'study-s', version: 2, effectiveFrom: '2026-10-01', amendment: 'Amendment 2' })).toBe(
			'study-s v2 (Amendment 2, subjects first dosed from 2026-10-01)'
		);
		expect(describeRuleSetRef({ id: 'generic', version: 1, effectiveFrom: null, amendment: null })).toBe('generic v1');
	});
});

describe('evaluateStudy after a protocol amendment', () => {
	// The amendment raises the non-haematological DLT grade from 3 to 4 for subjects dosed from 1 October.
	const amended: DltRuleSet = {
		...version(2, '2026-10-01', 'Amendment 2'),
		rules: base.rules.map((r) => (r.grade.min === 3 && !r.grade.max ? { ...r, grade: { min: 4 } } : r))
	};
	const subject = (usubjid: string): Subject => ({ studyId: 's', usubjid, doseLevel: 'DL1', site: '', sex: '', age: null, enrolled: null, status: 'on_treatment', refStart: null });
	const dose = (usubjid: string, start: string): DoseAdministration => ({ studyId: 's', usubjid, seq: 1, drug: 'X', start, end: null, dose: 1, unit: 'mg', cycle: 1, day: 1 });
	const fatigue = (usubjid: string, start: string): AdverseEvent => ({
		studyId: 's', usubjid, aeseq: 1, verbatim: 'x', term: 'Fatigue', soc: 'General disorders', grade: 3, gradeDerived: false,
		gradeHistory: [{ grade: 3, from: start }], start, end: start, serious: false, seriousCriteria: [], attribution: { X: 'probable' },
		attributionHistory: [], action: '', outcome: '', treated: null, notes: '', rev: 1
	});
	const ev = evaluateStudy({
		study: { doseLevels: [{ code: 'DL1', label: '', doses: [] }], teaeWindowDays: 30, design: { kind: '3+3', deescalation: true }, dltWindow: { cycle: 1, startDay: 1, endDay: 21 } },
		subjects: [subject('BEFORE'), subject('AFTER')],
		doses: [dose('BEFORE', '2026-09-20'), dose('AFTER', '2026-10-01')],
		aes: [fatigue('BEFORE', '2026-09-25'), fatigue('AFTER', '2026-10-05')],
		ruleSet: amended,
		ruleSetVersions: [amended, base],
		asOf: '2026-11-30'
	});
	const of = (u: string) => ev.subjects.find((s) => s.subject.usubjid === u)!;

	it('judges a subject dosed before the amendment by the rules they were dosed under', () => {
		expect(of('BEFORE').status).toBe('dlt');
		expect(of('BEFORE').ruleSet).toEqual({ id: 'generic', version: base.version, effectiveFrom: null, amendment: null });
	});

	it('judges a subject dosed from the effective date by the amended rules', () => {
		expect(of('AFTER').status).toBe('no_dlt');
		expect(of('AFTER').ruleSet).toMatchObject({ id: 'study-s', version: 2, effectiveFrom: '2026-10-01', amendment: 'Amendment 2' });
	});

	it('says which versions the evaluation used, oldest first, and which is current', () => {
		expect(ev.ruleSetsUsed.map((r) => `${r.id} v${r.version}`)).toEqual([`generic v${base.version}`, 'study-s v2']);
		expect(ev.ruleSet).toEqual({ id: 'study-s', version: 2 });
	});
});
