import { describe, expect, it } from 'vitest';
import { VITAL_ECG_LIMITS } from '../../presets/lab-grading';
import type { SafetyResult } from '../types';
import { abnormalVitals, qtcfCategories, qtcfReadings } from './vitals-ecg';

let seq = 0;
const r = (domain: 'VS' | 'EG', testcd: string, value: number, unit: string, date: string, timepoint?: string): SafetyResult => ({
	studyId: 's', usubjid: 'S-1', domain, seq: ++seq, testcd, test: testcd, category: '', value, text: String(value), unit, low: null, high: null,
	nrind: '', baselineFlag: false, date, visit: 'V', ...(timepoint ? { timepoint } : {})
});
const day1 = new Map([['S-1', '2026-03-02T09:00']]);
const L = VITAL_ECG_LIMITS;

describe('vital signs outside the study’s limits, after the first dose', () => {
	it.each<[string, string, number, string, boolean]>([
		['systolic 160 is abnormal (≥ 160)', 'SYSBP', 160, 'mmHg', true],
		['systolic 159', 'SYSBP', 159, 'mmHg', false],
		['systolic 90 is abnormal (≤ 90)', 'SYSBP', 90, 'mmHg', true],
		['systolic 91', 'SYSBP', 91, 'mmHg', false],
		['diastolic 100', 'DIABP', 100, 'mmHg', true],
		['diastolic 99', 'DIABP', 99, 'mmHg', false],
		['pulse 120', 'PULSE', 120, 'beats/min', true],
		['pulse 50', 'PULSE', 50, 'beats/min', true],
		['pulse 51', 'PULSE', 51, 'beats/min', false],
		['temperature 38.0 °C', 'TEMP', 38.0, 'C', true],
		['temperature 37.9 °C', 'TEMP', 37.9, 'C', false],
		['temperature 100.4 °F is 38.0 °C', 'TEMP', 100.4, 'F', true],
		['weight is not a vital sign limit', 'WEIGHT', 200, 'kg', false]
	])('%s', (_n, testcd, value, unit, abnormal) => {
		expect(abnormalVitals([r('VS', testcd, value, unit, '2026-03-05')], day1, L.vitals).has('S-1')).toBe(abnormal);
	});

	it('a value before the first dose (the same morning) is not counted', () => {
		expect(abnormalVitals([r('VS', 'SYSBP', 180, 'mmHg', '2026-03-02T08:00')], day1, L.vitals).size).toBe(0);
	});
});

describe('QTcF: Fridericia from QT and RR, ICH E14 categories', () => {
	it('computes QT / RR^(1/3) per time point, RR in ms', () => {
		const q = qtcfReadings([r('EG', 'QT', 400, 'ms', '2026-03-05', 'T1'), r('EG', 'RR', 800, 'ms', '2026-03-05', 'T1'), r('EG', 'QT', 410, 'ms', '2026-03-05', 'T2'), r('EG', 'RR', 1000, 'ms', '2026-03-05', 'T2')]);
		expect(q.map((x) => x.qtcf).sort()).toEqual([410, 430.9]);
		expect(q.every((x) => x.computed)).toBe(true);
	});

	it.each<[string, number, number, string[]]>([
		['450 is not > 450', 440, 450, []],
		['451 is > 450', 440, 451, ['> 450']],
		['an increase of exactly 30 is not > 30', 420, 450, []],
		['an increase of 31', 420, 451, ['> 450', 'Δ > 30']],
		['> 500 and an increase of 61', 440, 501, ['> 450', '> 480', '> 500', 'Δ > 30', 'Δ > 60']]
	])('%s', (_n, baseline, after, flags) => {
		const readings = [
			{ usubjid: 'S-1', date: '2026-03-01', qtcf: baseline, computed: false },
			{ usubjid: 'S-1', date: '2026-03-09', qtcf: after, computed: false }
		];
		expect(qtcfCategories(readings, day1, L.qtcf).get('S-1')!.flags).toEqual(flags);
	});

	it('the baseline is the mean of the last pre-dose date’s readings (a triplicate)', () => {
		const readings = [410, 420, 430].map((q) => ({ usubjid: 'S-1', date: '2026-03-01', qtcf: q, computed: false }));
		const c = qtcfCategories([...readings, { usubjid: 'S-1', date: '2026-03-09', qtcf: 455, computed: false }], day1, L.qtcf).get('S-1')!;
		expect(c).toMatchObject({ baseline: 420, max: 455, maxIncrease: 35, flags: ['> 450', 'Δ > 30'] });
	});
});
