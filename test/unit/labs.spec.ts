/**
 * Issue 15: labs graded to CTCAE v5.0 on the real CDISC pilot. The command answers one record per LB row; a few
 * shift-table cells are recomputed here from the raw CSV rows, by the CTCAE thresholds written out by hand.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { computeFirstExposure } from '../../src/lib/domain/first-exposure';
import { gradeResults } from '../../src/lib/domain/labs/grade-labs';
import { MISSING, shiftTables, worstGrades } from '../../src/lib/domain/labs/summarize-labs';
import type { DoseAdministration } from '../../src/lib/domain/types';
import { planImport } from '../../src/lib/io/import/plan-import';
import { CTCAE_LAB_GRADING } from '../../src/lib/presets/lab-grading';
import { PILOT, pilotFiles, source } from './helpers';

const ROOT = resolve(__dirname, '../..');
type Row = Record<string, string>;
const csv = (name: string) => Papa.parse<Row>(readFileSync(resolve(PILOT, name), 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('the pilot’s labs, graded', () => {
	const plan = planImport({ ...pilotFiles(), lb: source(resolve(PILOT, 'lb.csv')) }, { target: null, newStudyId: 'p', now: 't', who: 'tester' });
	const dosesBy = new Map<string, DoseAdministration[]>();
	for (const d of plan.doses) (dosesBy.get(d.usubjid) ?? dosesBy.set(d.usubjid, []).get(d.usubjid)!).push(d);
	const day1 = new Map(plan.subjects.map((s) => [s.usubjid, computeFirstExposure(s, dosesBy.get(s.usubjid) ?? [])]));
	const graded = gradeResults(plan.safety, day1, CTCAE_LAB_GRADING);
	const levelOf = new Map(plan.subjects.map((s) => [s.usubjid, s.doseLevel]));
	const tables = shiftTables(worstGrades(graded), levelOf, ['Pbo', 'Xan_Lo', 'Xan_Hi']);

	it('reads all 59,580 LB rows without an error', () => {
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(plan.counts.safety.LB).toBe(59580);
	});

	/** The subjects' first dose, from the raw EX rows: the earliest EXSTDTC (the pilot's placebo dose is 0 and counts). */
	const firstDose = new Map<string, string>();
	for (const r of csv('ex.csv')) {
		if (!r.EXSTDTC) continue;
		const was = firstDose.get(r.USUBJID!);
		if (!was || r.EXSTDTC < was) firstDose.set(r.USUBJID!, r.EXSTDTC);
	}
	const arm = new Map(csv('dm.csv').map((r) => [r.USUBJID!, r.ACTARMCD!]));
	/**
	 * A shift table by hand: baseline = the LBBLFL row, else the last value drawn on or before the first dose's day;
	 * post-baseline = drawn on a later day than the first dose.
	 */
	function byHand(testcd: string, level: string, gradeOf: (value: number, low: number | null, high: number | null, base: Row) => number | null) {
		const cells = new Map<string, number>();
		const rows = csv('lb.csv').filter((r) => r.LBTESTCD === testcd && arm.get(r.USUBJID!) === level);
		const subjects = new Set(rows.map((r) => r.USUBJID!));
		for (const u of subjects) {
			const mine = rows.filter((r) => r.USUBJID === u);
			const num = (x: string | undefined) => (x === undefined || x === '' ? null : Number(x));
			const first = firstDose.get(u);
			const before = mine.filter((r) => first && r.LBDTC && r.LBDTC.slice(0, 10) <= first.slice(0, 10) && num(r.LBSTRESN) !== null).sort((a, b) => a.LBDTC!.localeCompare(b.LBDTC!));
			const base = mine.find((r) => r.LBBLFL === 'Y' && num(r.LBSTRESN) !== null) ?? before.at(-1);
			const b = base && num(base.LBSTRESN) !== null ? gradeOf(num(base.LBSTRESN)!, num(base.LBSTNRLO), num(base.LBSTNRHI), base) : null;
			let worst: number | null = null;
			for (const r of mine) {
				if (r === base || !first || !r.LBDTC || r.LBDTC.slice(0, 10) <= first.slice(0, 10) || num(r.LBSTRESN) === null) continue;
				const g = gradeOf(num(r.LBSTRESN)!, num(r.LBSTNRLO), num(r.LBSTNRHI), base!);
				if (g !== null && (worst === null || g > worst)) worst = g;
			}
			const key = `${b ?? 'NA'}>${worst ?? 'NA'}`;
			cells.set(key, (cells.get(key) ?? 0) + 1);
		}
		return cells;
	}
	function fromApp(testcd: string, direction: 'low' | 'high', level: string) {
		const t = tables.find((x) => x.testcd === testcd && x.direction === direction && x.doseLevel === level)!;
		const cells = new Map<string, number>();
		t.counts.forEach((row, b) => row.forEach((n, w) => n && cells.set(`${b === MISSING ? 'NA' : b}>${w === MISSING ? 'NA' : w}`, n)));
		return cells;
	}

	it('platelets, Xanomeline High Dose: <25 G4, <50 G3, <75 G2, <LLN G1 (GI/L is 10^9/L)', () => {
		const platelets = (x: number, low: number | null) => (x < 25 ? 4 : x < 50 ? 3 : x < 75 ? 2 : low === null ? null : x < low ? 1 : 0);
		const expected = byHand('PLAT', 'Xan_Hi', platelets);
		expect(fromApp('PLAT', 'low', 'Xan_Hi')).toEqual(expected);
		expect(expected.get('0>1')).toBeGreaterThan(0);
	});

	it('ALT, placebo: against ULN after a normal baseline, against baseline after a high one', () => {
		const alt = (x: number, _low: number | null, high: number | null, base: Row) => {
			const baseHigh = base?.LBNRIND === 'HIGH';
			const ref = baseHigh ? Number(base.LBSTRESN) : high;
			if (ref === null) return null;
			if (x > 20 * ref) return 4;
			if (x > 5 * ref) return 3;
			if (x > 3 * ref) return 2;
			return baseHigh ? (x >= 1.5 * ref ? 1 : 0) : x > ref ? 1 : 0;
		};
		expect(fromApp('ALT', 'high', 'Pbo')).toEqual(byHand('ALT', 'Pbo', alt));
	});

	it('haemoglobin in mmol/L is converted to g/L and graded (admiral itself gives no grade without the conversion)', () => {
		const anaemia = (x: number, low: number | null) => {
			const g = x * 16.11;
			return g < 80 ? 3 : g < 100 ? 2 : low === null ? null : g < low * 16.11 ? 1 : 0;
		};
		expect(fromApp('HGB', 'low', 'Xan_Lo')).toEqual(byHand('HGB', 'Xan_Lo', anaemia));
	});
});

