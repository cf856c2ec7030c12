/**
 * Protocol 001's safety outcomes per dose level: the subjects with abnormal vital signs, physical examination,
 * laboratory, ECG and echocardiography results after the first dose, each out of the subjects with such results,
 * or "no data" when the study has none of that kind. Pure.
 */
import type { GradedResult } from './grade-labs';
import { abnormalLabSubjects, worstGrades } from './summarize-labs';
import { abnormalVitals, qtcfCategories, qtcfReadings, type QtcfLimits, type VitalLimit } from './vitals-ecg';
import type { StudyLabs } from './study-labs';
import type { Dtc, OutcomeRow, SafetyResult, Subject } from '../types';

export type { OutcomeCell, OutcomeRow } from '../types';

export function safetyOutcomes(
	safety: readonly SafetyResult[],
	graded: readonly GradedResult[],
	day1: ReadonlyMap<string, Dtc | null>,
	levelOf: ReadonlyMap<string, string | null>,
	levels: readonly string[],
	limits: { vitals: readonly VitalLimit[]; qtcf: QtcfLimits }
): OutcomeRow[] {
	const countBy = (subjects: Iterable<string>) => {
		const c = new Map<string, number>();
		for (const u of subjects) {
			const l = levelOf.get(u);
			if (l) c.set(l, (c.get(l) ?? 0) + 1);
		}
		return c;
	};
	const withData = (domain: string) =>
		countBy(new Set(safety.filter((r) => r.domain === domain && r.value !== null && day1.get(r.usubjid) && r.date && r.date > day1.get(r.usubjid)!).map((r) => r.usubjid)));
	const row = (outcome: string, definition: string, of: Map<string, number> | null, abnormal: Map<string, number>): OutcomeRow => ({
		outcome,
		definition,
		cells: Object.fromEntries(levels.map((l) => [l, { of: of ? (of.get(l) ?? 0) : null, abnormal: abnormal.get(l) ?? 0 }]))
	});
	const hasVs = safety.some((r) => r.domain === 'VS');
	const hasEg = safety.some((r) => r.domain === 'EG');
	const labs = abnormalLabSubjects(worstGrades(graded), levelOf);
	const labOf = new Map([...labs].map(([l, c]) => [l, c.graded]));
	const labAbnormal = new Map([...labs].map(([l, c]) => [l, c.grade1]));
	const qtcf = hasEg ? qtcfCategories(qtcfReadings(safety), day1, limits.qtcf) : new Map();
	const ecgOf = countBy(qtcf.keys());
	const flagged = (flag: string) => countBy([...qtcf].filter(([, c]) => c.flags.includes(flag)).map(([u]) => u));
	return [
		row('Vital signs', limits.vitals.filter((v) => v.testcd !== 'HR').map((v) => v.words).join('; '), hasVs ? withData('VS') : null, countBy(abnormalVitals(safety, day1, limits.vitals).keys())),
		row('Physical examination', 'PE results are not read yet', null, new Map()),
		row('Laboratory', 'a CTCAE v5.0 grade ≥ 1 after the first dose', labs.size || graded.length ? labOf : null, labAbnormal),
		...(hasEg
			? [
					...limits.qtcf.above.map((a) => row(`ECG: QTcF > ${a} ms`, 'the highest QTcF after the first dose', ecgOf, flagged(`> ${a}`))),
					...limits.qtcf.increase.map((d) => row(`ECG: QTcF increase > ${d} ms`, 'from the mean of the last pre-dose date', ecgOf, flagged(`Δ > ${d}`)))
				]
			: [row('ECG', limits.qtcf.words, null, new Map())]),
		row('Echocardiography', 'echocardiography results are not read yet', null, new Map())
	];
}

/** The outcomes as of a date (results drawn after it are not known yet), from a study's graded labs and records. */
export function outcomesAsOf(
	labs: StudyLabs,
	safety: readonly SafetyResult[],
	subjects: readonly Subject[],
	levels: readonly string[],
	asOf: string,
	limits: { vitals: readonly VitalLimit[]; qtcf: QtcfLimits }
): OutcomeRow[] {
	if (!safety.length) return [];
	const known = (date: string | null) => !date || date.slice(0, 10) <= asOf;
	return safetyOutcomes(
		safety.filter((r) => known(r.date)),
		labs.graded.filter((g) => g.result.domain === 'LB' && known(g.result.date)),
		labs.day1,
		new Map(subjects.map((s) => [s.usubjid, s.doseLevel])),
		levels,
		limits
	);
}
