/**
 * Vital signs and ECG after the first dose: a vital sign outside the study's limits (systolic ≥ 160 or ≤ 90 mmHg
 * …), and QTcF in ICH E14's categories (> 450 / 480 / 500 ms, increase from baseline > 30 / 60 ms). QTcF is the
 * file's own (EGTESTCD QTCF) or Fridericia's QT / RR^(1/3) (RR in seconds) from a QT and an RR of the same time
 * point. Baseline QTcF is the mean of the values on the last date on or before day 1. Pure.
 */
import { dayNumber, hasTime, isCompleteDate, toInstant } from '../partial-date';
import type { Dtc, SafetyResult } from '../types';

export interface VitalLimit {
	testcd: string;
	label: string;
	unit: string;
	/** Abnormal at or above. */
	high?: number;
	/** Abnormal at or below. */
	low?: number;
	words: string;
}

export interface QtcfLimits {
	above: number[];
	increase: number[];
	words: string;
}

function afterDay1(date: Dtc | null, day1: Dtc | null): boolean {
	if (!day1 || !isCompleteDate(date)) return false;
	const d = dayNumber(date)!;
	const f = dayNumber(day1)!;
	if (d !== f) return d > f;
	return hasTime(date) && hasTime(day1) && toInstant(date)! > toInstant(day1)!;
}

/** Fahrenheit temperatures read in Celsius. */
const celsius = (r: SafetyResult) => (r.testcd.toUpperCase() === 'TEMP' && /^(F|°F|DEGF)$/i.test(r.unit.trim()) ? ((r.value! - 32) * 5) / 9 : r.value!);

/** Each subject's post-baseline vital signs outside the limits, as "SYSBP 172 mmHg on 2014-03-02". */
export function abnormalVitals(results: readonly SafetyResult[], day1: ReadonlyMap<string, Dtc | null>, limits: readonly VitalLimit[]): Map<string, string[]> {
	const byTest = new Map(limits.map((l) => [l.testcd.toUpperCase(), l]));
	const out = new Map<string, string[]>();
	for (const r of results) {
		if (r.domain !== 'VS' || r.value === null) continue;
		const limit = byTest.get(r.testcd.toUpperCase());
		if (!limit || !afterDay1(r.date, day1.get(r.usubjid) ?? null)) continue;
		const v = celsius(r);
		if ((limit.high !== undefined && v >= limit.high) || (limit.low !== undefined && v <= limit.low)) {
			const list = out.get(r.usubjid) ?? [];
			list.push(`${r.testcd} ${r.value} ${r.unit} on ${r.date!.slice(0, 10)}`);
			out.set(r.usubjid, list);
		}
	}
	return out;
}

export interface QtcfReading {
	usubjid: string;
	date: Dtc;
	qtcf: number;
	/** Computed from QT and RR (Fridericia), not given by the file. */
	computed: boolean;
}

/** The QTcF readings of ECG results: the file's QTCF, else Fridericia from a QT and an RR of one time point. */
export function qtcfReadings(results: readonly SafetyResult[]): QtcfReading[] {
	const given: QtcfReading[] = [];
	const pairs = new Map<string, { qt?: number; rr?: number; rrUnit?: string; usubjid: string; date: Dtc }>();
	for (const r of results) {
		if (r.domain !== 'EG' || r.value === null || !r.date) continue;
		const code = r.testcd.toUpperCase();
		if (code === 'QTCF') given.push({ usubjid: r.usubjid, date: r.date, qtcf: r.value, computed: false });
		else if (code === 'QT' || code === 'RR') {
			const k = `${r.usubjid}\u0000${r.date}\u0000${r.visit}\u0000${r.timepoint ?? ''}`;
			const p = pairs.get(k) ?? { usubjid: r.usubjid, date: r.date };
			if (code === 'QT') p.qt = r.value;
			else {
				p.rr = r.value;
				p.rrUnit = r.unit;
			}
			pairs.set(k, p);
		}
	}
	if (given.length) return given;
	const out: QtcfReading[] = [];
	for (const p of pairs.values()) {
		if (p.qt === undefined || p.rr === undefined || p.rr <= 0) continue;
		// RR in ms unless the unit says seconds (or the value can only be seconds).
		const seconds = /^s(ec)?$/i.test(p.rrUnit ?? '') || p.rr < 10 ? p.rr : p.rr / 1000;
		out.push({ usubjid: p.usubjid, date: p.date, qtcf: Math.round((p.qt / Math.cbrt(seconds)) * 10) / 10, computed: true });
	}
	return out;
}

export interface QtcfCategories {
	/** Highest post-baseline QTcF. */
	max: number | null;
	baseline: number | null;
	/** Largest post-baseline increase from baseline. */
	maxIncrease: number | null;
	/** Limits the subject went above: "> 450", "Δ > 30". */
	flags: string[];
}

/** Each subject's QTcF categories after the first dose. */
export function qtcfCategories(readings: readonly QtcfReading[], day1: ReadonlyMap<string, Dtc | null>, limits: QtcfLimits): Map<string, QtcfCategories> {
	const by = new Map<string, QtcfReading[]>();
	for (const r of readings) (by.get(r.usubjid) ?? by.set(r.usubjid, []).get(r.usubjid)!).push(r);
	const out = new Map<string, QtcfCategories>();
	for (const [usubjid, list] of by) {
		const first = day1.get(usubjid) ?? null;
		if (!first) continue;
		const before = list.filter((r) => isCompleteDate(r.date) && !afterDay1(r.date, first));
		const lastDay = before.length ? Math.max(...before.map((r) => dayNumber(r.date)!)) : null;
		const onIt = before.filter((r) => dayNumber(r.date) === lastDay);
		const baseline = onIt.length ? onIt.reduce((s, r) => s + r.qtcf, 0) / onIt.length : null;
		const after = list.filter((r) => afterDay1(r.date, first));
		if (!after.length) continue;
		const max = Math.max(...after.map((r) => r.qtcf));
		const maxIncrease = baseline === null ? null : Math.max(...after.map((r) => r.qtcf - baseline));
		const flags = [...limits.above.filter((a) => max > a).map((a) => `> ${a}`), ...(maxIncrease === null ? [] : limits.increase.filter((d) => maxIncrease > d).map((d) => `Δ > ${d}`))];
		out.set(usubjid, { max, baseline, maxIncrease, flags });
	}
	return out;
}
