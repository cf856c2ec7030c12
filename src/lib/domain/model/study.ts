/** A study: its drugs, dose levels, schedule, DLT window, escalation design and rule set. */

export interface Drug {
	/** Short code used in per-drug columns and attribution, e.g. "BAT4706". */
	code: string;
	name: string;
	/** A placebo: its administrations are recorded (they start a subject's day 1), but it is not a drug and no AE is attributed to it. */
	placebo?: boolean;
}

export interface DrugDose {
	drug: string;
	amount: number;
	/** "mg/kg", "mg", "cells" … */
	unit: string;
}

export interface DoseLevel {
	/** The arm code that DM.ACTARMCD carries, e.g. "DL1". */
	code: string;
	label: string;
	doses: DrugDose[];
	/**
	 * A control or placebo arm: its subjects are evaluated and shown, but it is not a level of the escalation, so
	 * the design never counts it, recommends it or names it the MTD.
	 */
	control?: boolean;
}

/** The drugs an AE can be attributed to: every study drug but a placebo. */
export function attributedDrugs(study: { drugs: readonly Drug[] }): Drug[] {
	return study.drugs.filter((d) => !d.placebo);
}

/** The dose levels of the escalation, in its order: every level but a control arm. */
export function escalationLevels(study: { doseLevels: readonly DoseLevel[] }): DoseLevel[] {
	return study.doseLevels.filter((l) => !l.control);
}

export interface SchedulePhase {
	/** Cycles this phase covers, inclusive; `toCycle` null means "until stopped". */
	fromCycle: number;
	toCycle: number | null;
	/** Drug codes given in this phase. */
	drugs: string[];
	/** Days within the cycle on which these drugs are given. */
	dosingDays: number[];
}

export interface Schedule {
	cycleLengthDays: number;
	/** Days within a cycle on which a dose is given, e.g. [1] every 3 weeks, [1, 8, 15] weekly. */
	dosingDays: number[];
	maxCycles: number | null;
	phases: SchedulePhase[];
	/** The protocol's own words on the schedule. */
	description: string;
}

/**
 * The DLT window: the one home of this fact. Verdicts, filters, charts and the meeting pack all read it from the
 * study. `protocol` quotes the protocol's own words; null when the protocol gives no window, in which case the
 * window is DoseWatch's assumption until a person confirms it (`confirmed`, audited).
 */
export interface DltWindow {
	cycle: number;
	startDay: number;
	endDay: number;
	/** The protocol's words for the window; null (or absent in data written before) when it gives none. */
	protocol?: string | null;
	/** How DoseWatch reads those words, or why it assumes the window. */
	reading?: string;
	/** Who confirmed an assumed window, when and why. */
	confirmed?: { by: string; at: string; reason: string } | null;
}

export type EscalationDesign =
	| { kind: '3+3'; deescalation: boolean }
	| { kind: 'boin'; target: number; elimination: boolean; stopWhenDeescalationImpossible: boolean };

export interface Study {
	id: string;
	title: string;
	protocolRef: string;
	/** STUDYID of the files imported into this study (DM.STUDYID); a re-import of another study's files is refused. */
	sdtmStudyId?: string | null;
	/** The preset this study was created from, if any. */
	presetId: string | null;
	drugs: Drug[];
	/** In escalation order, lowest first. */
	doseLevels: DoseLevel[];
	schedule: Schedule;
	dltWindow: DltWindow;
	design: EscalationDesign;
	/** Id of the DLT rule set (a preset file in src/lib/presets/dlt-rules). */
	dltRuleSet: string;
	/**
	 * Days after the last dose within which an AE is still treatment-emergent; null means "through study
	 * completion" (protocol 001: any AE after the subject receives the investigational drug).
	 */
	teaeWindowDays: number | null;
	/** The data cut-off the team reviews against (YYYY-MM-DD); null means today. */
	dataCutoff: string | null;
	/**
	 * The study's own choice of the CTCAE term graded for a lab test in each direction, over DoseWatch's default
	 * mapping (presets/lab-grading/test-mapping.json); null: that direction is not graded. Absent: the default.
	 */
	labMapping?: Record<string, { low?: string | null; high?: string | null }>;
	/**
	 * The study's own limits for an abnormal vital sign and its QTcF categories, over DoseWatch's defaults
	 * (presets/lab-grading/vital-ecg-limits.json). Absent: the defaults.
	 */
	/**
	 * The anti-drug antibody cut-point: a sample's level above it is positive (protocol 000: the upper 95%
	 * confidence bound of the mean of healthy untreated individuals). Absent: levels are indeterminate.
	 */
	adaCutPoint?: { value: number; source: string } | null;
	/**
	 * Best overall response by RECIST 1.1: whose reads count (RSEVAL, INVESTIGATOR by default), the days a CR or PR
	 * needs before its confirming assessment (28) and the days after day 1 an SD needs (42). Absent: those defaults.
	 */
	responseSettings?: { evaluator: string; confirmMinDays: number; sdMinDays: number; maxNeBetween: number };
	safetyLimits?: {
		vitals: { testcd: string; label: string; unit: string; high?: number; low?: number; words: string }[];
		qtcf: { above: number[]; increase: number[]; words: string };
	};
	/** True for the synthetic demo studies, so the app can say plainly that they are not real data. */
	isDemo: boolean;
	createdAt: string;
}
