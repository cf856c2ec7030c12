/**
 * A study's DLT rules over time. A protocol amendment saves a new version of the rule set with the date it takes
 * effect; a correction saves one effective from the same date as the version it corrects (or from the study's
 * start). Which version judges a subject is decided by the subject's day 1 (the first dose): a subject keeps the
 * rules in force on the day they were first dosed, as an amendment applies to subjects dosed after it takes
 * effect. Pure: the versions come in, newest first, as the study's chain of `supersedes` links gives them.
 */
import type { DltRuleSet } from './rule-types';

/** Which rule set version a verdict used, as evaluations, adjudications and reports name it. */
export interface RuleSetRef {
	id: string;
	version: number;
	/** First day (YYYY-MM-DD) of the subjects' day 1 this version judges; null: from the study's start. */
	effectiveFrom: string | null;
	/** The amendment's name, when the version comes from one. */
	amendment: string | null;
}

/** One stretch of the timeline: subjects first dosed on or after `from` and before `to` are judged by `ruleSet`. */
export interface RuleSetPeriod {
	ruleSet: DltRuleSet;
	/** Inclusive; null: from the study's start. */
	from: string | null;
	/** Exclusive; null: still in force. */
	to: string | null;
}

export function ruleSetRef(set: DltRuleSet): RuleSetRef {
	return { id: set.id, version: set.version, effectiveFrom: set.effectiveFrom ?? null, amendment: set.amendment ?? null };
}

/** "bat4706-bat1308 v3 (Amendment 2, subjects first dosed from 2026-10-01)" */
export function describeRuleSetRef(r: RuleSetRef): string {
	const parts = [r.amendment, r.effectiveFrom ? `subjects first dosed from ${r.effectiveFrom}` : null].filter(Boolean);
	return `${r.id} v${r.version}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/**
 * The periods the versions cover, oldest first. `versions` is newest first. A newer version takes over from its
 * effective date onwards, so an older version keeps only the days before it; one whose days are all taken is
 * superseded whole and has no period. The oldest version still in the timeline covers everything before the
 * first effective date (a subject is never left without rules).
 */
export function ruleSetTimeline(versions: readonly DltRuleSet[]): RuleSetPeriod[] {
	const periods: RuleSetPeriod[] = [];
	let bound: string | null = null;
	let first = true;
	for (const set of versions) {
		const from = set.effectiveFrom ?? null;
		if (first || from === null || (bound !== null && from < bound)) {
			periods.push({ ruleSet: set, from, to: bound });
			first = false;
			bound = from;
			if (from === null) break;
		}
	}
	if (periods.length) periods[periods.length - 1]!.from = null;
	return periods.reverse();
}

/**
 * The version that judges a subject first dosed on `day1` (YYYY-MM-DD; a partial date is compared by its first
 * possible day). Without a day 1 (never dosed), the version in force at `fallback` (the data cut-off).
 */
export function ruleSetFor(timeline: readonly RuleSetPeriod[], day1: string | null, fallback: string): DltRuleSet {
	const given = (day1 ?? fallback).slice(0, 10);
	const day = given.length === 4 ? `${given}-01-01` : given.length === 7 ? `${given}-01` : given;
	for (let i = timeline.length - 1; i >= 0; i--) {
		const p = timeline[i]!;
		if (p.from === null || p.from <= day) return p.ruleSet;
	}
	return timeline[0]!.ruleSet;
}