describe('dosewatch labs', () => {
	it('prints one graded record per result and each subject’s worst grades', () => {
		const r = spawnSync(process.execPath, [resolve(ROOT, 'src/cli/bin.js'), 'labs', '--dm', `${PILOT}/dm.csv`, '--ex', `${PILOT}/ex.csv`, '--lb', `${PILOT}/lb.csv`, '--format', 'json'], {
			cwd: ROOT,
			encoding: 'utf8',
			maxBuffer: 200 * 1024 * 1024
		});
		expect(r.status).toBe(0);
		const out = JSON.parse(r.stdout) as { records: Record<string, unknown>[]; subjects: { usubjid: string; grades: unknown[] }[] };
		expect(out.records).toHaveLength(59580);
		const plat = out.records.find((x) => x.usubjid === '01-701-1015' && x.testcd === 'PLAT' && x.isBaseline)!;
		expect(plat).toMatchObject({ domain: 'LB', unit: 'GI/L', termLow: 'Platelet count decreased', gradeLow: 0, gradeHigh: null, termHigh: null, why: null, studyDay: expect.any(Number) });
		expect(Object.keys(plat)).toEqual(expect.arrayContaining(['usubjid', 'domain', 'seq', 'testcd', 'studyDay', 'value', 'unit', 'baseline', 'gradeLow', 'gradeHigh', 'termLow', 'termHigh', 'why']));
		expect(out.records.find((x) => x.testcd === 'BUN')!.why).toBe('BUN has no CTCAE term in the mapping');
		expect(out.subjects.find((s) => s.usubjid === '01-701-1015')!.grades.length).toBeGreaterThan(10);
	});

	it('refuses a command line without a lab file', () => {
		const r = spawnSync(process.execPath, [resolve(ROOT, 'src/cli/bin.js'), 'labs', '--dm', `${PILOT}/dm.csv`], { cwd: ROOT, encoding: 'utf8' });
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/labs needs --lb/);
	});
});

