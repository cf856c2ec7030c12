/**
 * Duration of response and progression-free survival from the best overall response (recist.ts), with
 * admiralonco's conventions: time in days counting the start day as 1; the event is the first PD or death,
 * whichever comes first; without one, the observation is censored at the last adequate assessment (not NE), and
 * PFS without any adequate assessment at day 1. A death with a partial date counts from its earliest possible
 * day, never before the start. Deaths are passed in already cut at the review date. Pure.
 */
import { dayRange, isoOfDay } from '../partial-date';
import type { Dtc } from '../types';
import { kaplanMeier, type KaplanMeierFit } from '../stats/kaplan-meier';
import { assessmentDay, type SubjectResponse } from './recist';

export interface TimeToEvent {
	usubjid: string;
	/** Days from the start, the start counting as 1. */
	time: number;
	event: boolean;
	start: string;
	end: string;
	/** "PD on 2026-05-04", "death (DM DTHDTC) on …", "censored at the last adequate assessment (SD) on …". */
	reason: string;
}

function firstDeath(deaths: readonly { date: Dtc | null; source: string }[], notBefore: number): { day: number; source: string } | null {
	let first: { day: number; source: string } | null = null;
	for (const d of deaths) {
		const range = dayRange(d.date);
		if (!range) continue;
		const day = Math.max(range[0], notBefore);
		if (!first || day < first.day) first = { day, source: d.source };
	}
	return first;
}

function observe(usubjid: string, start: number, r: SubjectResponse, deaths: readonly { date: Dtc | null; source: string }[], censorAtStart: boolean): TimeToEvent | null {
	const death = firstDeath(deaths, start);
	const pd = r.progression && r.progression.day >= start ? r.progression : null;
	const base = { usubjid, start: isoOfDay(start) };
	if (pd && (!death || pd.day <= death.day)) return { ...base, time: pd.day - start + 1, event: true, end: pd.date, reason: `PD on ${pd.date}` };
	if (death) return { ...base, time: death.day - start + 1, event: true, end: isoOfDay(death.day), reason: `death (${death.source}) on ${isoOfDay(death.day)}` };
	const last = r.lastAdequate && r.lastAdequate.day >= start ? r.lastAdequate : null;
	if (last) return { ...base, time: last.day - start + 1, event: false, end: last.date, reason: `censored at the last adequate assessment (${last.response}) on ${last.date}` };
	return censorAtStart ? { ...base, time: 1, event: false, end: isoOfDay(start), reason: 'censored at day 1: no adequate assessment' } : null;
}

/** Progression-free survival from day 1 (the first dose); null without a day 1. */
export function progressionFreeSurvival(r: SubjectResponse, day1: Dtc | null, deaths: readonly { date: Dtc | null; source: string }[]): TimeToEvent | null {
	const start = day1 ? assessmentDay(day1.slice(0, 10)) : null;
	return start === null ? null : observe(r.usubjid, start, r, deaths, true);
}

/** Duration of response from the first CR or PR that is confirmed; null for a participant without a confirmed response. */
export function durationOfResponse(r: SubjectResponse, deaths: readonly { date: Dtc | null; source: string }[]): TimeToEvent | null {
	return r.responseStart ? observe(r.usubjid, r.responseStart.day, r, deaths, false) : null;
}

export interface TimeToEventByLevel {
	doseLevel: string;
	fit: KaplanMeierFit;
}

/** Kaplan–Meier per dose level, for the levels with at least one observation. */
export function timeToEventByLevel(items: readonly TimeToEvent[], levelOf: ReadonlyMap<string, string | null>, levels: readonly string[]): TimeToEventByLevel[] {
	return levels
		.map((doseLevel) => ({ doseLevel, fit: kaplanMeier(items.filter((i) => levelOf.get(i.usubjid) === doseLevel)) }))
		.filter((l) => l.fit.n > 0);
}
