import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDtc } from '../partial-date';
import { findRuleSet } from '../../presets/dlt-rule-sets';
import type { AdverseEvent, DoseAdministration, Subject } from '../types';
import { adjudicationKey, evaluateStudy, evaluateSubject, inOnsetOrder } from './evaluate-study';
import { evaluateAe } from './evaluate-ae';

const SETTINGS = { design: { kind: '3+3', deescalation: true } as const, dltWindow: { cycle: 1, startDay: 1, endDay: 21 } };

const set = findRuleSet('generic')!;
const subject = (usubjid: string, doseLevel: string): Subject => ({
	studyId: 's', usubjid, doseLevel, site: '', sex: '', age: null, enrolled: null, status: 'on_treatment', refStart: null
});
const dose = (usubjid: string, start: string): DoseAdministration => ({
	studyId: 's', usubjid, seq: 1, drug: 'X', start, end: null, dose: 1, unit: 'mg', cycle: 1, day: 1
});
const ae = (usubjid: string, aeseq: number, grade: 1 | 2 | 3 | 4 | 5, start: string, end: string | null): AdverseEvent => ({
	studyId: 's', usubjid, aeseq, verbatim: 'x', term: 'Fatigue', soc: 'General disorders', grade, gradeDerived: false,
	gradeHistory: [{ grade, from: start }], start, end, serious: false, seriousCriteria: [], attribution: { X: 'probable' },
	attributionHistory: [], action: '', outcome: '', treated: null, notes: '', rev: 1
});

describe('evaluateStudy: subjects and dose levels', () => {
	const input = {
		study: { doseLevels: [{ code: 'DL1', label: '', doses: [] }, { code: 'DL2', label: '', doses: [] }], teaeWindowDays: 30, ...SETTINGS },
		subjects: [subject('S-1', 'DL1'), subject('S-2', 'DL1'), subject('S-3', 'DL1'), subject('S-4', 'DL1'), subject('S-5', 'DL2'), subject('S-6', 'DL2')],
		doses: [dose('S-1', '2026-03-02'), dose('S-2', '2026-03-03'), dose('S-3', '2026-03-04'), dose('S-5', '2026-04-01'), dose('S-6', '2026-04-10')],
		aes: [
			ae('S-1', 1, 3, '2026-03-10', '2026-03-12'), // DLT
			ae('S-2', 1, 2, '2026-03-10', '2026-03-12'), // grade 2: no DLT
			ae('S-5', 1, 3, '2026-04-05', '2026-04-06'), // DLT, but the committee overrules it below
			ae('S-6', 1, 3, '2026-04', null) // partial onset: pending
		],
		ruleSet: set,
		asOf: '2026-04-25'
	};
	const ev = evaluateStudy(input);
	const status = (u: string) => ev.subjects.find((s) => s.subject.usubjid === u)!;

	it.each([
		['S-1', 'dlt', /DLT: Fatigue AE 1 on day 9 \(rule 1\)/],
		['S-2', 'no_dlt', /Completed the DLT window \(to 23 Mar 2026\) without a DLT/],
		['S-3', 'no_dlt', /Completed the DLT window/],
		['S-4', 'not_evaluable', /Never dosed/],
		['S-5', 'dlt', /DLT: Fatigue/],
		['S-6', 'pending', /In the DLT window until 30 Apr 2026 \(day 21\); no DLT so far, 1 event pending\./]
	])('%s: %s', (u, expected, reason) => {
		expect(status(u).status).toBe(expected);
		expect(status(u).reason).toMatch(reason);
	});

	it('gives each subject first dose and window end', () => {
		expect(status('S-1')).toMatchObject({ firstDose: '2026-03-02', windowEnd: '2026-03-22' });
		expect(status('S-4')).toMatchObject({ firstDose: null, windowEnd: null });
	});

	it('counts per dose level', () => {
		expect(ev.doseLevels).toEqual([
			expect.objectContaining({ doseLevel: 'DL1', enrolled: 4, evaluable: 3, dlts: 1, pending: 0, notEvaluable: 1, decision: 'expand', usesCommittee: false }),
			expect.objectContaining({ doseLevel: 'DL2', enrolled: 2, evaluable: 1, dlts: 1, pending: 1, decision: 'enrolling' })
		]);
	});

	it('uses the committee decision where there is one, keeps the engine verdict, and says so', () => {
		const decisions = new Map([[adjudicationKey('S-5', 1), { decision: 'not_dlt' as const, reason: 'disease progression', by: 'SRC', at: 't', changedSince: [] }]]);
		const withCommittee = evaluateStudy({ ...input, decisions });
		const s5 = withCommittee.subjects.find((s) => s.subject.usubjid === 'S-5')!;
		expect(s5.events[0]).toMatchObject({ verdict: 'dlt', effective: 'not_dlt', committee: { reason: 'disease progression' } });
		expect(s5.status).toBe('no_dlt');
		expect(s5.reason).toMatch(/without a DLT\. The committee overruled AE 1\./);
		expect(withCommittee.doseLevels[1]).toMatchObject({ dlts: 0, evaluable: 1, usesCommittee: true });
	});

	it('flags treatment-emergent events', () => {
		expect(status('S-1').events[0]).toMatchObject({ teae: true, studyDay: 9 });
	});
});

