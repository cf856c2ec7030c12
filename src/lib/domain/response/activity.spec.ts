import { describe, expect, it } from 'vitest';
import type { DoseAdministration, SafetyResult, Subject } from '../types';
import { dateOfStudyDay } from '../partial-date';
import { DEFAULT_ACTIVITY_SETTINGS, studyActivity } from './activity';

const DAY1 = '2026-03-02';
const on = (d: number) => dateOfStudyDay(d, DAY1)!;
const subject = (usubjid: string, doseLevel: string, extra: Partial<Subject> = {}): Subject => ({
	studyId: 's', usubjid, doseLevel, site: '', sex: '', age: null, enrolled: null, status: 'on_treatment', refStart: null, ...extra
});
const dose = (usubjid: string, day: number, amount = 10): DoseAdministration => ({ studyId: 's', usubjid, seq: day, drug: 'X', start: on(day), end: null, dose: amount, unit: 'mg', cycle: 1, day });
let seq = 0;
const rs = (usubjid: string, day: number, response: string, evaluator = 'INVESTIGATOR'): SafetyResult => ({
	studyId: 's', usubjid, domain: 'RS', seq: ++seq, testcd: 'OVRLRESP', test: 'Overall Response', category: 'RECIST 1.1', value: null, text: response, unit: '', low: null, high: null, nrind: '', baselineFlag: false, date: on(day), visit: '', evaluator
});
const tr = (usubjid: string, day: number, sum: number, visit: string): SafetyResult => ({ ...rs(usubjid, day, ''), domain: 'TR', testcd: 'SUMDIAM', value: sum, text: String(sum), visit, group: 'TARGET' });

const input = {
	subjects: [subject('A', 'L1'), subject('B', 'L1', { death: { date: on(70), source: 'DM DTHDTC' }, status: 'discontinued' }), subject('C', 'L2'), subject('D', 'L2')],
	doses: [dose('A', 1), dose('A', 22), dose('A', 43, 0), dose('B', 1), dose('C', 1), dose('D', 1)],
	aes: [],
	records: [
		rs('A', 43, 'PR'), rs('A', 85, 'PR'), rs('A', 127, 'PD'),
		tr('A', -3, 80, 'BASELINE'), tr('A', 43, 50, 'WEEK 6'), tr('A', 85, 44, 'WEEK 12'),
		rs('B', 43, 'SD'),
		rs('C', 43, 'SD', 'INDEPENDENT ASSESSOR'), rs('C', 85, 'PD')
	],
	day1: new Map([['A', DAY1], ['B', DAY1], ['C', DAY1], ['D', DAY1]]),
	levels: ['L1', 'L2'],
	asOf: on(200)
};

describe('study activity: the one reading the Activity tab, the pack and the command share', () => {
	const a = studyActivity(input)!;
	const of = (u: string) => a.subjects.find((s) => s.usubjid === u);

	it('one row per participant with an overall response; none for a participant never assessed', () => {
		expect(a.subjects.map((s) => s.usubjid)).toEqual(['A', 'B', 'C']);
		expect(of('D')).toBeUndefined();
	});

	it('A: confirmed PR, PFS to the PD on day 127, a response of 85 days, 45% shrinkage; time on treatment to the last dose above zero', () => {
		expect([of('A')!.response.bor, of('A')!.pfs!.time, of('A')!.pfs!.event, of('A')!.dor!.time, of('A')!.tumourChange!.change]).toEqual(['PR', 127, true, 85, -45]);
		expect(of('A')!.treatment).toEqual({ firstDay: 1, lastDay: 22, ongoing: true });
	});

	it('B: SD, then death on day 70 (DM) ends PFS as an event; off treatment', () => {
		expect([of('B')!.response.bor, of('B')!.pfs!.time, of('B')!.pfs!.event]).toEqual(['SD', 70, true]);
		expect(of('B')!.treatment!.ongoing).toBe(false);
	});

	it('C: the independent assessor’s SD is not the investigator’s; the investigator’s PD on day 85 is', () => {
		expect(of('C')!.response.bor).toBe('PD');
	});

	it('per level: ORR and the Kaplan–Meier medians', () => {
		expect(a.levels.map((l) => [l.doseLevel, l.n, l.orr, l.pfs?.events])).toEqual([['L1', 2, 50, 2], ['L2', 1, 0, 1]]);
	});

	it('as of an earlier date: later assessments and deaths are not yet known', () => {
		const early = studyActivity({ ...input, asOf: on(60) })!;
		const A = early.subjects.find((s) => s.usubjid === 'A')!;
		expect([A.response.bor, A.response.borUnconfirmed, A.pfs!.event]).toEqual(['SD', 'PR', false]);
		expect(early.subjects.find((s) => s.usubjid === 'B')!.pfs!.event).toBe(false);
	});

	it('another evaluator by the study’s settings; no RS at all: nothing', () => {
		const ind = studyActivity({ ...input, settings: { ...DEFAULT_ACTIVITY_SETTINGS, evaluator: 'INDEPENDENT ASSESSOR' } })!;
		expect(ind.subjects.map((s) => [s.usubjid, s.response.bor])).toEqual([['C', 'SD']]);
		expect(studyActivity({ ...input, records: [] })).toBeNull();
	});
});
