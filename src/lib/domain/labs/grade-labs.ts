/**
 * CTCAE v5.0 grades of lab results, from admiral's criteria as data (grade-expression.ts reads their code). Per
 * result: the term graded in each direction (the study's mapping from LBTESTCD), the criteria in the unit system
 * of the result (SI, else US conventional: their thresholds are not conversions of each other), the baseline
 * (LBBLFL when the file flags one, else the last value on or before day 1), percent change from it, and when no
 * grade can be given, why. Pure.
 */
import type { Dtc, SafetyResult } from '../types';
import { computeStudyDay, dayNumber, hasTime, isCompleteDate, orderKey, toInstant } from '../partial-date';
import { compileBranches, type Branch, type GradeVars } from './grade-expression';
import { canonicalUnit, unitFactor, type UnitRules } from './units';

/** One row of admiral's criteria file (ncictcaev5.json): NCI's words beside admiral's code. */
export interface LabCriterionRow {
	SOC: string;
	TERM: string;
	GRADE_1: string;
	GRADE_2: string;
	GRADE_3: string;
	GRADE_4: string;
	GRADE_5: string;
	Definition?: string;
	GRADE_NA_CODE?: string;
	GRADE_4_CODE?: string;
	GRADE_3_CODE?: string;
	GRADE_2_CODE?: string;
	GRADE_1_CODE?: string;
	UNIT_CHECK?: string | null;
	VAR_CHECK?: string;
	DIRECTION: string;
	COMMENT?: string | null;
}

export type UnitSystem = 'SI' | 'US';
export type Direction = 'low' | 'high';

export interface LabCriterion {
	term: string;
	direction: Direction;
	system: UnitSystem;
	/** The unit the criterion's numbers are in; null when it grades against the normal range or baseline only. */
	unit: string | null;
	/** NCI's text for grades 1–5 ("<LLN - 75,000/mm3; <LLN - 75.0 x 10e9 /L"). */
	texts: string[];
	comment: string | null;
	branches: Branch[];
}

export function compileCriteria(rows: readonly LabCriterionRow[], system: UnitSystem): LabCriterion[] {
	return rows.map((r) => ({
		term: r.TERM,
		direction: r.DIRECTION === 'L' ? 'low' : 'high',
		system,
		unit: r.UNIT_CHECK || null,
		texts: [r.GRADE_1, r.GRADE_2, r.GRADE_3, r.GRADE_4, r.GRADE_5],
		comment: r.COMMENT || null,
		// admiral's GRADE_CRITERIA_CODE: the not-gradable guards, then grade 4 down to 1; the first true branch wins.
		branches: [r.GRADE_NA_CODE, r.GRADE_4_CODE, r.GRADE_3_CODE, r.GRADE_2_CODE, r.GRADE_1_CODE].filter((c): c is string => Boolean(c)).flatMap(compileBranches)
	}));
}

export interface LabGrading {
	criteria: readonly LabCriterion[];
	/** LBTESTCD → the CTCAE term graded low and high. */
	mapping: Readonly<Record<string, { low?: string; high?: string }>>;
	units: UnitRules;
	/** The CTCAE terms whose grade the count alone defines (cytopenias): read as toxicities from labs. */
	countDefined: readonly string[];
}

/** The grading a study uses: the default mapping with the study's own choices over it (a null removes a direction). */
export function withStudyMapping(grading: LabGrading, own: Readonly<Record<string, { low?: string | null; high?: string | null }>> | undefined): LabGrading {
	if (!own || !Object.keys(own).length) return grading;
	const mapping: Record<string, { low?: string; high?: string }> = { ...grading.mapping };
	for (const [testcd, m] of Object.entries(own)) {
		const next = { ...(mapping[testcd.toUpperCase()] ?? {}) };
		for (const dir of ['low', 'high'] as const) {
			if (m[dir] === null) delete next[dir];
			else if (m[dir]) next[dir] = m[dir]!;
		}
		mapping[testcd.toUpperCase()] = next;
	}
	return { ...grading, mapping };
}

export interface TermGrade {
	term: string;
	/** CTCAE grade 0–4; null when it cannot be given (see `why`). */
	grade: number | null;
	why: string | null;
	system: UnitSystem | null;
	/** When the result was converted to the criteria's unit: how. */
	converted: string | null;
	/**
	 * When the grade (≥ 1) rests on admiral's assumption about a clinical part of the criteria, its words: Hyperuricemia
	 * ">ULN" is graded 3 "assuming with physiologic consequences". Null otherwise.
	 */
	assumption: string | null;
}

const MISSING_WORDS: Record<keyof GradeVars, string> = {
	AVAL: 'no numeric result',
	ANRLO: 'no lower limit of normal (LBSTNRLO)',
	ANRHI: 'no upper limit of normal (LBSTNRHI)',
	BASE: 'no baseline value',
	PCHG: 'no change from baseline (no baseline value)',
	BNRIND: 'no baseline range indicator'
};

export interface ResultValues {
	value: number | null;
	unit: string;
	low: number | null;
	high: number | null;
	base: number | null;
	/** The baseline's normal-range indicator (HIGH, LOW, NORMAL). */
	bnrind: string | null;
}

function criteriaFor(term: string, grading: LabGrading): LabCriterion[] {
	const t = term.toLowerCase();
	return grading.criteria.filter((c) => c.term.toLowerCase() === t);
}