describe('evaluateSubject: a subject who leaves before completing the DLT window is not evaluable', () => {
	// First dose 2 Mar 2026: the window (days 1–21) ends on 22 Mar 2026.
	const input = { study: { doseLevels: [{ code: 'DL1', label: '', doses: [] }], teaeWindowDays: 30, ...SETTINGS }, ruleSet: set, asOf: '2026-04-30' };
	const doses = [dose('S-1', '2026-03-02')];
	const left = (date: string, reason = 'WITHDRAWAL BY SUBJECT'): Subject => ({ ...subject('S-1', 'DL1'), status: 'discontinued', discontinued: { date, reason } });
	const rows: { name: string; subject: Subject; aes?: AdverseEvent[]; asOf?: string; status: string; reason: RegExp }[] = [
		{ name: 'left on day 10 without a DLT', subject: left('2026-03-11'), status: 'not_evaluable', reason: /^Left the study on 11 Mar 2026 \(day 10, withdrawal by subject\), before the DLT window ended on 22 Mar 2026, without a DLT: did not complete the window, not evaluable\.$/ },
		{ name: 'left on day 20, the day before the window ends', subject: left('2026-03-21'), status: 'not_evaluable', reason: /day 20/ },
		{ name: 'left on day 21, the last day of the window, completed it', subject: left('2026-03-22'), status: 'no_dlt', reason: /Completed the DLT window/ },
		{ name: 'left after the window', subject: left('2026-04-15', 'ADVERSE EVENT'), status: 'no_dlt', reason: /Completed the DLT window/ },
		{ name: 'a DLT before leaving counts: the subject is evaluable with a DLT', subject: left('2026-03-11', 'ADVERSE EVENT'), aes: [ae('S-1', 1, 3, '2026-03-08', '2026-03-10')], status: 'dlt', reason: /^DLT: Fatigue AE 1 on day 7/ },
		{ name: 'left in the window with an event still pending: pending', subject: left('2026-03-11'), aes: [{ ...ae('S-1', 1, 3, '2026-03-08', null), attribution: { X: null } }], status: 'pending', reason: /^Left the study on 11 Mar 2026 .*; awaiting Fatigue \(AE 1\) before it can be called not evaluable\.$/ },
		{ name: 'left in a month that may be before or after the window end: pending', subject: left('2026-03'), status: 'pending', reason: /^Left the study in Mar 2026 \(withdrawal by subject\), recorded only to the month: it may be before the DLT window ended on 22 Mar 2026; awaiting the full date\.$/ },
		{ name: 'left in a month wholly before the window end is certain', subject: { ...left('2026-03-11'), discontinued: { date: '2026-02', reason: '' } }, status: 'not_evaluable', reason: /^Left the study on Feb 2026, before/ },
		{ name: 'a discontinuation dated after the data cut-off is not read yet', subject: left('2026-03-11'), asOf: '2026-03-09', status: 'pending', reason: /^In the DLT window until 22 Mar 2026/ },
		{ name: 'no discontinuation recorded (older records have no field)', subject: subject('S-1', 'DL1'), status: 'no_dlt', reason: /Completed the DLT window/ }
	];
	it.each(rows)('$name', (row) => {
		const r = evaluateSubject(row.subject, doses, row.aes ?? [], { ...input, asOf: row.asOf ?? input.asOf });
		expect(r.status).toBe(row.status);
		expect(r.reason).toMatch(row.reason);
	});

	it('the dose level counts the subject as not evaluable, so the cohort needs a replacement', () => {
		const ev = evaluateStudy({ ...input, subjects: [left('2026-03-11')], doses, aes: [] });
		expect(ev.doseLevels[0]).toMatchObject({ enrolled: 1, evaluable: 0, notEvaluable: 1 });
	});
});

