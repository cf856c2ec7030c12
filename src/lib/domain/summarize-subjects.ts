/** One line per subject for the overview: day 1, doses, AEs, worst grade. Pure. */
import { computeFirstExposure, computeLastExposure } from './first-exposure';
import { compareNatural } from './natural-order';
import type { AdverseEvent, DoseAdministration, Dtc, Grade, Subject } from './types';

export interface SubjectSummary {
	subject: Subject;
	firstDose: Dtc | null;
	lastDose: Dtc | null;
	doses: number;
	aes: number;
	worstGrade: Grade | null;
	serious: number;
}

export function summarizeSubjects(
	subjects: readonly Subject[],
	doses: readonly DoseAdministration[],
	aes: readonly AdverseEvent[]
): SubjectSummary[] {
	const d = groupBy(doses, (x) => x.usubjid);
	const a = groupBy(aes, (x) => x.usubjid);
	return [...subjects]
		.sort((x, y) => compareNatural(x.usubjid, y.usubjid))
		.map((subject) => {
			const sd = d.get(subject.usubjid) ?? [];
			const sa = a.get(subject.usubjid) ?? [];
			const grades = sa.map((e) => e.grade ?? 0);
			const worst = grades.length ? Math.max(...grades) : 0;
			return {
				subject,
				firstDose: computeFirstExposure(subject, sd),
				lastDose: computeLastExposure(sd),
				doses: sd.length,
				aes: sa.length,
				worstGrade: worst > 0 ? (worst as Grade) : null,
				serious: sa.filter((e) => e.serious).length
			};
		});
}

/** Subjects grouped by dose level in the study's escalation order; subjects at no level come last. */
export function groupByDoseLevel<T extends { subject: Subject }>(
	rows: readonly T[],
	levelOrder: readonly string[]
): { level: string | null; rows: T[] }[] {
	const groups = new Map<string | null, T[]>(levelOrder.map((l) => [l, []]));
	for (const r of rows) {
		const key = r.subject.doseLevel;
		if (!groups.has(key)) groups.set(key, []);
		groups.get(key)!.push(r);
	}
	return [...groups.entries()]
		.map(([level, rs]) => ({ level, rows: rs }))
		.sort((x, y) => {
			if (x.level === null) return 1;
			if (y.level === null) return -1;
			const ix = levelOrder.indexOf(x.level);
			const iy = levelOrder.indexOf(y.level);
			return (ix < 0 ? 1e9 : ix) - (iy < 0 ? 1e9 : iy) || compareNatural(x.level, y.level);
		});
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
	const m = new Map<string, T[]>();
	for (const it of items) {
		const k = key(it);
		const list = m.get(k);
		if (list) list.push(it);
		else m.set(k, [it]);
	}
	return m;
}
