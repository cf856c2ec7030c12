/**
 * The DoseWatch data model. Plain data only: these records are what IndexedDB stores, what a backup holds and
 * what the headless command reads. Dates are kept exactly as recorded (ISO 8601, possibly partial: "2012-02",
 * "2003", "2025-03-04T10:15"); see partial-date.ts for the maths on them.
 */

import type { DltRuleSet } from './dlt/rule-types';

/** ISO 8601 date or date-time as recorded, possibly partial. */
export type Dtc = string;

export type Grade = 1 | 2 | 3 | 4 | 5;

/** Attribution categories, weakest first. The order matters: rules compare by index. */
export const RELATEDNESS = ['not_related', 'unlikely', 'possible', 'probable', 'definite'] as const;
export type Relatedness = (typeof RELATEDNESS)[number];

export const RELATEDNESS_LABEL: Record<Relatedness, string> = {
	not_related: 'Not related',
	unlikely: 'Unlikely',
	possible: 'Possible',
	probable: 'Probable',
	definite: 'Definite'
};

export interface Drug {
	/** Short code used in per-drug columns and attribution, e.g. "BAT4706". */
	code: string;
	name: string;
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
	/** True for the synthetic demo studies, so the app can say plainly that they are not real data. */
	isDemo: boolean;
	createdAt: string;
}

export const SUBJECT_STATUSES = [
	'screening',
	'on_treatment',
	'completed',
	'discontinued',
	'screen_failure',
	'not_treated'
] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

export interface Subject {
	studyId: string;
	usubjid: string;
	/** Dose level actually received (DM.ACTARMCD), null for screen failures and untreated subjects. */
	doseLevel: string | null;
	site: string;
	sex: 'F' | 'M' | 'U' | '';
	age: number | null;
	/** Informed consent or enrolment date (DM.RFICDTC, else DM.RFSTDTC). */
	enrolled: Dtc | null;
	status: SubjectStatus;
	/** First exposure from a source without EX rows (ADaM ADSL.TRTSDTM); EX rows take precedence. */
	refStart: Dtc | null;
	/**
	 * When and why the subject left the study early (DS disposition event other than completion): a subject who
	 * leaves before the end of the DLT window without a DLT has not completed it and is not DLT-evaluable.
	 */
	discontinued?: { date: Dtc; reason: string } | null;
	/**
	 * A death recorded outside AE: DM.DTHDTC / DTHFL, or a DS disposition of death. `date` is null when only the
	 * flag says so. Deaths recorded in AE (grade 5, AESDTH, AEOUT = FATAL) are read from the AEs themselves.
	 */
	death?: { date: Dtc | null; source: string } | null;
	source?: SourceRef;
}

export interface DoseAdministration {
	studyId: string;
	usubjid: string;
	/** EXSEQ: unique within the subject. */
	seq: number;
	/** Drug code (EX.EXTRT mapped to a study drug). */
	drug: string;
	start: Dtc;
	end: Dtc | null;
	dose: number;
	unit: string;
	cycle: number | null;
	day: number | null;
	source?: SourceRef;
}

export interface GradeChange {
	grade: Grade;
	/** When the event reached this grade. */
	from: Dtc;
}

export interface AttributionRevision {
	drug: string;
	at: string;
	by: string;
	from: Relatedness | null;
	to: Relatedness | null;
	/** The wording as recorded, for imported values ("PROBABLE", "Y"). */
	recorded?: string;
	reason: string;
}

export const SERIOUS_CRITERIA = [
	{ code: 'AESDTH', label: 'Results in death' },
	{ code: 'AESLIFE', label: 'Life-threatening' },
	{ code: 'AESHOSP', label: 'Hospitalisation' },
	{ code: 'AESDISAB', label: 'Disability' },
	{ code: 'AESCONG', label: 'Congenital anomaly' },
	{ code: 'AESMIE', label: 'Other medically important' },
	// Retired in SDTMIG 3.2 but still present in older exports such as the CDISC pilot.
	{ code: 'AESCAN', label: 'Cancer' },
	{ code: 'AESOD', label: 'Overdose' }
] as const;
export type SeriousCriterion = (typeof SERIOUS_CRITERIA)[number]['code'];

