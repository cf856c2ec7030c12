/**
 * Preliminary anti-tumour activity of a study as of a date, assembled once for the Activity tab, the subject page,
 * the meeting pack and `dosewatch response`: each participant's best overall response (recist.ts), progression-free
 * survival and duration of response (time-to-event.ts), best change in the sum of diameters (tumour-size.ts) and
 * time on treatment; per dose level the rates with exact intervals and the Kaplan–Meier fits. Pure.
 */
import { deathsOf } from '../dlt/evaluate-study';
import { dayNumber } from '../partial-date';
import type { AdverseEvent, DoseAdministration, Dtc, SafetyResult, Subject } from '../types';
import { bestOverallResponse, DEFAULT_RESPONSE_SETTINGS, responseByLevel, selectAssessments, type ResponseLevelSummary, type ResponseSettings, type SubjectResponse } from './recist';
import { durationOfResponse, progressionFreeSurvival, timeToEventByLevel, type TimeToEvent, type TimeToEventByLevel } from './time-to-event';
import { bestPercentChange, sumsOfDiameters, type BestChange, type SumOfDiameters } from './tumour-size';

export interface ActivitySettings extends ResponseSettings {
	/** RSEVAL / TREVAL whose reads count: INVESTIGATOR by default. */
	evaluator: string;
}

export const DEFAULT_ACTIVITY_SETTINGS: ActivitySettings = { ...DEFAULT_RESPONSE_SETTINGS, evaluator: 'INVESTIGATOR' };

export interface SubjectActivity {
	usubjid: string;
	doseLevel: string | null;
	response: SubjectResponse;
	pfs: TimeToEvent | null;
	dor: TimeToEvent | null;
	/** Sums of diameters in date order (TR), and the best change from baseline. */
	sums: SumOfDiameters[];
	tumourChange: BestChange | null;
	/** Study days of the first and last dose above zero; null when never dosed. */
	treatment: { firstDay: number; lastDay: number; ongoing: boolean } | null;
}

export interface LevelActivity extends ResponseLevelSummary {
	pfs: TimeToEventByLevel['fit'] | null;
	dor: TimeToEventByLevel['fit'] | null;
}

export interface StudyActivity {
	settings: ActivitySettings;
	subjects: SubjectActivity[];
	levels: LevelActivity[];
}

export interface ActivityInput {
	subjects: readonly Subject[];
	doses: readonly DoseAdministration[];
	aes: readonly AdverseEvent[];
	/** RS and TR records (other domains are ignored). */
	records: readonly SafetyResult[];
	day1: ReadonlyMap<string, Dtc | null>;
	levels: readonly string[];
	asOf: string;
	settings?: ActivitySettings;
}

const byUsubjid = <T extends { usubjid: string }>(items: readonly T[]) => {
	const m = new Map<string, T[]>();
	for (const i of items) (m.get(i.usubjid) ?? m.set(i.usubjid, []).get(i.usubjid)!).push(i);
	return m;
};

/** Null when the study has no response assessment (RS) on or before the date. */
export function studyActivity(input: ActivityInput): StudyActivity | null {
	const settings = input.settings ?? DEFAULT_ACTIVITY_SETTINGS;
	const asOf = input.asOf.slice(0, 10);
	const known = (d: Dtc | null) => !d || d.slice(0, 10) <= asOf;
	const rs = input.records.filter((r) => r.domain === 'RS' && known(r.date));
	if (!rs.length) return null;
	const assessments = byUsubjid(
		selectAssessments(
			rs.map((r) => ({ usubjid: r.usubjid, testcd: r.testcd, response: r.text, evaluator: r.evaluator ?? '', accepted: r.accepted === true, date: r.date })),
			settings.evaluator
		)
	);
	const sums = sumsOfDiameters(
		input.records
			.filter((r) => r.domain === 'TR' && known(r.date))
			.map((r) => ({ usubjid: r.usubjid, testcd: r.testcd, group: r.group ?? '', value: r.value, date: r.date, visit: r.visit, evaluator: r.evaluator ?? '', accepted: r.accepted === true })),
		settings.evaluator
	);
	const aesOf = byUsubjid(input.aes);
	const dosesOf = byUsubjid(input.doses.filter((d) => d.dose > 0 && known(d.start)));
	const subjects: SubjectActivity[] = [];
	for (const s of input.subjects) {
		const list = assessments.get(s.usubjid);
		if (!list) continue;
		const day1 = input.day1.get(s.usubjid) ?? null;
		const response = bestOverallResponse(list, s.usubjid, day1, settings);
		const deaths = deathsOf(s, aesOf.get(s.usubjid) ?? []).filter((d) => known(d.date));
		const series = sums.get(s.usubjid) ?? [];
		const ref = day1 ? dayNumber(day1) : null;
		const doseDays = (dosesOf.get(s.usubjid) ?? []).flatMap((d) => [dayNumber(d.start), dayNumber(d.end ?? d.start)]).filter((d): d is number => d !== null);
		subjects.push({
			usubjid: s.usubjid,
			doseLevel: s.doseLevel,
			response,
			pfs: progressionFreeSurvival(response, day1, deaths),
			dor: durationOfResponse(response, deaths),
			sums: series,
			tumourChange: bestPercentChange(s.usubjid, series, day1),
			treatment:
				ref !== null && doseDays.length
					? { firstDay: 1, lastDay: Math.max(...doseDays) - ref + 1, ongoing: s.status === 'on_treatment' && !s.discontinued && !deaths.length }
					: null
		});
	}
	const levelOf = new Map(subjects.map((s) => [s.usubjid, s.doseLevel]));
	const pfs = timeToEventByLevel(subjects.flatMap((s) => (s.pfs ? [s.pfs] : [])), levelOf, input.levels);
	const dor = timeToEventByLevel(subjects.flatMap((s) => (s.dor ? [s.dor] : [])), levelOf, input.levels);
	const levels = responseByLevel(
		subjects.map((s) => ({ usubjid: s.usubjid, bor: s.response.bor })),
		levelOf,
		input.levels
	).map((l) => ({ ...l, pfs: pfs.find((p) => p.doseLevel === l.doseLevel)?.fit ?? null, dor: dor.find((p) => p.doseLevel === l.doseLevel)?.fit ?? null }));
	return { settings, subjects, levels };
}
