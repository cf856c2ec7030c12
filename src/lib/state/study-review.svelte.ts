/**
 * One open study under review: one live query of its records, one as-of date (the URL's `?asOf`, else the
 * study's cut-off, else its last recorded date), and the evaluation, recommendation, verdicts and what is new
 * since the last signed review, each derived once. Created by the study layout and shared with every tab through
 * context, so switching tabs re-reads and re-evaluates nothing, and every tab reads the study as of one date.
 */
import { createContext } from 'svelte';
import type { DoseWatchDatabase } from '$lib/db/database';
import { loadReviewData, type ReviewData } from '$lib/db/meeting-queries';
import { computeAsOf } from '$lib/domain/compute-as-of';
import type { Adjudication } from '$lib/domain/types';
import { computeCommitteeDecisions, orphanedDecisions } from '$lib/domain/dlt/compute-committee-decisions';
import { evaluateStudy, type StudyEvaluation } from '$lib/domain/dlt/evaluate-study';
import { computeStudyRecommendation, type StudyRecommendation } from '$lib/domain/escalation/compute-study-recommendation';
import { outcomesAsOf, type OutcomeRow } from '$lib/domain/labs/safety-outcomes';
import { studyAda, type AdaSubject } from '$lib/domain/immunogenicity/ada';
import { benefitRiskByLevel, type BenefitRiskRow } from '$lib/domain/benefit-risk';
import { DEFAULT_ACTIVITY_SETTINGS, studyActivity, type StudyActivity } from '$lib/domain/response/activity';
import { safetyLimitsOf } from '$lib/presets/lab-grading';
import { computeSinceLastReview, decidableEvents, verdictMap, type MeetingData, type SinceLastReview } from '$lib/domain/meeting';
import type { ReviewVerdict } from '$lib/domain/review-changes';
import { buildAeRows, type AeRow } from '$lib/domain/ae-listing';
import { groupByDoseLevel, summarizeSubjects, type SubjectSummary } from '$lib/domain/summarize-subjects';
import { useLiveQuery, type LiveState } from './live-query.svelte';
import { takeFirstRead } from './first-read';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface StudyReviewSource {
	db: DoseWatchDatabase;
	studyId: () => string;
	/** The URL's `asOf` parameter, when there is one. */
	asOfParam: () => string | null;
	/** Today (YYYY-MM-DD), for a study with no data yet. */
	today: () => string;
}

export class StudyReview {
	readonly #source: StudyReviewSource;
	readonly #records: LiveState<ReviewData | null>;

