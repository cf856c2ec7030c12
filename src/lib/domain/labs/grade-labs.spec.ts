import { describe, expect, it } from 'vitest';
import { CTCAE_LAB_GRADING } from '../../presets/lab-grading';
import type { SafetyResult } from '../types';
import { gradeResults, gradeTerm, type ResultValues } from './grade-labs';
import { compileBranches } from './grade-expression';

const G = CTCAE_LAB_GRADING;
const v = (value: number | null, unit: string, low: number | null, high: number | null, base: number | null = null, bnrind: string | null = null): ResultValues => ({ value, unit, low, high, base, bnrind });
const grade = (term: string, testcd: string, r: ResultValues) => gradeTerm(term, testcd, r, G);

describe('CTCAE v5.0 lab grades at every boundary (admiral’s criteria)', () => {
	type Row = [value: number, expected: number | null];
	const table = (name: string, term: string, testcd: string, mk: (x: number) => ResultValues, rows: Row[]) =>
		it.each(rows)(`${name}: %s → grade %s`, (x, expected) => {
			expect(grade(term, testcd, mk(x)).grade).toBe(expected);
		});

	// Neutrophils, SI (the pilot's GI/L is 10^9/L): <0.5 G4, <1.0 G3, <1.5 G2, <LLN G1.
	table('neutrophils 10^9/L (GI/L), LLN 2.0', 'Neutrophil count decreased', 'NEUT', (x) => v(x, 'GI/L', 2.0, 7.5), [
		[0.49, 4], [0.5, 3], [0.99, 3], [1.0, 2], [1.49, 2], [1.5, 1], [1.99, 1], [2.0, 0], [8, 0]
	]);
	// The same in US units (10^3/uL is 10^9/L); in 10^3/mL the numbers are a thousand times larger.
	table('neutrophils 10^3/uL', 'Neutrophil count decreased', 'NEUT', (x) => v(x, '10^3/uL', 2.0, 7.5), [[0.49, 4], [0.5, 3], [1.0, 2], [1.5, 1], [2.0, 0]]);
	table('neutrophils 10^3/mL', 'Neutrophil count decreased', 'NEUT', (x) => v(x, '10^3/mL', 2000, 7500), [[499, 4], [500, 3], [999, 3], [1000, 2], [1500, 1], [2000, 0]]);
	// Platelets: <25 G4, <50 G3, <75 G2, <LLN G1.
	table('platelets 10^9/L, LLN 150', 'Platelet count decreased', 'PLAT', (x) => v(x, '10^9/L', 150, 400), [
		[24.9, 4], [25, 3], [49.9, 3], [50, 2], [74.9, 2], [75, 1], [149, 1], [150, 0]
	]);
	// Anaemia SI g/L: <80 G3, <100 G2, <LLN G1; the pilot's HGB in mmol/L is converted (× 16.11).
	table('haemoglobin g/L, LLN 120', 'Anemia', 'HGB', (x) => v(x, 'g/L', 120, 160), [[79, 3], [80, 2], [99, 2], [100, 1], [119, 1], [120, 0]]);
	// 6.2 mmol/L is 99.9 g/L, so grade 2 by the g/L criteria, although CTCAE's own mmol/L text puts 6.2 in grade 1:
	// the two are not exact conversions of each other, and DoseWatch grades by admiral's g/L code.
	table('haemoglobin mmol/L, converted', 'Anemia', 'HGB', (x) => v(x, 'mmol/L', 7.45, 9.93), [[4.9, 3], [5.0, 2], [6.2, 2], [6.3, 1], [7.45, 0]]);
	// …and US g/dL with the US criteria: <8.0 G3, <10.0 G2.
	table('haemoglobin g/dL (US)', 'Anemia', 'HGB', (x) => v(x, 'g/dL', 12, 16), [[7.9, 3], [8.0, 2], [9.9, 2], [10.0, 1], [12, 0]]);
	// Hypoalbuminaemia: SI <20 / <30 g/L, US <2 / <3 g/dL; thresholds are not conversions of each other's units.
	table('albumin g/L', 'Hypoalbuminemia', 'ALB', (x) => v(x, 'g/L', 35, 50), [[19, 3], [20, 2], [29, 2], [30, 1], [35, 0]]);
	table('albumin g/dL (US)', 'Hypoalbuminemia', 'ALB', (x) => v(x, 'g/dL', 3.5, 5), [[1.9, 3], [2.0, 2], [2.9, 2], [3.0, 1], [3.5, 0]]);
	// ALT against ULN when the baseline was normal: >ULN G1, >3× G2, >5× G3, >20× G4.
	table('ALT, normal baseline, ULN 40', 'Alanine aminotransferase increased', 'ALT', (x) => v(x, 'U/L', 0, 40, 30, 'NORMAL'), [
		[40, 0], [41, 1], [120, 1], [121, 2], [200, 2], [201, 3], [800, 3], [801, 4]
	]);
	// …and against baseline when it was abnormal (HIGH, baseline 60): ≥1.5× G1, >3× G2, >5× G3, >20× G4.
	table('ALT, abnormal baseline 60', 'Alanine aminotransferase increased', 'ALT', (x) => v(x, 'U/L', 0, 40, 60, 'HIGH'), [
		[89, 0], [90, 1], [180, 1], [181, 2], [301, 3], [1200, 3], [1201, 4]
	]);
	// Potassium low: <LLN G2 (admiral assumes symptomatic), <3.0 G3, <2.5 G4; mEq/L is mmol/L for a monovalent ion.
	table('potassium mmol/L, LLN 3.5', 'Hypokalemia', 'K', (x) => v(x, 'mmol/L', 3.5, 5.1), [[2.49, 4], [2.5, 3], [2.99, 3], [3.0, 2], [3.49, 2], [3.5, 0]]);
	table('potassium mEq/L', 'Hypokalemia', 'K', (x) => v(x, 'mEq/L', 3.5, 5.1), [[2.49, 4], [3.0, 2]]);
});

