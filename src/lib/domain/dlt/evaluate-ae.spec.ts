/**
 * Every clause of protocol 001's DLT definition, with its boundaries, and the generic rule set.
 * Day 1 is 2026-03-02; the window is days 1–21 (2026-03-02 to 2026-03-22). Unless a row says otherwise the AE
 * is related (probable to BAT4706, possible to BAT1308) and the data cut-off is day 60.
 */
import { describe, expect, it } from 'vitest';
import { findRuleSet } from '../../presets/dlt-rule-sets';
import type { AdverseEvent, Relatedness } from '../types';
import { evaluateAe } from './evaluate-ae';
import type { AeVerdict } from './rule-types';

const FIRST = '2026-03-02T09:00';
const W21 = { startDay: 1, endDay: 21 };
const bat = findRuleSet('bat4706-bat1308')!;
const generic = findRuleSet('generic')!;

/** Calendar date of a study day, with an optional time. */
function d(day: number, time?: string): string {
	const x = new Date(Date.UTC(2026, 2, 2 + (day > 0 ? day - 1 : day)));
	return x.toISOString().slice(0, 10) + (time ? `T${time}` : '');
}

const RELATED = { BAT4706: 'probable', BAT1308: 'possible' } as Record<string, Relatedness | null>;
let seq = 0;
function ae(term: string, grade: AdverseEvent['grade'], start: string | null, end: string | null, over: Partial<AdverseEvent> = {}): AdverseEvent {
	const soc = ['Anemia', 'Febrile neutropenia'].includes(term) ? 'Blood and lymphatic system disorders' : /count decreased/.test(term) ? 'Investigations' : 'Other';
	return {
		studyId: 's', usubjid: 'S-1', aeseq: ++seq, verbatim: term, term, soc, grade, gradeDerived: false,
		gradeHistory: grade && start && start.length >= 10 ? [{ grade, from: start }] : [],
		start, end, serious: false, seriousCriteria: [], attribution: RELATED, attributionHistory: [],
		action: '', outcome: '', treated: null, notes: '', rev: 1, ...over
	};
}
const hist = (...steps: [number, number][]) => steps.map(([grade, day]) => ({ grade: grade as 1 | 2 | 3 | 4 | 5, from: d(day) }));

interface Row {
	name: string;
	event: AdverseEvent;
	others?: AdverseEvent[];
	asOf?: string;
	firstDose?: string;
	window?: { startDay: number; endDay: number };
	verdict: AeVerdict;
	rule?: string | null;
	reason: RegExp;
}