describe('evaluateSubject: a death in the window ends observation (AE, DM or DS)', () => {
	// First dose 2 Mar 2026: the window (days 1–21) ends on 22 Mar 2026.
	const input = { study: { doseLevels: [{ code: 'DL1', label: '', doses: [] }], teaeWindowDays: 30, ...SETTINGS }, ruleSet: set, asOf: '2026-04-30' };
	const doses = [dose('S-1', '2026-03-02')];
	const unrelated = (a: AdverseEvent): AdverseEvent => ({ ...a, attribution: { X: 'not_related' } });
	const died = (date: string | null, source = 'DM DTHDTC'): Subject => ({ ...subject('S-1', 'DL1'), death: { date, source } });
	const rows: { name: string; subject: Subject; aes?: AdverseEvent[]; asOf?: string; status: string; reason: RegExp }[] = [
		{ name: 'an unrelated grade 5 AE on day 10 (AE only): not evaluable, never "completed"', subject: subject('S-1', 'DL1'), aes: [unrelated({ ...ae('S-1', 1, 5, '2026-03-11', '2026-03-11'), term: 'Disease progression' })], status: 'not_evaluable', reason: /^Died on 11 Mar 2026 \(day 10\), recorded in AE 1 Disease progression, within the DLT window .*not evaluable/ },
		{ name: 'AEOUT = FATAL on a grade 3 unrelated event ending day 12', subject: subject('S-1', 'DL1'), aes: [unrelated({ ...ae('S-1', 1, 3, '2026-03-08', '2026-03-13'), outcome: 'FATAL' })], status: 'not_evaluable', reason: /Died on 13 Mar 2026 \(day 12\)/ },
		{ name: 'AESDTH = Y without AEOUT', subject: subject('S-1', 'DL1'), aes: [unrelated({ ...ae('S-1', 1, 3, '2026-03-08', '2026-03-09'), seriousCriteria: ['AESDTH'] })], status: 'not_evaluable', reason: /Died on 9 Mar 2026/ },
		{ name: 'a death only in DM (DTHDTC) on day 15', subject: died('2026-03-16'), status: 'not_evaluable', reason: /Died on 16 Mar 2026 \(day 15\), recorded in DM DTHDTC/ },
		{ name: 'a death only in DS on day 21, the last day of the window', subject: died('2026-03-22', 'DS DSDECOD = DEATH'), status: 'not_evaluable', reason: /day 21\), recorded in DS DSDECOD = DEATH/ },
		{ name: 'a death after the window (day 30): the window was completed', subject: died('2026-03-31'), status: 'no_dlt', reason: /Completed the DLT window/ },
		{ name: 'a death flagged (DTHFL = Y) without a date: pending, awaiting the date', subject: died(null, 'DM DTHFL = Y'), status: 'pending', reason: /without a date: it may be within the DLT window .*awaiting the date of death/ },
		{ name: 'a death recorded only to the month of the window end: pending', subject: died('2026-03'), status: 'pending', reason: /recorded only to the month: it may be within the DLT window/ },
		{ name: 'a death after the data cut-off is not read yet', subject: died('2026-03-16'), asOf: '2026-03-12', status: 'pending', reason: /^In the DLT window until 22 Mar 2026/ },
		{ name: 'a related fatal event is a DLT: the subject is evaluable with it', subject: subject('S-1', 'DL1'), aes: [{ ...ae('S-1', 1, 5, '2026-03-11', '2026-03-11'), outcome: 'FATAL' }], status: 'dlt', reason: /^DLT: Fatigue AE 1 on day 10/ },
		{ name: 'died in the window with an event still pending: pending until it is settled', subject: died('2026-03-16'), aes: [{ ...ae('S-1', 1, 3, '2026-03-08', null), attribution: { X: null } }], status: 'pending', reason: /^Died on 16 Mar 2026 .*; awaiting Fatigue \(AE 1\)/ }
	];
	it.each(rows)('$name', (row) => {
		const r = evaluateSubject(row.subject, doses, row.aes ?? [], { ...input, asOf: row.asOf ?? input.asOf });
		expect(r.reason).toMatch(row.reason);
		expect(r.status).toBe(row.status);
	});

	it('two treatment-related deaths in a cohort of 3 are never "0 of 3 evaluable: escalate"', () => {
		const three = [subject('S-1', 'DL1'), subject('S-2', 'DL1'), subject('S-3', 'DL1')];
		const d3 = ['S-1', 'S-2', 'S-3'].map((u) => dose(u, '2026-03-02'));
		const aes = [
			{ ...ae('S-1', 1, 5, '2026-03-05', '2026-03-07'), term: 'Diarrhoea', soc: 'Gastrointestinal disorders', treated: true, outcome: 'FATAL' },
			{ ...ae('S-2', 1, 5, '2026-03-02T10:00', '2026-03-02T11:00'), term: 'Infusion related reaction', soc: 'Injury', treated: true, outcome: 'FATAL' }
		];
		const ev = evaluateStudy({ ...input, ruleSet: findRuleSet('bat4706-bat1308')!, subjects: three, doses: d3, aes });
		expect(ev.doseLevels[0]).toMatchObject({ evaluable: 3, dlts: 2, decision: 'stop' });
		expect(ev.doseLevels[0]!.reason).toBe('2 of 3 evaluable with a DLT; the design: stop, no MTD.');
	});
});