describe('a result that cannot be graded says why', () => {
	it.each([
		['no unit', v(1.2, '', 2, 7.5), 'Neutrophil count decreased', 'NEUT', /^no unit: Neutrophil count decreased is graded in 10\^9\/L or 10\^3\/uL or 10\^3\/mL$/],
		['a unit of another kind', v(1.2, 'mg/dL', 2, 7.5), 'Neutrophil count decreased', 'NEUT', /^unit mg\/dL is not one Neutrophil count decreased is graded in/],
		['no lower limit of normal, above grade 2', v(1.7, 'GI/L', null, null), 'Neutrophil count decreased', 'NEUT', /^no lower limit of normal \(LBSTNRLO\)$/],
		['no numeric result', v(null, 'GI/L', 2, 7.5), 'Neutrophil count decreased', 'NEUT', /^no numeric result$/],
		['no baseline for INR', v(1.1, '', null, null, null), 'INR increased', 'INR', /^no baseline value$/]
	])('%s', (_n, r, term, testcd, why) => {
		const g = grade(term, testcd, r);
		expect(g.grade).toBeNull();
		expect(g.why).toMatch(why);
	});

	it('a count below 25 is grade 4 even without a normal range: the order of admiral’s branches is kept', () => {
		expect(grade('Platelet count decreased', 'PLAT', v(20, '10^9/L', null, null)).grade).toBe(4);
	});

	it('says how a converted result was converted', () => {
		expect(grade('Anemia', 'HGB', v(4.9, 'mmol/L', 7.45, 9.93)).converted).toMatch(/^mmol\/L × 16.11 = g\/L/);
	});
});

describe('R’s three-valued logic in the expressions', () => {
	const vars = { AVAL: 5, ANRLO: null, ANRHI: 10, BASE: null, PCHG: null, BNRIND: null };
	it.each([
		['NA & FALSE is FALSE', 'ANRLO < 1 & AVAL > 6 ~ "1"', false],
		['NA & TRUE is NA (does not fire)', 'ANRLO < 1 & AVAL > 1 ~ "1"', false],
		['NA | TRUE is TRUE', 'ANRLO < 1 | AVAL > 1 ~ "1"', true],
		['%in% on NA is FALSE, so its negation fires', '!(BNRIND %in% high_indicator) & AVAL < ANRHI ~ "1"', true],
		['signif keeps 15 digits', 'signif(0.1 + 0.2, signif_dig) == 0.3 ~ "1"', true]
	])('%s', (_n, code, fires) => {
		expect(compileBranches(code)[0]!.when(vars)).toBe(fires);
	});
});

