/**
 * Best overall response by RECIST 1.1 from the per-visit overall responses (RS, RSTESTCD OVRLRESP), with
 * admiralonco's conventions: days from the assessment dates (RSDTC), not the planned study day; a missing day of
 * the month taken as the month's last day; the worst of two responses on one date; assessments up to the first PD.
 * Confirmed: CR (PR) needs a CR (a PR or CR) at least `confirmMinDays` later with at most one NE between and nothing
 * worse; SD (NON-CR/NON-PD) needs an assessment at least `sdMinDays` after day 1. Unconfirmed: the best response,
 * SD only from `sdMinDays`. Pure.
 */
import { dayNumber, isoOfDay } from '../partial-date';
import type { Dtc, ResponseCategory } from '../types';
import { incompleteBeta } from '../stats/distributions';

export type Response = ResponseCategory;
export const RESPONSES: readonly Response[] = ['CR', 'PR', 'SD', 'NON-CR/NON-PD', 'PD', 'NE'];

export interface Assessment {
	usubjid: string;
	date: Dtc;
	response: string;
}

/** One RS record as read: the test, the response, who assessed it and whether it is the accepted read. */
export interface ResponseRecord {
	usubjid: string;
	testcd: string;
	response: string;
	evaluator: string;
	/** RSACPTFL = Y: the read accepted where two radiologists read. */
	accepted: boolean;
	date: Dtc | null;
}

/**
 * The overall responses (OVRLRESP) of one evaluator (the investigator by default); where that evaluator's records
 * carry an acceptance flag (two radiologists), only the accepted reads.
 */
export function selectAssessments(records: readonly ResponseRecord[], evaluator = 'INVESTIGATOR'): Assessment[] {
	const mine = records.filter((r) => r.testcd.toUpperCase() === 'OVRLRESP' && r.date && (!r.evaluator || r.evaluator.toUpperCase() === evaluator.toUpperCase()));
	const flagged = mine.some((r) => r.accepted);
	return mine.filter((r) => !flagged || r.accepted).map((r) => ({ usubjid: r.usubjid, date: r.date!, response: r.response }));
}

export interface ResponseSettings {
	confirmMinDays: number;
	sdMinDays: number;
	/** NE assessments allowed between a response and its confirmation. */
	maxNeBetween: number;
}

export const DEFAULT_RESPONSE_SETTINGS: ResponseSettings = { confirmMinDays: 28, sdMinDays: 42, maxNeBetween: 1 };

/** A date to the day: a missing day of the month is the month's last day; a year alone is not dated. */
export function assessmentDay(date: Dtc): number | null {
	const full = dayNumber(date);
	if (full !== null) return full;
	const m = /^(\d{4})-(\d{2})$/.exec(date.trim());
	if (!m) return null;
	return Date.UTC(Number(m[1]), Number(m[2]), 0) / 86_400_000;
}

const WORST_FIRST: readonly string[] = ['PD', 'NE', 'NON-CR/NON-PD', 'SD', 'PR', 'CR'];
const BEST_FIRST: readonly Response[] = ['CR', 'PR', 'SD', 'NON-CR/NON-PD', 'PD', 'NE'];

export interface SubjectResponse {
	usubjid: string;
	bor: Response;
	borUnconfirmed: Response;
	/** The dated assessments used, in order (to the first PD). */
	assessments: DatedResponse[];
	/** For a confirmed CR or PR: the first CR or PR that a later assessment confirms (where the duration of response starts). */
	responseStart: DatedResponse | null;
	/** The first PD, when there is one. */
	progression: DatedResponse | null;
	/** The last assessment other than NE, up to the first PD: where an observation without an event is censored. */
	lastAdequate: DatedResponse | null;
	reason: string;
}

export interface DatedResponse {
	/** Days since 1970-01-01 (UTC). */
	day: number;
	date: string;
	studyDay: number;
	response: Response;
}

function normalise(r: string): Response {
	const t = r.trim().toUpperCase();
	return (RESPONSES as readonly string[]).includes(t) ? (t as Response) : 'NE';
}

