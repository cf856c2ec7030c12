import { describe, expect, it } from 'vitest';
import { findRuleSet } from '../../presets/dlt-rule-sets';
import { CTCAE_LAB_GRADING } from '../../presets/lab-grading';
import { studyLabs } from '../labs/study-labs';
import { dateOfStudyDay } from '../partial-date';
import type { AdverseEvent, DoseAdministration, SafetyResult, Subject } from '../types';
import { adjudicationKey, evaluateStudy, type CommitteeDecision } from './evaluate-study';

const set = findRuleSet('bat4706-bat1308')!;
const DAY1 = '2026-03-02';
const day = (n: number) => dateOfStudyDay(n, DAY1)!;
const subject: Subject = { studyId: 's', usubjid: 'S-1', doseLevel: 'DL1', site: '', sex: '', age: null, enrolled: null, status: 'on_treatment', refStart: null };
const doses: DoseAdministration[] = [{ studyId: 's', usubjid: 'S-1', seq: 1, drug: 'A', start: `${DAY1}T09:00`, end: null, dose: 1, unit: 'mg', cycle: 1, day: 1 }];
let seq = 0;
/** A count on a study day: neutrophils (LLN 2.0) or platelets (LLN 150), in the pilot's GI/L. */
const draw = (testcd: 'NEUT' | 'PLAT', studyDay: number, value: number): SafetyResult => ({
	studyId: 's', usubjid: 'S-1', domain: 'LB', seq: ++seq, testcd, test: testcd, category: 'HEMATOLOGY', value, text: String(value), unit: 'GI/L',
	low: testcd === 'NEUT' ? 2 : 150, high: testcd === 'NEUT' ? 7.5 : 400, nrind: '', baselineFlag: false, date: `${day(studyDay)}T08:00`, visit: ''
});
const neut = (...pairs: [number, number][]) => [draw('NEUT', -3, 4.1), ...pairs.map(([d, v]) => draw('NEUT', d, v))];
const ae = (aeseq: number, term: string, grade: 1 | 2 | 3 | 4, from: number, to: number | null, history = `${grade}@${from}`): AdverseEvent => ({
	studyId: 's', usubjid: 'S-1', aeseq, verbatim: term, term, soc: '', grade, gradeDerived: false,
	gradeHistory: history.split(';').map((h) => { const [g, d] = h.split('@'); return { grade: Number(g) as 1, from: day(Number(d)) }; }),
	start: day(from), end: to === null ? null : day(to), serious: false, seriousCriteria: [], attribution: { A: 'probable' }, attributionHistory: [], action: '', outcome: '', treated: null, notes: '', rev: 1
});

function run(safety: SafetyResult[], aes: AdverseEvent[] = [], asOf = day(40), decisions?: Map<string, CommitteeDecision>) {
	const labs = studyLabs([subject], doses, safety, CTCAE_LAB_GRADING);
	const ev = evaluateStudy({
		study: { doseLevels: [{ code: 'DL1', label: '', doses: [] }], teaeWindowDays: null, design: { kind: '3+3', deescalation: true }, dltWindow: { cycle: 1, startDay: 1, endDay: 21 }, drugs: [{ code: 'A', name: 'A' }] },
		subjects: [subject], doses, aes, ruleSet: set, asOf, labEpisodes: labs.episodes, ...(decisions ? { decisions } : {})
	});
	return { s: ev.subjects[0]!, episodes: labs.episodes };
}