describe('day 1 is the first dose above zero', () => {
	const input = { study: { doseLevels: [{ code: 'DL1', label: '', doses: [] }], teaeWindowDays: 30, ...SETTINGS }, ruleSet: set, asOf: '2026-04-30' };
	it.each([
		{ name: 'a held dose (EX dose 0) on 2 Mar does not start the clock; the 5 Mar dose does', doses: [{ ...dose('S-1', '2026-03-02'), dose: 0 }, { ...dose('S-1', '2026-03-05'), seq: 2 }], first: '2026-03-05' },
		{ name: "placebo's zero dose starts it (admiral's TRTSDTM)", doses: [{ ...dose('S-1', '2026-03-02'), dose: 0, drug: 'PLACEBO' }], first: '2026-03-02' },
		{ name: 'only held doses: never dosed, not evaluable', doses: [{ ...dose('S-1', '2026-03-02'), dose: 0 }], first: null }
	])('$name', ({ doses, first }) => {
		const r = evaluateSubject(subject('S-1', 'DL1'), doses, [], input);
		expect(r.firstDose).toBe(first);
		if (first === null) expect(r.status).toBe('not_evaluable');
	});
});

describe('a control (placebo) arm is evaluated but is not a level of the escalation', () => {
	// The pilot's shape: placebo, then two doses. Three placebo subjects with a grade 3 fatigue would make it "too
	// toxic" if it were dose 1; as a control arm it is shown with its counts and the design stands on the others.
	const levels = [
		{ code: 'Pbo', label: 'Placebo', doses: [], control: true },
		{ code: 'Lo', label: '54 mg', doses: [] },
		{ code: 'Hi', label: '81 mg', doses: [] }
	];
	const subjects = ['P1', 'P2', 'P3', 'L1', 'L2', 'L3', 'H1', 'H2', 'H3'].map((u) => subject(u, u[0] === 'P' ? 'Pbo' : u[0] === 'L' ? 'Lo' : 'Hi'));
	const doses = subjects.map((s, i) => dose(s.usubjid, `2026-03-0${(i % 9) + 1}`));
	// Placebo subjects' AEs carry no attribution (placebo is not a drug): not a DLT whatever their grade.
	const aes = ['P1', 'P2', 'P3'].map((u) => ({ ...ae(u, 1, 3, '2026-03-12', '2026-03-13'), attribution: {} }));
	const ev = evaluateStudy({ study: { doseLevels: levels, teaeWindowDays: 30, ...SETTINGS }, subjects, doses, aes, ruleSet: set, asOf: '2026-04-30' });

	it('shows the control arm with its counts and the standing "control"', () => {
		expect(ev.doseLevels.map((l) => `${l.doseLevel} ${l.evaluable} ${l.dlts} ${l.decision}`)).toEqual(['Pbo 3 0 control', 'Lo 3 0 escalate', 'Hi 3 0 expand']);
		expect(ev.doseLevels[0]!.reason).toBe('0 of 3 evaluable with a DLT. Control arm: not a level of the escalation.');
		expect(ev.doseLevels[1]!.reason).toMatch(/next cohort at dose 2 \(Hi\)/);
	});

	it('an AE of a subject who received no study drug is not a DLT, and says why', () => {
		const e = ev.subjects.find((s) => s.subject.usubjid === 'P1')!.events[0]!;
		expect(e.verdict).toBe('not_dlt');
		expect(e.reason).toMatch(/the subject received no study drug to attribute it to \(placebo only\); not a DLT\./);
	});
});