	constructor(source: StudyReviewSource) {
		this.#source = source;
		this.#records = useLiveQuery(
			() => loadReviewData(source.db, source.studyId()),
			() => source.studyId(),
			() => takeFirstRead<ReviewData | null>(source.studyId())
		);
	}

	get studyId(): string {
		return this.#source.studyId();
	}
	/** True once the first read has answered (the study may still be missing). */
	get loaded(): boolean {
		return this.#records.loaded;
	}
	/** The study's records, with its rule set when known; null while loading or when there is no such study. */
	get data() {
		return this.#records.current?.data ?? null;
	}
	/** The study record; null while loading or when there is no such study. */
	get study() {
		return this.#records.current?.study ?? null;
	}
	/** The study exists but names a DLT rule set not known here. */
	get ruleSetMissing(): boolean {
		return Boolean(this.#records.current && !this.#records.current.live);
	}
	/** The study's records with its rule set; null while loading, for a missing study, or an unknown rule set. */
	get live(): MeetingData | null {
		return this.#records.current?.live ?? null;
	}
	/** The study's lab results graded to CTCAE v5.0, with the toxicity episodes read from its counts; null while loading. */
	get labs() {
		return this.#records.current?.labs ?? null;
	}
	get meetings() {
		return this.#records.current?.meetings ?? [];
	}

	/**
	 * Each AE with its subject's dose level, study day, TEAE and DLT-window flags: built once per read and shared by
	 * the overview's heatmap, the swimmer, the AE listing and the attribution tab, so a tab switch rebuilds nothing.
	 */
	readonly aeRows: AeRow[] = $derived.by(() => {
		const d = this.data;
		return d ? buildAeRows(d.subjects, d.doses, d.aes, d.study.teaeWindowDays, d.study.dltWindow) : [];
	});
	/** One summary line per subject (day 1, doses, AEs, worst grade), grouped by dose level in escalation order. */
	readonly subjectsByLevel: { level: string | null; rows: SubjectSummary[] }[] = $derived.by(() => {
		const d = this.data;
		return d ? groupByDoseLevel(summarizeSubjects(d.subjects, d.doses, d.aes), d.study.doseLevels.map((l) => l.code)) : [];
	});

	/** The as-of a tab shows when the URL names none: the cut-off, else the last recorded date, else today. */
	readonly defaultAsOf = $derived.by(() => {
		const data = this.data;
		return data ? computeAsOf(data.study, data.doses, data.aes, this.#source.today()) : { asOf: this.#source.today(), source: 'today' as const };
	});
	/** The one date every tab reads the study as of. */
	readonly asOf: string = $derived.by(() => {
		const p = this.#source.asOfParam();
		return p && ISO_DAY.test(p) ? p : this.defaultAsOf.asOf;
	});
	/** True when the URL chose the date. */
	readonly asOfChosen: boolean = $derived.by(() => Boolean(this.#source.asOfParam()) && this.asOf !== this.defaultAsOf.asOf);

	readonly evaluation: StudyEvaluation | null = $derived.by(() => {
		const live = this.live;
		return live ? evaluateStudy({ ...live, asOf: this.asOf, decisions: computeCommitteeDecisions(live.adjudications, decidableEvents(live)) }) : null;
	});
	/** Committee decisions whose event is no longer in the data (a re-import removed it, or it was deleted). */
	readonly orphanedDecisions: Adjudication[] = $derived.by(() => (this.live ? orphanedDecisions(this.live.adjudications, decidableEvents(this.live)) : []));
	readonly recommendation: StudyRecommendation | null = $derived.by(() => (this.live && this.evaluation ? computeStudyRecommendation(this.live.study, this.evaluation) : null));
	/** Each AE's effective verdict, `usubjid|aeseq`. */
	readonly verdicts: ReadonlyMap<string, ReviewVerdict> | null = $derived.by(() => (this.evaluation ? verdictMap(this.evaluation) : null));
	readonly sinceLastReview: SinceLastReview | null = $derived.by(() =>
		this.live && this.verdicts ? computeSinceLastReview(this.live.aes, this.verdicts, this.meetings) : null
	);

	/** Protocol 001's safety outcomes per dose level (vital signs, examination, labs, ECG, echo) as of the date. */
	readonly safetyOutcomes: OutcomeRow[] = $derived.by(() => {
		const data = this.data;
		const labs = this.labs;
		return data && labs ? outcomesAsOf(labs, data.safety, data.subjects, data.study.doseLevels.map((l) => l.code), this.asOf, safetyLimitsOf(data.study)) : [];
	});

	/** Anti-drug antibodies (binding ADA, else the first IS test) by protocol 000's rule, as of the date; null without IS. */
	readonly ada: { testcd: string; subjects: AdaSubject[] } | null = $derived.by(() => {
		const data = this.data;
		const labs = this.labs;
		return data && labs ? studyAda(data.safety, labs.day1, data.study.adaCutPoint?.value ?? null, this.asOf) : null;
	});

	/** Preliminary anti-tumour activity (RECIST 1.1 by the study's response settings) as of the date; null without RS. */
	readonly activity: StudyActivity | null = $derived.by(() => {
		const data = this.data;
		const labs = this.labs;
		if (!data || !labs) return null;
		return studyActivity({
			subjects: data.subjects,
			doses: data.doses,
			aes: data.aes,
			records: data.safety,
			day1: labs.day1,
			levels: data.study.doseLevels.map((l) => l.code),
			asOf: this.asOf,
			settings: data.study.responseSettings ?? DEFAULT_ACTIVITY_SETTINGS
		});
	});

	/** DLTs, worst lab grades, ADA and best responses per dose level as of the date (the pack's benefit–risk page). */
	readonly benefitRisk: BenefitRiskRow[] = $derived.by(() => {
		const data = this.data;
		const labs = this.labs;
		const evaluation = this.evaluation;
		if (!data || !labs || !evaluation) return [];
		return benefitRiskByLevel({
			levels: evaluation.doseLevels,
			subjects: data.subjects,
			dltStatus: new Map(evaluation.subjects.map((e) => [e.subject.usubjid, e.status])),
			graded: labs.graded,
			asOf: this.asOf,
			ada: this.ada?.subjects ?? null,
			activity: this.activity
		});
	});

	/** The `?asOf=` to carry on a link to another tab, so the date stays as the reviewer chose it. */
	get asOfQuery(): string {
		const p = this.#source.asOfParam();
		return p && ISO_DAY.test(p) ? `?asOf=${p}` : '';
	}
}

const [getStudyReviewContext, setStudyReviewContext] = createContext<StudyReview>();

/** The open study's review state, set by the study layout. */
export const getStudyReview = getStudyReviewContext;
export const setStudyReview = setStudyReviewContext;