describe('lab-defined DLT candidates: the counts judged by the DLT rules (protocol 001)', () => {
	it.each<[string, SafetyResult[], AdverseEvent[], RegExp | null]>([
		['grade 4 neutropenia on days 8, 11 and 14, back to normal on day 15: 7 days, with no AE recorded',
			neut([8, 0.4], [11, 0.3], [14, 0.45], [15, 2.5]), [],
			/^Lab-defined DLT candidate: no AE recorded; the counts meet rule 2b: .*grade ≥ 4 from day 8 .* to day 14 .*, 7 days \(≥ 7\)\. From NEUT 0\.4 GI\/L \(grade 4\) on day 8, .*back to normal \(2\.5\) on day 15\. A DLT only if related/],
		['grade 4 for 6 days (days 8 and 13, normal on day 14): not a DLT, no candidate', neut([8, 0.4], [13, 0.45], [14, 2.5]), [], null],
		['grade 4 on days 8 and 11, next draw normal on day 18: at least 4 days, at most 10, so it waits on the days between draws',
			neut([8, 0.4], [11, 0.3], [18, 2.5]), [],
			/between the draws it is not known how long it lasted\. At the least, grade 4 .*4 days \(< 7, rule 2b\)\. At the most, grade 4 .*10 days \(≥ 7\)\. From/],
		['grade 4 still at the last draw (day 12), no recovery draw by day 40', neut([8, 0.4], [12, 0.3]), [], /At the least, .*5 days .*At the most, .*still on/],
		['grade 4 neutropenia that started after the window (day 25)', neut([25, 0.4], [30, 0.3], [40, 2.5]), [], null],
		['grade 4 for 8 days, but its AE is already a DLT: the labs add nothing',
			neut([8, 0.4], [15, 0.3], [16, 2.5]), [ae(1, 'Neutropenia', 4, 8, 16, '4@8;2@16')], null],
		['grade 4 for 8 days while its AE records grade 3 (not a DLT): a candidate naming the AE',
			neut([8, 0.4], [15, 0.3], [16, 2.5]), [ae(1, 'Neutrophil count decreased', 3, 8, 16)],
			/^Lab-defined DLT candidate: AE 1 \(Neutrophil count decreased, grade 3\) is not a DLT, but the counts meet rule 2b/],
		['grade 3 thrombocytopenia (30) on days 10 and 12 with an epistaxis on day 11',
			[draw('PLAT', -3, 220), draw('PLAT', 10, 30), draw('PLAT', 12, 35), draw('PLAT', 16, 180)], [ae(2, 'Epistaxis', 1, 11, 11)],
			/^Lab-defined DLT candidate: no AE recorded; the counts meet rule 3a: .*with Epistaxis \(AE 2\)/],
		['grade 3 thrombocytopenia without bleeding', [draw('PLAT', -3, 220), draw('PLAT', 10, 30), draw('PLAT', 16, 180)], [], null],
		['grade 4 thrombocytopenia (20) on one draw', [draw('PLAT', -3, 220), draw('PLAT', 9, 20), draw('PLAT', 12, 160)], [], /the counts meet rule 3: /]
	])('%s', (_n, safety, aes, reason) => {
		const { s } = run(safety, aes);
		if (reason === null) expect(s.labEvents).toEqual([]);
		else {
			expect(s.labEvents).toHaveLength(1);
			expect(s.labEvents[0]).toMatchObject({ verdict: 'pending', effective: 'pending' });
			expect(s.labEvents[0]!.reason).toMatch(reason);
			// The subject waits for the committee.
			expect(s.status).toBe('pending');
			expect(s.reason).toMatch(/awaiting .*(NEUT|PLAT) draws from/);
		}
	});

	it('grade 4 at the last draw while its AE is pending too (day 13): the AE already waits, no second candidate', () => {
		const aes = [ae(1, 'Neutrophil count decreased', 4, 8, null, '4@8')];
		const { s } = run(neut([8, 0.4], [12, 0.3]), aes, day(13));
		expect(s.events[0]!.verdict).toBe('pending');
		expect(s.labEvents).toEqual([]);
	});

	it('a subject who received placebo only has no lab-defined candidate: no study drug for the counts to be a toxicity of', () => {
		const safety = neut([8, 0.4], [11, 0.3], [14, 0.45], [15, 2.5]);
		const labs = studyLabs([subject], doses, safety, CTCAE_LAB_GRADING);
		const placeboDoses = doses.map((d) => ({ ...d, drug: 'PLACEBO', dose: 0 }));
		const ev = evaluateStudy({
			study: { doseLevels: [{ code: 'DL1', label: '', doses: [] }], teaeWindowDays: null, design: { kind: '3+3', deescalation: true }, dltWindow: { cycle: 1, startDay: 1, endDay: 21 }, drugs: [{ code: 'A', name: 'A' }, { code: 'PLACEBO', name: 'Placebo', placebo: true }] },
			subjects: [subject], doses: placeboDoses, aes: [], ruleSet: set, asOf: day(40), labEpisodes: labs.episodes
		});
		expect(ev.subjects[0]!.labEvents).toEqual([]);
		expect(ev.subjects[0]!.status).toBe('no_dlt');
	});

	it('the committee’s decision on a candidate counts: a confirmed lab-defined DLT makes the subject a DLT', () => {
		const safety = neut([8, 0.4], [11, 0.3], [14, 0.45], [15, 2.5]);
		const { episodes } = run(safety);
		const key = adjudicationKey('S-1', episodes[0]!.key);
		const decision: CommitteeDecision = { decision: 'dlt', reason: 'Confirmed from the counts', by: 'Dr Chair', at: '2026-04-01T00:00:00Z', changedSince: [], signedBy: null };
		const { s } = run(safety, [], day(40), new Map([[key, decision]]));
		expect(s.status).toBe('dlt');
		expect(s.reason).toBe('DLT: Neutrophil count decreased NEUT draws from 9 Mar 2026 on day 8 (committee decision).');
	});

	it('names each episode by a stable key from its start date and test', () => {
		const { episodes } = run(neut([8, 0.4], [11, 0.3], [14, 0.45], [15, 2.5]));
		expect(episodes.map((e) => [e.testcd, e.key, e.draws.length, e.recovery?.date])).toEqual([['NEUT', -2026030901, 3, day(15)]]);
	});
});