describe('the escalation recommendation leaves a control arm out', () => {
	it('counts, recommends and names the MTD among the dose levels only', async () => {
		const { computeStudyRecommendation } = await import('../escalation/compute-study-recommendation');
		const levels = [{ code: 'Pbo', label: '', doses: [], control: true }, { code: 'Lo', label: '', doses: [] }, { code: 'Hi', label: '', doses: [] }];
		const subjects = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'H1', 'H2', 'H3'].map((u) => subject(u, u[0] === 'P' ? 'Pbo' : u[0] === 'L' ? 'Lo' : 'Hi'));
		const doses = subjects.map((s) => dose(s.usubjid, s.doseLevel === 'Hi' ? '2026-05-01' : '2026-03-01'));
		// Two DLTs at Hi: too toxic; Lo had none in 6: the MTD is Lo, never the placebo arm (which had the most subjects and no DLT).
		const aes = [ae('H1', 1, 3, '2026-05-05', '2026-05-06'), ae('H2', 1, 3, '2026-05-05', '2026-05-06')];
		const study = { doseLevels: levels, teaeWindowDays: 30, ...SETTINGS };
		const rec = computeStudyRecommendation(study, evaluateStudy({ study, subjects, doses, aes, ruleSet: set, asOf: '2026-06-30' }));
		expect(rec.codes).toEqual(['Lo', 'Hi']);
		expect(rec.state).toMatchObject({ currentDose: 2, n: [6, 3], dlt: [0, 2] });
		expect(rec.recommendation).toMatchObject({ continue: false, mtd: 1 });
	});
});

describe('an attribution to a placebo is not an attribution to a study drug', () => {
	const study = { doseLevels: [{ code: 'DL1', label: '', doses: [] }], drugs: [{ code: 'X', name: 'X' }, { code: 'PBO', name: 'Placebo', placebo: true }], teaeWindowDays: 30, ...SETTINGS };
	it.each([
		['related to the placebo only', { PBO: 'probable' as const }, 'not_dlt', /received no study drug to attribute it to/],
		['related to the placebo, not to the drug', { PBO: 'definite' as const, X: 'not_related' as const }, 'not_dlt', /: not related to X; not a DLT/],
		['related to the drug', { PBO: 'not_related' as const, X: 'probable' as const }, 'dlt', /rule 1/]
	])('%s', (_name, attribution, verdict, reason) => {
		const ev = evaluateStudy({ study, subjects: [subject('S-1', 'DL1')], doses: [dose('S-1', '2026-03-02')], aes: [{ ...ae('S-1', 1, 3, '2026-03-10', '2026-03-12'), attribution }], ruleSet: set, asOf: '2026-04-30' });
		const e = ev.subjects[0]!.events[0]!;
		expect(e.verdict).toBe(verdict);
		expect(e.reason).toMatch(reason);
	});
});