describe('the pilot’s vital signs and the generated ECG', () => {
	const EG = resolve(PILOT, '../pharmaversesdtm/eg.csv');
	const plan = planImport({ ...pilotFiles(), vs: source(resolve(PILOT, 'vs.csv')), eg: source(EG) }, { target: null, newStudyId: 'p', now: 't', who: 'tester' });

	it('reads VS (29,643 rows) and EG, and reports EG’s "mmHg" for QT and RR as a quirk, using the standard unit', () => {
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(plan.counts.safety).toMatchObject({ VS: 29643, EG: 26717 });
		const quirks = plan.problems.filter((p) => p.file === 'eg.csv' && p.severity === 'warning').map((p) => p.message);
		expect(quirks).toEqual(expect.arrayContaining([expect.stringMatching(/^8220 QT results give the original unit "mmHg", which an ECG interval cannot have; the standard unit EGSTRESU is used$/)]));
	});

	it('counts subjects with abnormal vital signs and QTcF categories per arm, from the raw values', async () => {
		const { safetyOutcomes } = await import('../../src/lib/domain/labs/safety-outcomes');
		const { VITAL_ECG_LIMITS } = await import('../../src/lib/presets/lab-grading');
		const dosesBy = new Map<string, DoseAdministration[]>();
		for (const d of plan.doses) (dosesBy.get(d.usubjid) ?? dosesBy.set(d.usubjid, []).get(d.usubjid)!).push(d);
		const day1 = new Map(plan.subjects.map((s) => [s.usubjid, computeFirstExposure(s, dosesBy.get(s.usubjid) ?? [])]));
		const levelOf = new Map(plan.subjects.map((s) => [s.usubjid, s.doseLevel]));
		const rows = safetyOutcomes(plan.safety, [], day1, levelOf, ['Pbo', 'Xan_Lo', 'Xan_Hi'], VITAL_ECG_LIMITS);
		// By hand: a post-dose systolic ≥ 160 or ≤ 90, diastolic ≥ 100, pulse ≥ 120 or ≤ 50, temperature ≥ 38.
		const abnormal = new Set<string>();
		for (const v of csv('vs.csv')) {
			const first = day1.get(v.USUBJID!);
			const x = Number(v.VSSTRESN);
			if (!first || !v.VSDTC || v.VSDTC.slice(0, 10) <= first.slice(0, 10) || v.VSSTRESN === '') continue;
			const out = { SYSBP: x >= 160 || x <= 90, DIABP: x >= 100, PULSE: x >= 120 || x <= 50, TEMP: x >= 38 }[v.VSTESTCD as 'SYSBP'];
			if (out && levelOf.get(v.USUBJID!) === 'Xan_Hi') abnormal.add(v.USUBJID!);
		}
		const vitals = rows.find((r) => r.outcome === 'Vital signs')!;
		expect(vitals.cells['Xan_Hi']!.abnormal).toBe(abnormal.size);
		expect(vitals.cells['Xan_Hi']!.of).toBeGreaterThan(abnormal.size);
		expect(rows.find((r) => r.outcome === 'Physical examination')!.cells['Pbo']).toEqual({ of: null, abnormal: 0 });
		expect(rows.find((r) => r.outcome === 'ECG: QTcF > 450 ms')!.cells['Pbo']!.of).toBeGreaterThan(0);
	});
});