/** One subject's best overall response, confirmed and unconfirmed. `day1` is the first dose (the reference start). */
export function bestOverallResponse(assessments: readonly Assessment[], usubjid: string, day1: Dtc | null, settings: ResponseSettings = DEFAULT_RESPONSE_SETTINGS): SubjectResponse {
	const ref = day1 ? dayNumber(day1) : null;
	// The worst response of each date, in date order, up to and including the first PD.
	const byDay = new Map<number, Response>();
	for (const a of assessments) {
		const day = assessmentDay(a.date);
		if (day === null) continue;
		const r = normalise(a.response);
		const was = byDay.get(day);
		if (!was || WORST_FIRST.indexOf(r) < WORST_FIRST.indexOf(was)) byDay.set(day, r);
	}
	const all: DatedResponse[] = [...byDay].sort((a, b) => a[0] - b[0]).map(([day, response]) => ({ day, date: isoOfDay(day), studyDay: ref === null ? NaN : day - ref + 1, response }));
	const pd = all.findIndex((a) => a.response === 'PD');
	const used = pd >= 0 ? all.slice(0, pd + 1) : all;
	const name = (a: { studyDay: number; date: string }) => `${a.date} (day ${a.studyDay})`;
	const early = (a: { day: number }) => ref === null || a.day - ref < settings.sdMinDays;

	// Unconfirmed: the best response, SD and NON-CR/NON-PD only from sdMinDays after day 1 (earlier they count as NE).
	const unconfirmedOf = (r: Response, a: { day: number }): Response => ((r === 'SD' || r === 'NON-CR/NON-PD') && early(a) ? 'NE' : r);
	const borUnconfirmed = used.length ? used.map((a) => unconfirmedOf(a.response, a)).sort((x, y) => BEST_FIRST.indexOf(x) - BEST_FIRST.indexOf(y))[0]! : 'NE';

	const confirmedBy = (i: number, accepts: readonly Response[]) => {
		let ne = 0;
		for (let j = i + 1; j < used.length; j++) {
			const b = used[j]!;
			if (b.response === 'NE') {
				if (++ne > settings.maxNeBetween) return null;
				continue;
			}
			if (!accepts.includes(b.response)) return null;
			if (b.day - used[i]!.day >= settings.confirmMinDays) return b;
		}
		return null;
	};
	let bor: Response;
	let reason: string;
	const cr = used.map((a, i) => (a.response === 'CR' ? [a, confirmedBy(i, ['CR'])] as const : null)).find((x) => x?.[1]);
	const pr = cr ? null : used.map((a, i) => (a.response === 'PR' || a.response === 'CR' ? [a, confirmedBy(i, ['PR', 'CR'])] as const : null)).find((x) => x?.[1]);
	const sd = used.find((a) => ['CR', 'PR', 'SD'].includes(a.response) && !early(a));
	const nonCr = used.find((a) => a.response === 'NON-CR/NON-PD' && !early(a));
	if (!used.length) [bor, reason] = ['NE', 'no assessment of the overall response'];
	else if (cr) [bor, reason] = ['CR', `CR on ${name(cr[0])}, confirmed by CR on ${name(cr[1]!)}`];
	else if (pr) [bor, reason] = ['PR', `${pr[0].response} on ${name(pr[0])}, confirmed by ${pr[1]!.response} on ${name(pr[1]!)}`];
	else if (sd) [bor, reason] = ['SD', `${sd.response === 'SD' ? 'SD' : `${sd.response} not confirmed, so SD`} on ${name(sd)}, at least ${settings.sdMinDays} days after day 1`];
	else if (nonCr) [bor, reason] = ['NON-CR/NON-PD', `NON-CR/NON-PD on ${name(nonCr)}, at least ${settings.sdMinDays} days after day 1`];
	else if (pd >= 0) [bor, reason] = ['PD', `PD on ${name(all[pd]!)}`];
	else [bor, reason] = ['NE', `no response confirmed and none at least ${settings.sdMinDays} days after day 1`];
	const startIndex = bor === 'CR' || bor === 'PR' ? used.findIndex((a, i) => (a.response === 'CR' || a.response === 'PR') && confirmedBy(i, ['PR', 'CR'])) : -1;
	return {
		usubjid,
		bor,
		borUnconfirmed,
		assessments: used,
		responseStart: startIndex >= 0 ? used[startIndex]! : null,
		progression: pd >= 0 ? all[pd]! : null,
		lastAdequate: [...used].reverse().find((a) => a.response !== 'NE') ?? null,
		reason
	};
}

/** The Clopper–Pearson (exact) two-sided 95% interval of a proportion x / n. */
export function clopperPearson(x: number, n: number): [number, number] {
	if (n === 0) return [NaN, NaN];
	const inv = (p: number, a: number, b: number) => {
		let lo = 0;
		let hi = 1;
		for (let i = 0; i < 100; i++) {
			const mid = (lo + hi) / 2;
			if (incompleteBeta(mid, a, b) < p) lo = mid;
			else hi = mid;
		}
		return (lo + hi) / 2;
	};
	return [x === 0 ? 0 : inv(0.025, x, n - x + 1), x === n ? 1 : inv(0.975, x + 1, n - x)];
}

export interface ResponseLevelSummary {
	doseLevel: string;
	/** Participants with at least one assessment. */
	n: number;
	bor: Record<Response, number>;
	/** Percent, with the Clopper–Pearson 95% interval. */
	orr: number;
	orrCi95: [number, number];
	dcr: number;
	dcrCi95: [number, number];
}

/** Per dose level: the best overall responses, ORR (CR + PR) and disease control (CR + PR + SD + NON-CR/NON-PD). */
export function responseByLevel(subjects: readonly Pick<SubjectResponse, 'usubjid' | 'bor'>[], levelOf: ReadonlyMap<string, string | null>, levels: readonly string[]): ResponseLevelSummary[] {
	const pct = (x: number) => Math.round(x * 1000) / 10;
	return levels
		.map((doseLevel) => {
			const at = subjects.filter((s) => levelOf.get(s.usubjid) === doseLevel);
			const n = at.length;
			const bor = Object.fromEntries(RESPONSES.map((r) => [r, at.filter((s) => s.bor === r).length])) as Record<Response, number>;
			const responders = bor.CR + bor.PR;
			const controlled = responders + bor.SD + bor['NON-CR/NON-PD'];
			const ci = (x: number) => clopperPearson(x, n).map(pct) as [number, number];
			return { doseLevel, n, bor, orr: n ? pct(responders / n) : NaN, orrCi95: ci(responders), dcr: n ? pct(controlled / n) : NaN, dcrCi95: ci(controlled) };
		})
		.filter((l) => l.n > 0);
}