describe('baseline and post-baseline', () => {
	const r = (seq: number, date: string, value: number, flag = false): SafetyResult => ({
		studyId: 's', usubjid: 'S-1', domain: 'LB', seq, testcd: 'PLAT', test: 'Platelet', category: 'HEMATOLOGY', value, text: String(value), unit: 'GI/L',
		low: 150, high: 400, nrind: '', baselineFlag: flag, date, visit: ''
	});
	const day1 = new Map([['S-1', '2026-03-02T09:00']]);

	it('is the last value on or before day 1; a draw after the dose that day is post-baseline', () => {
		const g = gradeResults([r(1, '2026-02-20', 210), r(2, '2026-03-02T08:00', 200), r(3, '2026-03-02T12:00', 160), r(4, '2026-03-09', 40)], day1, G);
		expect(g.map((x) => [x.result.seq, x.isBaseline, x.postBaseline, x.studyDay, x.low?.grade])).toEqual([
			[1, false, false, -10, 0],
			[2, true, false, 1, 0],
			[3, false, true, 1, 0],
			[4, false, true, 8, 3]
		]);
		expect(g[3]!.baseline).toBe(200);
	});

	it('follows the file’s own flag (LBBLFL) when it gives one', () => {
		const g = gradeResults([r(1, '2026-02-20', 210, true), r(2, '2026-03-01', 200)], day1, G);
		expect(g.find((x) => x.isBaseline)!.result.seq).toBe(1);
	});

	it('a subject never dosed has no post-baseline result', () => {
		const g = gradeResults([r(1, '2026-03-09', 40)], new Map([['S-1', null]]), G);
		expect(g[0]).toMatchObject({ postBaseline: false, studyDay: null, isBaseline: false });
	});
});

describe('grades that rest on admiral’s worst-case assumption say so', () => {
	it('uric acid above ULN is grade 3 "with physiologic consequences", assumed, and counted apart', async () => {
		const { abnormalLabSubjects } = await import('./summarize-labs');
		const g = grade('Hyperuricemia', 'URATE', v(500, 'umol/L', 200, 430));
		expect(g).toMatchObject({ grade: 3, assumption: 'Take worst case and assume "with physiologic consequences"' });
		const counts = abnormalLabSubjects(
			[
				{ usubjid: 'A', testcd: 'URATE', term: 'Hyperuricemia', direction: 'high', baselineGrade: 0, worstGrade: 3, worstSeq: 1, worstMeasured: 0, assumption: g.assumption },
				{ usubjid: 'B', testcd: 'PLAT', term: 'Platelet count decreased', direction: 'low', baselineGrade: 0, worstGrade: 3, worstSeq: 1, worstMeasured: 3, assumption: null }
			],
			new Map([['A', 'DL1'], ['B', 'DL1']])
		);
		expect(counts.get('DL1')).toEqual({ graded: 2, grade1: 2, grade3: 2, grade3Assumed: 1 });
		expect(grade('Platelet count decreased', 'PLAT', v(40, 'GI/L', 150, 400)).assumption).toBeNull();
	});
});

describe('a criterion’s note that is not an assumption', () => {
	it('hypocalcaemia’s "split corrected and ionized calcium" note does not mark its grades as assumed', () => {
		expect(grade('Hypocalcemia', 'CA', v(1.9, 'mmol/L', 2.1, 2.6)).assumption).toBeNull();
	});
});

describe('a study’s own mapping over the default', () => {
	it('changes a term, removes a direction, and adds a test the default does not grade', async () => {
		const { withStudyMapping } = await import('./grade-labs');
		const m = withStudyMapping(G, { WBC: { high: null }, HGB: { low: 'Anemia', high: null }, ANC: { low: 'Neutrophil count decreased' }, eos: { high: 'Leukocytosis' } }).mapping;
		expect(m['WBC']).toEqual({ low: 'White blood cell decreased' });
		expect(m['HGB']).toEqual({ low: 'Anemia' });
		expect(m['EOS']).toEqual({ high: 'Leukocytosis' });
		expect(m['PLAT']).toEqual(G.mapping['PLAT']);
		expect(withStudyMapping(G, undefined)).toBe(G);
	});
});
