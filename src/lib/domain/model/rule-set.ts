/**
 * A DLT definition as data: a versioned rule set, each rule holding the protocol's own sentence, the reading
 * DoseWatch takes of it, and the machine condition. The engine (evaluate-ae.ts) interprets these; it holds no
 * protocol-specific numbers of its own.
 */
import type { Relatedness } from './attribution';

/**
 * A named group of AE terms: by CTCAE/MedDRA term, system organ class, or words in the term. Terms and patterns
 * are compared in any case and in either spelling (MedDRA's British "haemorrhage", CTCAE's US "hemorrhage").
 */
export interface TermCategory {
	terms: string[];
	socs: string[];
	/** Case-insensitive words or fragments matched inside the term ("hemorrhage", "bleeding"). */
	patterns: string[];
	/** Terms a pattern would catch that are not in the category (Thrombotic thrombocytopenic purpura is no bleeding). */
	notTerms?: string[];
	reading: string;
}

/**
 * Where the haematological / non-haematological split must be explicit: an AE in one of these SOCs, or whose
 * term contains one of these fragments, that none of `categories` recognises is "not classified" and goes to
 * the committee, never silently into the non-haematological rule.
 */
export interface ClassificationCheck {
	socs: string[];
	patterns: string[];
	categories: string[];
	reading: string;
}

export interface TermSelector {
	/** The AE's term is in one of these categories… */
	categories?: string[];
	/** …or is one of these terms. */
	terms?: string[];
	/** "Everything else": the AE is in none of these categories. */
	notCategories?: string[];
	/** Never these (covered by a more specific rule). */
	excludeCategories?: string[];
}

/** The event does not count if it resolves within a time after supportive or symptomatic treatment. */
export interface ResolutionException {
	id: string;
	protocol: string;
	reading: string;
	selector: TermSelector;
	/** Treatment must be recorded (AECONTRT = Y) for the exception to apply. */
	requiresTreatment: boolean;
	/** Longest time from onset to relief (end of the event, or grade below the rule's minimum), in hours. */
	withinHours: number;
	/** Words for the limit in reasons: "3 days", "2 hours". */
	limitText: string;
}

export interface DltRule {
	id: string;
	label: string;
	protocol: string;
	reading: string;
	selector: TermSelector;
	grade: { min: number; max?: number };
	/** The event stays at or above `atLeastGrade` for at least `days` days (from the grade history). */
	duration?: { atLeastGrade: number; days: number };
	/** Another event of the same subject in this category overlaps in time (or the event itself is in it). */
	concurrent?: { category: string; label: string };
	exceptions?: ResolutionException[];
}

export interface DltRuleSet {
	id: string;
	version: number;
	title: string;
	/**
	 * 'protocol': `protocolText` and each rule's `protocol` quote a protocol. 'dosewatch': DoseWatch wrote them
	 * (a default for protocols that do not spell out their DLT rules); never shown as the protocol's words.
	 */
	origin?: 'protocol' | 'dosewatch';
	/** Where the definition comes from, and its full text. */
	source: string;
	protocolText: string;
	/** Rule sets saved before the window moved to the study carry one; the study's window is the one used. */
	window?: { startDay: number; endDay: number; protocol: string; reading: string };
	attribution: { minimum: Relatedness; protocol: string; reading: string };
	/** Common MedDRA synonyms mapped to their CTCAE term ("Neutropenia" → "Neutrophil count decreased"). */
	synonyms: Record<string, string>;
	/** MedDRA codes (AELLTCD or AEPTCD) → the CTCAE v5.0 term they code, from NCI's CTCAE v5.0 list. */
	codes?: Record<string, string>;
	categories: Record<string, TermCategory>;
	classification?: ClassificationCheck;
	rules: DltRule[];
	/**
	 * A study's own version: the first day 1 (YYYY-MM-DD) of the subjects it judges, as a protocol amendment takes
	 * effect for subjects dosed after it. Absent or null: from the study's start (a preset, or a correction).
	 */
	effectiveFrom?: string | null;
	/** The amendment this version comes from ("Amendment 2, 2026-09-14"), when it does. */
	amendment?: string;
	/** The key of the version this one replaced (`${id}@${version}` or a preset id): the study's chain of versions. */
	supersedes?: string;
}

export type AeVerdict = 'dlt' | 'not_dlt' | 'pending';
export type SubjectDltStatus = 'dlt' | 'no_dlt' | 'pending' | 'not_evaluable';
/** Where the study's escalation design stands at one dose level (from the same function as the Escalation tab). */
/** Where the design stands at a level; 'control' for a control or placebo arm, which the design does not count. */
export type LevelStanding = 'enrolling' | 'escalate' | 'expand' | 'stay' | 'de_escalate' | 'stop' | 'control';

/** A study's own edited DLT rule set, one row per version. */
export interface StoredRuleSet {
	/** `${id}@${version}` */
	key: string;
	studyId: string;
	ruleSet: DltRuleSet;
	savedBy: string;
	savedAt: string;
	reason: string;
}