const rows: Row[] = [
	// --- window: days 1–21 after the first dose
	{ name: 'window: day 21, the last day, is inside', event: ae('Pneumonitis', 3, d(21), d(30)), verdict: 'dlt', rule: '1', reason: /day 21 \(22 Mar 2026\).*DLT under rule 1/ },
	{ name: 'window: day 22 is outside', event: ae('Pneumonitis', 3, d(22), d(30)), verdict: 'not_dlt', rule: null, reason: /day 22 .*after the DLT window \(days 1–21\)/ },
	{ name: 'window: day 1, the day of the first dose, is inside', event: ae('Colitis', 3, d(1, '15:00'), d(5)), verdict: 'dlt', rule: '1', reason: /day 1/ },
	{ name: 'window: a pre-dose event (day -1) is not a DLT', event: ae('Colitis', 3, d(-1), d(5)), verdict: 'not_dlt', reason: /day -1 .*before the first dose/ },
	// --- partial and missing onset dates
	{ name: 'partial onset: month of the first dose may be in the window', event: ae('Colitis', 3, '2026-03', null), verdict: 'pending', reason: /recorded only as 2026-03.*awaiting the full onset date/ },
	{ name: 'partial onset: a later month is certainly outside', event: ae('Colitis', 3, '2026-05', null), asOf: d(120), verdict: 'not_dlt', reason: /after the DLT window/ },
	{ name: 'partial onset: an earlier month is certainly pre-dose', event: ae('Colitis', 3, '2026-02', null), verdict: 'not_dlt', reason: /before the first dose/ },
	{ name: 'partial onset: year only', event: ae('Colitis', 3, '2026', null), verdict: 'pending', reason: /recorded only as 2026/ },
	{ name: 'missing onset date', event: ae('Colitis', 3, null, null), verdict: 'pending', reason: /onset not recorded/ },
	// --- attribution: related to either drug, at least possible
	{ name: 'unrelated to both drugs', event: ae('Colitis', 3, d(5), d(9), { attribution: { BAT4706: 'not_related', BAT1308: 'not_related' } }), verdict: 'not_dlt', reason: /not related to BAT4706, not related to BAT1308/ },
	{ name: 'unlikely related is not related', event: ae('Colitis', 3, d(5), d(9), { attribution: { BAT4706: 'unlikely', BAT1308: 'not_related' } }), verdict: 'not_dlt', reason: /unlikely related to BAT4706/ },
	{ name: 'possibly related to one drug of the combination is enough', event: ae('Colitis', 3, d(5), d(9), { attribution: { BAT4706: 'not_related', BAT1308: 'possible' } }), verdict: 'dlt', rule: '1', reason: /DLT under rule 1/ },
	{ name: 'one drug not yet assessed, the other not related', event: ae('Colitis', 3, d(5), d(9), { attribution: { BAT4706: 'not_related', BAT1308: null } }), verdict: 'pending', reason: /not yet assessed for BAT1308/ },
	// --- grades
	{ name: 'non-haematological grade 2', event: ae('Colitis', 2, d(5), d(9)), verdict: 'not_dlt', rule: '1', reason: /needs grade ≥ 3/ },
	{ name: 'grade not recorded', event: ae('Colitis', null, d(5), d(9)), verdict: 'pending', reason: /no grade recorded/ },
	{ name: 'grade 5 non-haematological', event: ae('Sudden death NOS', 5, d(9), d(9)), verdict: 'dlt', rule: '1', reason: /Grade 5/ },
	// --- haematological grade ≥ 4
	{ name: 'anaemia grade 3 is below the haematological bar', event: ae('Anemia', 3, d(6), d(12)), verdict: 'not_dlt', rule: '2', reason: /rule 2 .*needs grade ≥ 4/ },
	{ name: 'anaemia grade 4', event: ae('Anemia', 4, d(6), d(12)), verdict: 'dlt', rule: '2', reason: /DLT under rule 2\./ },
	{ name: 'lymphopenia grade 4 (synonym of Lymphocyte count decreased)', event: ae('Lymphopenia', 4, d(6), d(8)), verdict: 'dlt', rule: '2', reason: /lymphocyte count decreased/ },
	{ name: 'white blood cell decreased grade 3', event: ae('White blood cell decreased', 3, d(6), d(8)), verdict: 'not_dlt', rule: '2', reason: /needs grade ≥ 4/ },
	// --- nausea, vomiting, diarrhoea relieved within 3 days of supportive treatment (exception 1a)
	{ name: 'nausea relieved in exactly 3 days (72 h) with treatment', event: ae('Nausea', 3, d(3, '08:00'), d(6, '08:00'), { treated: true }), verdict: 'not_dlt', rule: '1a', reason: /relieved in 3 days with treatment, within 3 days: excepted by rule 1a/ },
	{ name: 'nausea relieved one minute after 72 h', event: ae('Nausea', 3, d(3, '08:00'), d(6, '08:01'), { treated: true }), verdict: 'dlt', rule: '1', reason: /not within 3 days/ },
	{ name: 'vomiting, dates only, relieved in 3 days', event: ae('Vomiting', 3, d(4), d(7), { treated: true }), verdict: 'not_dlt', rule: '1a', reason: /relieved in 3 days/ },
	{ name: 'diarrhoea, dates only, relieved in 4 days', event: ae('Diarrhea', 3, d(4), d(8), { treated: true }), verdict: 'dlt', rule: '1', reason: /relieved in 4 days with treatment, not within 3 days/ },
	{ name: 'diarrhoea relieved in 1 day but without treatment (AECONTRT = N)', event: ae('Diarrhea', 3, d(4), d(5), { treated: false }), verdict: 'dlt', rule: '1', reason: /AECONTRT = N.*exception 1a does not apply/ },
	{ name: 'diarrhoea with treatment not recorded', event: ae('Diarrhea', 3, d(4), d(5), { treated: null }), verdict: 'dlt', rule: '1', reason: /AECONTRT not recorded/ },
	{ name: 'diarrhoea relieved by falling to grade 1 within 3 days, event continuing', event: ae('Diarrhea', 3, d(5), d(12), { treated: true, gradeHistory: hist([3, 5], [1, 7]) }), verdict: 'not_dlt', rule: '1a', reason: /relieved in 2 days/ },
	{ name: 'diarrhoea ongoing 2 days after onset at the cut-off', event: ae('Diarrhea', 3, d(5), null, { treated: true }), asOf: d(7), verdict: 'pending', rule: '1a', reason: /a DLT under rule 1 if not relieved by day 8 \(9 Mar 2026\)/ },
	{ name: 'diarrhoea still ongoing 4 days after onset at the cut-off', event: ae('Diarrhea', 3, d(5), null, { treated: true }), asOf: d(9), verdict: 'dlt', rule: '1', reason: /not relieved on 10 Mar 2026 with treatment/ },
	{ name: 'an end after the cut-off is ongoing at the cut-off', event: ae('Diarrhea', 3, d(5), d(12), { treated: true }), asOf: d(6), verdict: 'pending', reason: /not relieved on/ },
	{ name: 'diarrhoea with an end date recorded only as a month', event: ae('Diarrhea', 3, d(5), '2026-03', { treated: true }), verdict: 'pending', rule: '1a', reason: /relief recorded only as 2026-03.*awaiting the full date/ },
	// --- infusion reactions recovering within 2 hours of symptomatic treatment (exception 1b)
	{ name: 'infusion reaction recovered in exactly 2 hours', event: ae('Infusion related reaction', 3, d(1, '10:00'), d(1, '12:00'), { treated: true }), verdict: 'not_dlt', rule: '1b', reason: /relieved in 2 hours with treatment, within 2 hours: excepted by rule 1b/ },
	{ name: 'infusion reaction recovered in 3 hours', event: ae('Infusion related reaction', 3, d(1, '10:00'), d(1, '13:00'), { treated: true }), verdict: 'dlt', rule: '1', reason: /relieved in 3 hours with treatment, not within 2 hours/ },
	{ name: 'infusion reaction recovered in 2 h 1 min', event: ae('Infusion related reaction', 3, d(1, '10:00'), d(1, '12:01'), { treated: true }), verdict: 'dlt', rule: '1', reason: /2\.02 hours/ },
	{ name: 'infusion reaction without times', event: ae('Infusion related reaction', 3, d(1), d(1), { treated: true }), verdict: 'pending', rule: '1b', reason: /awaiting times/ },
	{ name: 'infusion reaction lasting 3 calendar days, no times', event: ae('Infusion related reaction', 3, d(1), d(4), { treated: true }), verdict: 'dlt', rule: '1', reason: /not within 2 hours/ },
	{ name: 'infusion reaction (synonym) without treatment', event: ae('Infusion reaction', 3, d(1, '10:00'), d(1, '10:30'), { treated: false }), verdict: 'dlt', rule: '1', reason: /exception 1b does not apply/ },
	// --- neutropenia: grade ≥ 3 with fever; grade 4 lasting ≥ 7 days
	{ name: 'grade 4 neutropenia for exactly 7 days (days 8–14)', event: ae('Neutrophil count decreased', 4, d(6), d(20), { gradeHistory: hist([3, 6], [4, 8], [3, 15]) }), verdict: 'dlt', rule: '2b', reason: /grade ≥ 4 from day 8 \(9 Mar 2026\) to day 14 \(15 Mar 2026\), 7 days \(≥ 7\)/ },
	{ name: 'grade 4 neutropenia for 6 days (days 8–13)', event: ae('Neutrophil count decreased', 4, d(6), d(20), { gradeHistory: hist([3, 6], [4, 8], [3, 14]) }), verdict: 'not_dlt', rule: '2a', reason: /no fever on the days it was at grade ≥ 3 \(rule 2a\); grade ≥ 4 from day 8 .* to day 13 .*, 6 days \(< 7, rule 2b\); not a DLT/ },
	{ name: 'grade 4 neutropenia ongoing 4 days at the cut-off', event: ae('Neutrophil count decreased', 4, d(9), null, { gradeHistory: hist([3, 9], [4, 12]) }), asOf: d(15), verdict: 'pending', rule: '2b', reason: /4 days on .*: a DLT under rule 2b on day 18 \(19 Mar 2026\) if still grade ≥ 4/ },
	{ name: 'grade 4 neutropenia ongoing 7 days at the cut-off', event: ae('Neutrophil count decreased', 4, d(9), null, { gradeHistory: hist([3, 9], [4, 12]) }), asOf: d(18), verdict: 'dlt', rule: '2b', reason: /7 days \(≥ 7\)/ },
	{ name: 'grade 4 neutropenia with an end date recorded only as a month', event: ae('Neutrophil count decreased', 4, d(9), '2026-03'), verdict: 'pending', rule: '2b', reason: /end is recorded only as 2026-03, so its duration cannot be measured/ },
	{ name: 'grade 3 neutropenia with fever overlapping', event: ae('Neutrophil count decreased', 3, d(9), d(15)), others: [ae('Fever', 1, d(11), d(12))], verdict: 'dlt', rule: '2a', reason: /with Fever \(AE \d+\) from day 11 .* to day 12 .*, while it was at grade ≥ 3: DLT under rule 2a\./ },
	{ name: 'grade 3 neutropenia, fever only after it resolved', event: ae('Neutrophil count decreased', 3, d(9), d(14)), others: [ae('Fever', 2, d(17), d(18))], verdict: 'not_dlt', rule: '2a', reason: /no fever on the days it was at grade ≥ 3/ },
	{ name: 'grade 3 neutropenia, fever starting the day it resolved (same day overlaps)', event: ae('Neutrophil count decreased', 3, d(9), d(14)), others: [ae('Fever', 1, d(14), d(15))], verdict: 'dlt', rule: '2a', reason: /while it was at grade ≥ 3/ },
	{ name: 'grade 4 neutropenia for 3 days with fever: no duration needed', event: ae('Neutrophil count decreased', 4, d(9), d(12)), others: [ae('Pyrexia', 1, d(10), d(11))], verdict: 'dlt', rule: '2a', reason: /Pyrexia/ },
	{ name: 'febrile neutropenia itself', event: ae('Febrile neutropenia', 3, d(10), d(13)), verdict: 'dlt', rule: '2a', reason: /fever is part of the event/ },
	{ name: 'neutropenia (synonym) grade 4 for 14 days', event: ae('Neutropenia', 4, d(5), d(19)), verdict: 'dlt', rule: '2b', reason: /14 days/ },
	{ name: 'grade 3 neutropenia ongoing without fever', event: ae('Neutrophil count decreased', 3, d(9), null), asOf: d(15), verdict: 'pending', rule: '2a', reason: /a DLT under rule 2a if fever occurs while it lasts/ },
	{ name: 'grade 3 neutropenia with a fever of partial dates', event: ae('Neutrophil count decreased', 3, d(9), d(14)), others: [ae('Fever', 1, '2026-03', null)], verdict: 'pending', rule: '2a', reason: /may overlap its days at grade ≥ 3 but its dates are partial/ },
	{ name: 'an unrelated fever still counts as the fever', event: ae('Neutrophil count decreased', 3, d(9), d(14)), others: [ae('Fever', 1, d(10), d(10), { attribution: { BAT4706: 'not_related', BAT1308: 'not_related' } })], verdict: 'dlt', rule: '2a', reason: /while it was at grade ≥ 3/ },
	// --- thrombocytopenia: grade ≥ 4, or grade 3 with bleeding
	{ name: 'grade 4 thrombocytopenia for one day', event: ae('Platelet count decreased', 4, d(11), d(12)), verdict: 'dlt', rule: '3', reason: /DLT under rule 3\./ },
	{ name: 'grade 3 thrombocytopenia with epistaxis overlapping', event: ae('Platelet count decreased', 3, d(12), d(18)), others: [ae('Epistaxis', 1, d(14), d(15))], verdict: 'dlt', rule: '3a', reason: /with Epistaxis/ },
	{ name: 'grade 3 thrombocytopenia with a haemorrhage term overlapping', event: ae('Thrombocytopenia', 3, d(12), d(18)), others: [ae('Gastric hemorrhage', 2, d(13), d(13))], verdict: 'dlt', rule: '3a', reason: /Gastric hemorrhage/ },
	{ name: 'grade 3 thrombocytopenia without bleeding', event: ae('Platelet count decreased', 3, d(11), d(16)), verdict: 'not_dlt', rule: '3a', reason: /no bleeding on the days it was at grade 3/ },
	{ name: 'grade 3 thrombocytopenia, bleeding only later', event: ae('Platelet count decreased', 3, d(11), d(16)), others: [ae('Epistaxis', 1, d(20), d(20))], verdict: 'not_dlt', rule: '3a', reason: /no bleeding/ },
	// --- the data cut-off
	{ name: 'an AE starting after the cut-off', event: ae('Colitis', 3, d(12), d(14)), asOf: d(10), verdict: 'not_dlt', reason: /after the data cut-off/ },
	// --- issue 11.1 death: a fatal event is never relieved or recovered
	{ name: 'death: fatal diarrhoea that "ended" within 3 days with treatment is not excepted', event: ae('Diarrhea', 5, d(4), d(6), { treated: true, outcome: 'FATAL' }), verdict: 'dlt', rule: '1', reason: /fatal \(grade 5, AEOUT = FATAL\): exception 1a applies only when the patient survives/ },
	{ name: 'death: grade 3 diarrhoea with AESDTH = Y relieved in 1 day', event: ae('Diarrhea', 3, d(4), d(5), { treated: true, seriousCriteria: ['AESDTH'] }), verdict: 'dlt', rule: '1', reason: /fatal \(AESDTH = Y\)/ },
	{ name: 'death: fatal infusion reaction that "ended" within 2 hours', event: ae('Infusion related reaction', 5, d(1, '10:00'), d(1, '11:00'), { treated: true, outcome: 'FATAL' }), verdict: 'dlt', rule: '1', reason: /fatal .*exception 1b applies only when the patient survives/ },
	{ name: 'death: AEOUT = FATAL in lower case on a grade 4 vomiting relieved in a day', event: ae('Vomiting', 4, d(4), d(5), { treated: true, outcome: 'fatal' }), verdict: 'dlt', rule: '1', reason: /AEOUT = FATAL/ },
	{ name: 'grade 4 diarrhoea relieved in 2 days with treatment is excepted (the text allows it)', event: ae('Diarrhea', 4, d(4), d(6), { treated: true }), verdict: 'not_dlt', rule: '1a', reason: /relieved in 2 days .*excepted by rule 1a \(the exception is read to cover grade 4/ },
	{ name: 'death: fatal grade 5 neutropenia for 3 days without fever needs no 7 days', event: ae('Neutrophil count decreased', 5, d(8), d(10), { outcome: 'FATAL', gradeHistory: hist([4, 8], [5, 10]) }), verdict: 'dlt', rule: '2b', reason: /cannot apply to a death/ },
	// --- issue 11.2 onset: pre-dose by the clock, worsening, late worsening, partial onsets narrowed
	{ name: 'onset: 08:00 on day 1, before the 09:00 first infusion, is pre-dose', event: ae('Colitis', 3, d(1, '08:00'), d(5)), verdict: 'not_dlt', reason: /before the first infusion that day, before the first dose/ },
	{ name: 'onset: 09:00 on day 1, the minute of the first infusion, is inside', event: ae('Colitis', 3, d(1, '09:00'), d(5)), verdict: 'dlt', rule: '1', reason: /DLT under rule 1/ },
	{ name: 'onset: pre-existing grade 2 that worsens to grade 3 on day 9', event: ae('Colitis', 3, d(-3), d(14), { gradeHistory: hist([2, -3], [3, 9]) }), verdict: 'dlt', rule: '1', reason: /worsened from grade 2 \(before the first dose\) to grade 3 on day 9 \(10 Mar 2026\)/ },
	{ name: 'onset: pre-existing grade 3 that stays grade 3', event: ae('Colitis', 3, d(-3), d(14)), verdict: 'not_dlt', reason: /before the first dose, and not worse in the DLT window/ },
	{ name: 'onset: pre-existing grade 2 worsening only on day 25, after the window', event: ae('Colitis', 3, d(-3), d(30), { gradeHistory: hist([2, -3], [3, 25]) }), verdict: 'not_dlt', reason: /not worse in the DLT window/ },
	{ name: 'onset: grade 1 from day 15 reaching grade 3 only on day 25', event: ae('Colitis', 3, d(15), d(30), { gradeHistory: hist([1, 15], [3, 25]) }), verdict: 'not_dlt', rule: '1', reason: /reached grade ≥ 3 only on day 25 .*after the DLT window/ },
	{ name: 'onset: grade 1 from day 15 reaching grade 3 on day 21, the last day', event: ae('Colitis', 3, d(15), d(30), { gradeHistory: hist([1, 15], [3, 21]) }), verdict: 'dlt', rule: '1', reason: /reached grade ≥ 3 on day 21/ },
	{ name: 'onset: a month-only onset that ended before day 1 needs no attribution', event: ae('Colitis', 3, '2026-03', d(-1), { attribution: { BAT4706: null, BAT1308: null } }), verdict: 'not_dlt', reason: /before the first dose/ },
	{ name: 'onset: a month-only onset narrowed by its end date to inside the window', event: ae('Colitis', 3, '2026-03', '2026-03-10'), firstDose: '2026-02-25', verdict: 'dlt', rule: '1', reason: /DLT under rule 1/ },
	{ name: 'onset: a month-only onset whose end leaves both sides of day 1 possible', event: ae('Colitis', 3, '2026-03', d(4)), verdict: 'pending', reason: /awaiting the full onset date/ },
	// --- issue 11.3 terms: MedDRA (British) and CTCAE (US) spellings, any case, and codes
	{ name: 'terms: DIARRHOEA relieved in 1 day with treatment is excepted', event: ae('DIARRHOEA', 3, d(4), d(5), { treated: true, soc: 'GASTROINTESTINAL DISORDERS' }), verdict: 'not_dlt', rule: '1a', reason: /excepted by rule 1a/ },
	{ name: 'terms: ANAEMIA grade 3 is haematological (needs 4)', event: ae('ANAEMIA', 3, d(6), d(12), { soc: 'BLOOD AND LYMPHATIC SYSTEM DISORDERS' }), verdict: 'not_dlt', rule: '2', reason: /needs grade ≥ 4/ },
	{ name: 'terms: HAEMOGLOBIN DECREASED grade 4 is haematological', event: ae('HAEMOGLOBIN DECREASED', 4, d(6), d(12), { soc: 'INVESTIGATIONS' }), verdict: 'dlt', rule: '2', reason: /DLT under rule 2\./ },
	{ name: 'terms: HAEMATURIA grade 3 is non-haematological', event: ae('HAEMATURIA', 3, d(6), d(8), { soc: 'RENAL AND URINARY DISORDERS' }), verdict: 'dlt', rule: '1', reason: /DLT under rule 1/ },
	{ name: 'terms: lymph node pain grade 3 (blood SOC, not a cytopenia) is non-haematological', event: ae('Lymph node pain', 3, d(6), d(8), { soc: 'Blood and lymphatic system disorders' }), verdict: 'dlt', rule: '1', reason: /DLT under rule 1\.$/ },
	{ name: 'terms: a blood-SOC term in no list, grade 3, is not classified: the committee decides', event: ae('Blood and lymphatic system disorders - Other, specify', 3, d(6), d(8), { soc: 'Blood and lymphatic system disorders' }), verdict: 'pending', rule: null, reason: /not classified as haematological or non-haematological.*the committee decides/ },
	{ name: 'terms: the same at grade 4 is a DLT under either reading', event: ae('Blood and lymphatic system disorders - Other, specify', 4, d(6), d(8), { soc: 'Blood and lymphatic system disorders' }), verdict: 'dlt', rule: '1', reason: /a DLT under either reading/ },
	{ name: 'terms: an unfamiliar LLT coded 10029366 is Neutrophil count decreased (8 days at grade 4)', event: ae('NEUTROPHILS DECREASED', 4, d(5), d(13), { soc: 'INVESTIGATIONS', lltCode: '10029366' }), verdict: 'dlt', rule: '2b', reason: /neutrophil count decreased .*8 days \(≥ 7\)/ },
	{ name: 'terms: NEUTROPENIA grade 3 with BODY TEMPERATURE INCREASED', event: ae('NEUTROPENIA', 3, d(9), d(15)), others: [ae('BODY TEMPERATURE INCREASED', 1, d(10), d(11))], verdict: 'dlt', rule: '2a', reason: /BODY TEMPERATURE INCREASED/ },
	{ name: 'terms: Infusion-related reaction (hyphen) recovered in 1 hour with treatment', event: ae('Infusion-related reaction', 3, d(1, '10:00'), d(1, '11:00'), { treated: true }), verdict: 'not_dlt', rule: '1b', reason: /excepted by rule 1b/ },
	{ name: 'terms: grade 3 THROMBOCYTOPENIA with a HAEMATOMA', event: ae('THROMBOCYTOPENIA', 3, d(12), d(18)), others: [ae('HAEMATOMA', 1, d(13), d(14))], verdict: 'dlt', rule: '3a', reason: /HAEMATOMA/ },
	{ name: 'terms: grade 3 platelets with CONTUSION (bruising)', event: ae('Platelet count decreased', 3, d(12), d(18)), others: [ae('CONTUSION', 1, d(13), d(14))], verdict: 'dlt', rule: '3a', reason: /CONTUSION/ },
	{ name: 'terms: grade 3 platelets with PETECHIAE', event: ae('Platelet count decreased', 3, d(12), d(18)), others: [ae('PETECHIAE', 1, d(15), d(16))], verdict: 'dlt', rule: '3a', reason: /PETECHIAE/ },
	{ name: 'terms: haemorrhoids are not a bleeding', event: ae('Platelet count decreased', 3, d(12), d(18)), others: [ae('HAEMORRHOIDS', 1, d(13), d(14))], verdict: 'not_dlt', rule: '3a', reason: /no bleeding/ },
	// --- issue 11.4 "with fever", "with bleeding": on the days at the rule's grade only
	{ name: 'with bleeding: epistaxis while the platelets were back at grade 2', event: ae('Platelet count decreased', 3, d(11), d(20), { gradeHistory: hist([3, 11], [2, 14]) }), others: [ae('Epistaxis', 1, d(17), d(17))], verdict: 'not_dlt', rule: '3a', reason: /no bleeding on the days it was at grade 3 \(day 11 .* to day 14/ },
	{ name: 'with bleeding: epistaxis on the day the platelets fell back to grade 2 still counts', event: ae('Platelet count decreased', 3, d(11), d(20), { gradeHistory: hist([3, 11], [2, 14]) }), others: [ae('Epistaxis', 1, d(14), d(14))], verdict: 'dlt', rule: '3a', reason: /Epistaxis/ },
	{ name: 'with fever: fever while the neutropenia was only grade 2', event: ae('Neutrophil count decreased', 3, d(5), d(18), { gradeHistory: hist([2, 5], [3, 12]) }), others: [ae('Fever', 1, d(7), d(8))], verdict: 'not_dlt', rule: '2a', reason: /no fever on the days it was at grade ≥ 3 \(day 12/ },
	{ name: 'with fever: fever once the neutropenia reached grade 3', event: ae('Neutrophil count decreased', 3, d(5), d(18), { gradeHistory: hist([2, 5], [3, 12]) }), others: [ae('Pyrexia', 1, d(13), d(13))], verdict: 'dlt', rule: '2a', reason: /reached grade ≥ 3 on day 12 .*Pyrexia/ },
	// --- issue 11.5 the window is the study's: protocol 000 reads "Up to 7 weeks" as days 1–49
	{ name: 'window of 49 days: day 40 is inside', event: ae('Colitis', 3, d(40), d(44)), window: { startDay: 1, endDay: 49 }, verdict: 'dlt', rule: '1', reason: /day 40/ },
	{ name: 'window of 49 days: day 50 is outside', event: ae('Colitis', 3, d(50), d(54)), window: { startDay: 1, endDay: 49 }, asOf: d(90), verdict: 'not_dlt', reason: /after the DLT window \(days 1–49\)/ }
];

describe('protocol 001 (bat4706-bat1308) DLT definition', () => {
	it.each(rows)('$name → $verdict', ({ event, others = [], asOf = d(60), firstDose = FIRST, window = W21, verdict, rule, reason }) => {
		const r = evaluateAe(event, { firstDose, window, asOf, subjectAes: [event, ...others] }, bat);
		expect(r.reason).toMatch(reason);
		expect(r.verdict).toBe(verdict);
		if (rule !== undefined) expect(r.rule).toBe(rule);
	});

	it('reports the study day, window and relatedness it used', () => {
		const r = evaluateAe(ae('Colitis', 3, d(5), d(9)), { firstDose: FIRST, window: W21, asOf: d(60), subjectAes: [] }, bat);
		expect(r).toMatchObject({ studyDay: 5, inWindow: true, related: true, turnsOn: null });
		const partial = evaluateAe(ae('Colitis', 3, '2026-03', null), { firstDose: FIRST, window: W21, asOf: d(60), subjectAes: [] }, bat);
		expect(partial).toMatchObject({ studyDay: null, inWindow: null });
	});

	it('a pending duration says the date it turns', () => {
		const r = evaluateAe(ae('Neutrophil count decreased', 4, d(9), null, { gradeHistory: hist([4, 12]) }), { firstDose: FIRST, window: W21, asOf: d(15), subjectAes: [] }, bat);
		expect(r.turnsOn).toBe(d(18));
	});

	it('a subject never dosed has no window', () => {
		const r = evaluateAe(ae('Colitis', 3, d(5), null), { firstDose: null, window: W21, asOf: d(60), subjectAes: [] }, bat);
		expect(r).toMatchObject({ verdict: 'not_dlt', reason: 'The subject has no first dose: no DLT window.' });
	});

	it('refuses an as-of date that is not a date', () => {
		expect(() => evaluateAe(ae('Colitis', 3, d(5), null), { firstDose: FIRST, window: W21, asOf: 'today', subjectAes: [] }, bat)).toThrow(/asOf "today"/);
	});
});

describe('generic DLT definition (gentuximab, sk-nk)', () => {
	it.each([
		{ name: 'non-haematological grade 3', event: ae('Fatigue', 3, d(4), d(8)), verdict: 'dlt', rule: '1' },
		{ name: 'nausea grade 3 relieved in a day: no exception in the generic set', event: ae('Nausea', 3, d(4), d(5), { treated: true }), verdict: 'dlt', rule: '1' },
		{ name: 'haematological grade 3', event: ae('Anemia', 3, d(4), d(8)), verdict: 'not_dlt', rule: '2' },
		{ name: 'grade 4 neutropenia for 2 days: no duration in the generic set', event: ae('Neutrophil count decreased', 4, d(4), d(6)), verdict: 'dlt', rule: '2' },
		{ name: 'febrile neutropenia grade 3', event: ae('Febrile neutropenia', 3, d(4), d(6)), verdict: 'dlt', rule: '3' },
		{ name: 'related grade 5', event: ae('Death NOS', 5, d(12), d(12)), verdict: 'dlt', rule: '1' },
		{ name: 'unrelated grade 5', event: ae('Death NOS', 5, d(12), d(12), { attribution: { X: 'not_related' } }), verdict: 'not_dlt', rule: null }
	] as const)('$name → $verdict', ({ event, verdict, rule }) => {
		const r = evaluateAe(event, { firstDose: FIRST, window: W21, asOf: d(60), subjectAes: [event] }, generic);
		expect(r.verdict).toBe(verdict);
		expect(r.rule).toBe(rule);
	});
});
