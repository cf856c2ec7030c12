/**
 * The benefit–risk view per dose level that the committee decides expansion on (issue 17, the meeting pack): DLTs,
 * the worst post-baseline CTCAE lab grade, anti-drug antibodies and best overall responses side by side, each from
 * the reading the app shows elsewhere (the DLT evaluation, the graded labs, protocol 000's ADA rule, RECIST 1.1).
 * Pure: the caller passes everything as of the cut-off.
 */
import type { DoseLevelEvaluation } from './dlt/evaluate-study';
import { studyAda, type AdaSubject } from './immunogenicity/ada';
import type { GradedResult } from './labs/grade-labs';
import type { StudyLabs } from './labs/study-labs';
import { DEFAULT_ACTIVITY_SETTINGS, studyActivity, type StudyActivity } from './response/activity';
import type { AdverseEvent, BenefitRiskRow, DoseAdministration, SafetyResult, Study, Subject } from './types';

export type { BenefitRiskParticipant, BenefitRiskRow } from './types';

export interface BenefitRiskInput {
	levels: readonly DoseLevelEvaluation[];
	subjects: readonly { usubjid: string; doseLevel: string | null }[];
	/** Each participant's DLT status (the DLT evaluation). */
	dltStatus?: ReadonlyMap<string, string>;
	graded: readonly GradedResult[];
	asOf: string;
	ada: readonly AdaSubject[] | null;
	activity: StudyActivity | null;
}

export function benefitRiskByLevel(input: BenefitRiskInput): BenefitRiskRow[] {
	const asOf = input.asOf.slice(0, 10);
	const levelOf = new Map(input.subjects.map((s) => [s.usubjid, s.doseLevel]));
	// Each participant's worst post-baseline grade to the cut-off, and the terms graded 3 or worse.
	const worst = new Map<string, { grade: number; terms: Set<string> }>();
	for (const g of input.graded) {
		if (!g.postBaseline || g.result.domain !== 'LB' || (g.result.date && g.result.date.slice(0, 10) > asOf)) continue;
		for (const t of [g.low, g.high]) {
			if (!t || t.grade === null) continue;
			const w = worst.get(g.result.usubjid) ?? { grade: 0, terms: new Set<string>() };
			w.grade = Math.max(w.grade, t.grade);
			if (t.grade >= 3) w.terms.add(t.term);
			worst.set(g.result.usubjid, w);
		}
	}
	return input.levels.map((l) => {
		const at = (u: string) => levelOf.get(u) === l.doseLevel;
		const labs = [...worst].filter(([u]) => at(u)).map(([, w]) => w);
		const ada = input.ada?.filter((a) => at(a.usubjid) && a.adaStatus !== 'not_evaluable');
		const response = input.activity?.levels.find((r) => r.doseLevel === l.doseLevel);
		return {
			doseLevel: l.doseLevel,
			dlt: { dlts: l.dlts, evaluable: l.evaluable, pending: l.pending },
			labs: {
				graded: labs.length,
				grade3OrWorse: labs.filter((w) => w.grade >= 3).length,
				grade4: labs.filter((w) => w.grade >= 4).length,
				terms: [...new Set(labs.flatMap((w) => [...w.terms]))].sort()
			},
			ada: ada ? { evaluable: ada.length, positive: ada.filter((a) => a.adaStatus === 'positive').length } : null,
			response: input.activity
				? response
					? { assessed: response.n, bor: response.bor, orr: response.orr, orrCi95: response.orrCi95, medianPfsDays: response.pfs?.median ?? null, pfsEvents: response.pfs?.events ?? 0 }
					: { assessed: 0, bor: { CR: 0, PR: 0, SD: 0, 'NON-CR/NON-PD': 0, PD: 0, NE: 0 }, orr: null, orrCi95: null, medianPfsDays: null, pfsEvents: 0 }
				: null,
			participants: input.subjects
				.filter((s) => at(s.usubjid) && (input.dltStatus?.has(s.usubjid) ?? true))
				.map((s) => {
					const w = worst.get(s.usubjid);
					const act = input.activity?.subjects.find((x) => x.usubjid === s.usubjid);
					return {
						usubjid: s.usubjid,
						dlt: input.dltStatus?.get(s.usubjid) ?? 'not_evaluable',
						worstLab: w ? { grade: w.grade, terms: [...w.terms].sort() } : null,
						ada: input.ada?.find((a) => a.usubjid === s.usubjid)?.adaStatus ?? null,
						bor: act ? { confirmed: act.response.bor, unconfirmed: act.response.borUnconfirmed } : null,
						tumourChange: act?.tumourChange?.change ?? null
					};
				})
				.sort((a, b) => a.usubjid.localeCompare(b.usubjid))
		};
	});
}

/** The rows for a study as of a cut-off, by the study's own ADA cut-point and response settings (the pack, and what signing freezes). */
export function studyBenefitRisk(a: {
	study: Study;
	subjects: readonly Subject[];
	doses: readonly DoseAdministration[];
	aes: readonly AdverseEvent[];
	safety: readonly SafetyResult[];
	labs: StudyLabs;
	evaluation: { doseLevels: readonly DoseLevelEvaluation[]; subjects: readonly { subject: { usubjid: string }; status: string }[] };
	asOf: string;
}): BenefitRiskRow[] {
	const activity = studyActivity({
		subjects: a.subjects,
		doses: a.doses,
		aes: a.aes,
		records: a.safety,
		day1: a.labs.day1,
		levels: a.study.doseLevels.map((l) => l.code),
		asOf: a.asOf,
		settings: a.study.responseSettings ?? DEFAULT_ACTIVITY_SETTINGS
	});
	const ada = studyAda(a.safety, a.labs.day1, a.study.adaCutPoint?.value ?? null, a.asOf);
	return benefitRiskByLevel({
		levels: a.evaluation.doseLevels,
		subjects: a.subjects,
		dltStatus: new Map(a.evaluation.subjects.map((e) => [e.subject.usubjid, e.status])),
		graded: a.labs.graded,
		asOf: a.asOf,
		ada: ada?.subjects ?? null,
		activity
	});
}