export interface AdverseEvent {
	studyId: string;
	usubjid: string;
	aeseq: number;
	/** AETERM as the investigator wrote it. */
	verbatim: string;
	/** CTCAE v5.0 term (AEDECOD). */
	term: string;
	/** System organ class (AEBODSYS / AESOC). */
	soc: string;
	/** MedDRA preferred term and lowest level term codes (AEPTCD, AELLTCD), when the export has them. */
	ptCode?: string | null;
	lltCode?: string | null;
	/** Worst grade of the event (AETOXGR), null when not recorded. */
	grade: Grade | null;
	/** True when the grade was derived from AESEV rather than recorded as a CTCAE grade. */
	gradeDerived: boolean;
	/** Each grade the event reached, with the date it did, in time order. */
	gradeHistory: GradeChange[];
	start: Dtc | null;
	end: Dtc | null;
	serious: boolean | null;
	seriousCriteria: SeriousCriterion[];
	/** Current attribution to each study drug, keyed by drug code. */
	attribution: Record<string, Relatedness | null>;
	/** Every attribution ever recorded, oldest first. */
	attributionHistory: AttributionRevision[];
	action: string;
	outcome: string;
	/** Treatment given for the event (AECONTRT). */
	treated: boolean | null;
	notes: string;
	/** Incremented on every save, so concurrent edits can be detected. */
	rev: number;
	source?: SourceRef;
}

export interface SourceRef {
	file: string;
	row: number;
}

export type AuditEntity = 'study' | 'subject' | 'dose' | 'ae' | 'database' | 'adjudication' | 'rules' | 'meeting';
export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'restore' | 'clear' | 'adjudicate' | 'sign';

export interface AuditEntry {
	id?: number;
	at: string;
	who: string;
	studyId: string | null;
	entity: AuditEntity;
	/** Readable key of the record: "01-701-1015 AE 3". */
	key: string;
	action: AuditAction;
	before: unknown;
	after: unknown;
	reason: string;
}

/**
 * A committee decision on one DLT candidate. Append-only: a changed mind is a new record; the latest counts.
 * The engine's verdict at the time is kept beside it, with the rule set version it was made under.
 */
export interface Adjudication {
	id?: number;
	studyId: string;
	usubjid: string;
	aeseq: number;
	/** 'withdrawn' takes back an earlier decision, leaving the engine's verdict to count again. */
	decision: 'dlt' | 'not_dlt' | 'withdrawn';
	reason: string;
	by: string;
	at: string;
	engineVerdict: 'dlt' | 'not_dlt' | 'pending';
	engineRule: string | null;
	engineReason: string;
	ruleSet: { id: string; version: number };
}

/** What the committee decided for the next cohort. */
export type EscalationDecision =
	| { kind: 'next_cohort'; doseLevel: string }
	| { kind: 'stop'; mtd: string | null };

/** Everything a signed meeting shows, frozen at sign-off: later edits to the study never reach it. */
export interface MeetingSnapshot {
	takenAt: string;
	study: Study;
	subjects: Subject[];
	doses: DoseAdministration[];
	aes: AdverseEvent[];
	adjudications: Adjudication[];
	/** The DLT rule set in force (a preset or the study's own version), whole. */
	ruleSet: DltRuleSet;
	/** Each AE's effective verdict as shown when signed, `usubjid|aeseq` → verdict, to check a later reading against. */
	verdicts: Record<string, 'dlt' | 'not_dlt' | 'pending'>;
	/** The design's recommendation as shown when signed. */
	recommendation: EscalationDecision & { reason: string };
}

/**
 * A safety review meeting. A draft is edited freely; signing freezes it with a snapshot of the study's data.
 */
export interface Meeting {
	id?: number;
	/** DLT candidates the committee deferred to a later meeting, each with its reason (`usubjid|aeseq`). */
	deferrals?: { key: string; reason: string }[];
	studyId: string;
	/** YYYY-MM-DD the committee met. */
	date: string;
	/** The data cut-off the committee reviewed (YYYY-MM-DD): verdicts are as of this date. */
	cutoff: string;
	attendees: string[];
	/** Dose level codes under review. */
	doseLevels: string[];
	/** The committee's escalation decision; null until taken. */
	decision: EscalationDecision | null;
	/** Why the decision differs from the design's recommendation (required when it does). */
	decisionReason: string;
	minutes: string;
	createdBy: string;
	createdAt: string;
	signedBy: string | null;
	signedAt: string | null;
	snapshot: MeetingSnapshot | null;
	rev: number;
}