describe('inOnsetOrder: a subject’s events by onset, then AESEQ', () => {
	const at = (aeseq: number, start: string | null) => ({ ...ae('S-1', aeseq, 2, start ?? '2026-01-01', null), start });
	const order = (list: AdverseEvent[]) => inOnsetOrder(list).map((a) => a.aeseq);
	it.each([
		['already in order: the same list back', [at(1, '2026-03-01'), at(2, '2026-03-05'), at(3, null)], [1, 2, 3]],
		['AESEQ order, onsets out of order', [at(1, '2026-03-09'), at(2, '2026-03-01'), at(3, '2026-03-05')], [2, 3, 1]],
		['a partial onset sorts at the start of its month, before a full date in it', [at(1, '2026-03-10'), at(2, '2026-03')], [2, 1]],
		['a blank onset sorts last', [at(1, null), at(2, '2026-05-01'), at(3, '2026-04-01')], [3, 2, 1]],
		['the same onset: AESEQ decides', [at(1, '2026-03-10'), at(2, '2026-03-01'), at(3, '2026-03-10')], [2, 1, 3]],
		['a time sorts after the bare day', [at(1, '2026-03-10T09:00'), at(2, '2026-03-10')], [2, 1]],
		['not in AESEQ order (re-exported): the same ordering', [at(7, '2026-03-10'), at(2, '2026-03-10'), at(5, '2026-03-01'), at(1, null)], [5, 2, 7, 1]],
		['blank onsets at odd positions keep their own events (packed keys stay exact)', [at(1, '2026-05-01'), at(2, null), at(3, '2026-04-01'), at(4, null), at(5, null)], [3, 1, 2, 4, 5]],
		['the latest date the parser takes, before a blank', [at(1, null), at(2, '2200-12-31T23:59:59'), at(3, '1900-01-01')], [3, 2, 1]],
		['no events', [], []]
	])('%s', (_name, list, expected) => {
		expect(order(list)).toEqual(expected);
	});

	it('returns the subject’s own list when nothing needs to move', () => {
		const list = [at(1, '2026-03-01'), at(2, '2026-03-02')];
		expect(inOnsetOrder(list)).toBe(list);
	});

	it('orders 300 events of a subject the same way whichever path it takes', () => {
		const days = Array.from({ length: 300 }, (_, i) => `2026-${String(1 + ((i * 7) % 12)).padStart(2, '0')}-${String(1 + ((i * 13) % 28)).padStart(2, '0')}`);
		const bySeq = days.map((d, i) => at(i + 1, d));
		const shuffled = [...bySeq].reverse();
		expect(order(bySeq)).toEqual(order(shuffled));
		const first = inOnsetOrder(bySeq);
		for (let i = 1; i < first.length; i++) expect(first[i - 1]!.start! <= first[i]!.start!).toBe(true);
	});
});

describe('an event’s reason, written when first read', () => {
	const input = {
		study: { doseLevels: [{ code: 'DL1', label: '', doses: [] }], teaeWindowDays: 30, ...SETTINGS },
		subjects: [subject('S-1', 'DL1')],
		doses: [dose('S-1', '2026-03-02')],
		aes: [
			ae('S-1', 1, 3, '2026-03-10', '2026-03-12'),
			ae('S-1', 2, 2, '2026-03-11', null),
			ae('S-1', 3, 3, '2026-05-01', '2026-05-03'),
			{ ...ae('S-1', 4, 3, '2026-03', null) }
		],
		ruleSet: set,
		asOf: '2026-06-01'
	};
	const events = evaluateStudy(input).subjects[0]!.events;
	const context = { firstDose: '2026-03-02', asOf: input.asOf, subjectAes: input.aes, window: SETTINGS.dltWindow };

	it.each([
		[1, /^Grade 3 fatigue starting on day 9 \(10 Mar 2026\): DLT under rule 1\.$/],
		[2, /needs grade ≥ 3; not a DLT\.$/],
		[3, /^Grade 3 fatigue starting on day 61 \(1 May 2026\), after the DLT window \(days 1–21\): not a DLT\.$/],
		[4, /recorded only as 2026-03: it may have started in the DLT window/]
	])('AE %i: the same sentence as the AE judged alone, the same when read again and in JSON', (aeseq, sentence) => {
		const e = events.find((x) => x.ae.aeseq === aeseq)!;
		const alone = evaluateAe(e.ae, context, set);
		expect(e.reason).toMatch(sentence);
		expect(e.reason).toBe(alone.reason);
		expect(e.reason).toBe(e.reason);
		expect(JSON.parse(JSON.stringify(e)).reason).toBe(alone.reason);
		expect(JSON.parse(JSON.stringify(e)).verdict).toBe(alone.verdict);
	});
});

describe('inOnsetOrder: any list of onsets', () => {
	const onset = fc.oneof(
		fc.constant(null),
		fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
		fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
		fc.integer({ min: 2020, max: 2030 }).map(String)
	);
	it('is a reordering of the same events, sorted by onset then AESEQ, whether or not they come in AESEQ order', () => {
		fc.assert(
			fc.property(fc.array(onset, { maxLength: 60 }), fc.boolean(), (starts, shuffled) => {
				const list = starts.map((s, i) => ({ ...ae('S-1', i + 1, 2, s ?? '2026-01-01', null), start: s }));
				const input = shuffled ? [...list].reverse() : list;
				const out = inOnsetOrder(input);
				expect([...out].map((a) => a.aeseq).sort((a, b) => a - b)).toEqual(list.map((a) => a.aeseq));
				const expected = [...list].sort((a, b) => compareDtc(a.start, b.start) || a.aeseq - b.aeseq).map((a) => a.aeseq);
				expect(out.map((a) => a.aeseq)).toEqual(expected);
			})
		);
	});
});