/** The grade of one result for one term, with the criteria of its unit system. */
export function gradeTerm(term: string, testcd: string, r: ResultValues, grading: LabGrading): TermGrade {
	const candidates = criteriaFor(term, grading);
	const none = (why: string): TermGrade => ({ term, grade: null, why, system: null, converted: null, assumption: null });
	if (!candidates.length) return none(`CTCAE v5.0 gives no lab criteria for ${term}`);
	let chosen: LabCriterion | null = null;
	let factor = 1;
	let converted: string | null = null;
	const unitFree = candidates.find((c) => c.unit === null);
	if (unitFree) chosen = unitFree;
	else {
		if (!r.unit.trim()) return none(`no unit: ${term} is graded in ${[...new Set(candidates.map((c) => c.unit))].join(' or ')}`);
		// The unit's own system first (a US result is graded with the US criteria), then a known conversion.
		for (const c of candidates) if (canonicalUnit(c.unit, grading.units) === canonicalUnit(r.unit, grading.units)) { chosen = c; break; }
		if (!chosen)
			for (const c of candidates) {
				const f = unitFactor(testcd, r.unit, c.unit!, grading.units);
				if (f) {
					chosen = c;
					factor = f.factor;
					converted = `${r.unit} × ${f.factor} = ${c.unit}${f.source ? ` (${f.source})` : ''}`;
					break;
				}
			}
		if (!chosen) return none(`unit ${r.unit} is not one ${term} is graded in (${candidates.map((c) => `${c.unit} ${c.system}`).join(', ')})`);
	}
	const scale = (x: number | null) => (x === null ? null : x * factor);
	const AVAL = scale(r.value);
	const BASE = scale(r.base);
	const vars: GradeVars = {
		AVAL,
		ANRLO: scale(r.low),
		ANRHI: scale(r.high),
		BASE,
		PCHG: AVAL !== null && BASE !== null && BASE !== 0 ? ((AVAL - BASE) / BASE) * 100 : null,
		BNRIND: r.bnrind
	};
	for (const b of chosen.branches) {
		if (!b.when(vars)) continue;
		if (b.grade === null) return { term, grade: null, why: b.missing.map((m) => MISSING_WORDS[m]).join(', ') || 'not gradable', system: chosen.system, converted, assumption: null };
		// admiral's COMMENT says when a clinical part was assumed ("Take worst case and assume …"); other comments are notes.
		return { term, grade: b.grade, why: null, system: chosen.system, converted, assumption: b.grade > 0 && chosen.comment && /\bassume\b/i.test(chosen.comment) ? chosen.comment : null };
	}
	return { term, grade: 0, why: null, system: chosen.system, converted, assumption: null };
}

export interface GradedResult {
	result: SafetyResult;
	studyDay: number | null;
	/** The subject's baseline for this test (this row, or the one it is compared with). */
	isBaseline: boolean;
	/** After the first dose: counted in the worst post-baseline grade. */
	postBaseline: boolean;
	baseline: number | null;
	low: TermGrade | null;
	high: TermGrade | null;
}

/** The result was drawn on or before the first dose (same day without times counts as before). */
function onOrBeforeDay1(date: Dtc | null, day1: Dtc): boolean {
	if (!isCompleteDate(date)) return false;
	const d = dayNumber(date)!;
	const f = dayNumber(day1)!;
	if (d !== f) return d < f;
	return !(hasTime(date) && hasTime(day1)) || toInstant(date)! <= toInstant(day1)!;
}

/**
 * Grades every lab result of the study. `day1` gives each subject's first dose (null: never dosed, so nothing is
 * post-baseline). Results of a test the mapping does not grade are returned with no grades.
 */
export function gradeResults(results: readonly SafetyResult[], day1: ReadonlyMap<string, Dtc | null>, grading: LabGrading): GradedResult[] {
	const groups = new Map<string, SafetyResult[]>();
	for (const r of results) {
		const k = `${r.usubjid}\u0000${r.domain}\u0000${r.testcd}`;
		const list = groups.get(k);
		if (list) list.push(r);
		else groups.set(k, [r]);
	}
	const out: GradedResult[] = [];
	for (const list of groups.values()) {
		list.sort((a, b) => orderKey(a.date) - orderKey(b.date) || a.seq - b.seq);
		const first = day1.get(list[0]!.usubjid) ?? null;
		const flagged = list.filter((r) => r.baselineFlag && r.value !== null).at(-1);
		const base = flagged ?? (first ? list.filter((r) => r.value !== null && onOrBeforeDay1(r.date, first)).at(-1) : undefined) ?? null;
		const baseValue = base?.value ?? null;
		const bnrind = base ? base.nrind.trim().toUpperCase() || (base.low !== null && baseValue! < base.low ? 'LOW' : base.high !== null && baseValue! > base.high ? 'HIGH' : 'NORMAL') : null;
		const map = list[0]!.domain === 'LB' ? grading.mapping[list[0]!.testcd.toUpperCase()] : undefined;
		for (const r of list) {
			const values: ResultValues = { value: r.value, unit: r.unit, low: r.low, high: r.high, base: baseValue, bnrind };
			out.push({
				result: r,
				studyDay: first ? computeStudyDay(r.date, first) : null,
				isBaseline: r === base,
				postBaseline: Boolean(first && r !== base && isCompleteDate(r.date) && !onOrBeforeDay1(r.date, first)),
				baseline: baseValue,
				low: map?.low ? gradeTerm(map.low, r.testcd, values, grading) : null,
				high: map?.high ? gradeTerm(map.high, r.testcd, values, grading) : null
			});
		}
	}
	return out;
}
