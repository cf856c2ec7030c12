/**
 * ISO 8601 dates as SDTM records them: complete ("2025-03-04", "2025-03-04T10:15"), partial ("2012-02",
 * "2003", or with a missing month "2003---15") or blank. Partial dates are never guessed here; callers that
 * must impute do so explicitly and say so.
 *
 * All arithmetic is on calendar fields through Date.UTC, so the machine's time zone and DST never shift a day.
 */
import type { Dtc } from './types';

export type DatePrecision = 'year' | 'month' | 'day' | 'minute' | 'second';

export interface ParsedDtc {
	year: number;
	month: number | null;
	day: number | null;
	hour: number | null;
	minute: number | null;
	second: number | null;
	precision: DatePrecision;
}

export type DtcParse = { ok: true; value: ParsedDtc } | { ok: false; error: string };

const DTC = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?)?)?$/;
/** SDTM's form for a known year and day with an unknown month: 2003---15. Only the year is usable. */
const MISSING_MONTH = /^(\d{4})---\d{2}$/;

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parsed dates by their text. A study repeats the same few thousand date strings across every AE, dose and rule,
 * and the DLT engine reads each many times, so parsing once per distinct string is what keeps a 100,000-AE
 * evaluation fast. Results are frozen and shared; the cache is emptied when it grows past its limit.
 */
const CACHE_LIMIT = 50_000;
const parseCache = new Map<string, DtcParse>();
const rangeCache = new Map<string, readonly [number, number] | null>();

function remember<K, T>(cache: Map<K, T>, key: K, value: T): T {
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(key, value);
	return value;
}

/** Parses and validates an ISO 8601 (possibly partial) date. Blank input is not an error here: callers decide. */
export function parseDtc(text: string): DtcParse {
	const hit = parseCache.get(text);
	if (hit) return hit;
	const r = parseUncached(text);
	if (r.ok) Object.freeze(r.value);
	return remember(parseCache, text, Object.freeze(r));
}

function parseUncached(text: string): DtcParse {
	const s = text.trim();
	const mm = MISSING_MONTH.exec(s);
	if (mm) {
		return {
			ok: true,
			value: { year: Number(mm[1]), month: null, day: null, hour: null, minute: null, second: null, precision: 'year' }
		};
	}
	const m = DTC.exec(s);
	if (!m) return { ok: false, error: `"${text}" is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm)` };
	const [, y, mo, d, h, mi, se] = m;
	const year = Number(y);
	const month = mo === undefined ? null : Number(mo);
	const day = d === undefined ? null : Number(d);
	const hour = h === undefined ? null : Number(h);
	const minute = mi === undefined ? null : Number(mi);
	const second = se === undefined ? null : Number(se);
	if (year < 1900 || year > 2200) return { ok: false, error: `"${text}" has an implausible year ${year}` };
	if (month !== null && (month < 1 || month > 12)) return { ok: false, error: `"${text}" has no month ${month}` };
	if (month !== null && day !== null && (day < 1 || day > daysInMonth(year, month)))
		return { ok: false, error: `"${text}" is not a calendar date (day ${day} of month ${month})` };
	if (hour !== null && hour > 23) return { ok: false, error: `"${text}" has an hour ${hour} outside 00–23` };
	if (minute !== null && minute > 59) return { ok: false, error: `"${text}" has a minute ${minute} outside 00–59` };
	if (second !== null && second > 59) return { ok: false, error: `"${text}" has a second ${second} outside 00–59` };
	const precision: DatePrecision =
		second !== null ? 'second' : minute !== null ? 'minute' : day !== null ? 'day' : month !== null ? 'month' : 'year';
	return { ok: true, value: { year, month, day, hour, minute, second, precision } };
}

function parsed(dtc: Dtc | null | undefined): ParsedDtc | null {
	if (!dtc) return null;
	const r = parseDtc(dtc);
	return r.ok ? r.value : null;
}

/** True when the value names a full calendar day (with or without a time). */
export function isCompleteDate(dtc: Dtc | null | undefined): boolean {
	const p = parsed(dtc);
	return p !== null && p.day !== null;
}

/** Midnight UTC of the calendar day, or null for blank or partial dates. */
export function dayNumber(dtc: Dtc | null | undefined): number | null {
	const p = parsed(dtc);
	if (!p || p.month === null || p.day === null) return null;
	return Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
}

/**
 * Milliseconds since the epoch, reading the recorded fields as UTC; a date without a time is taken at 00:00.
 * Null for blank or partial dates.
 */
export function toInstant(dtc: Dtc | null | undefined): number | null {
	const p = parsed(dtc);
	if (!p || p.month === null || p.day === null) return null;
	return Date.UTC(p.year, p.month - 1, p.day, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** True when the value carries a time of day. */
export function hasTime(dtc: Dtc | null | undefined): boolean {
	const p = parsed(dtc);
	return p !== null && p.hour !== null;
}

/** The calendar-day part of a complete date ("2025-03-04T10:15" → "2025-03-04"), else null. */
export function datePart(dtc: Dtc | null | undefined): string | null {
	return isCompleteDate(dtc) ? (dtc as string).slice(0, 10) : null;
}

/**
 * Study day as SDTM defines it: day 1 is the reference date (first exposure); days before it are negative;
 * there is no day 0. Null when either date is blank or partial.
 */
export function computeStudyDay(dtc: Dtc | null | undefined, reference: Dtc | null | undefined): number | null {
	const d = dayNumber(dtc);
	const r = dayNumber(reference);
	if (d === null || r === null) return null;
	const diff = d - r;
	return diff >= 0 ? diff + 1 : diff;
}

const isoDays = new Map<number, string>();

/** The YYYY-MM-DD of a day number (days since 1970-01-01, as dayNumber gives). */
export function isoOfDay(day: number): string {
	return isoDays.get(day) ?? remember(isoDays, day, new Date(day * 86_400_000).toISOString().slice(0, 10));
}

/** The calendar date (YYYY-MM-DD) of a study day, the inverse of computeStudyDay. */
export function dateOfStudyDay(studyDay: number, reference: Dtc): string | null {
	const r = dayNumber(reference);
	if (r === null || studyDay === 0) return null;
	const offset = studyDay > 0 ? studyDay - 1 : studyDay;
	return new Date((r + offset) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Compares two recorded dates for ordering. Partial dates sort at the start of their period; blanks sort last.
 * Within one period a partial date sorts before a complete one.
 */
export function compareDtc(a: Dtc | null | undefined, b: Dtc | null | undefined): number {
	const ka = orderKey(a);
	const kb = orderKey(b);
	if (ka === kb) return 0;
	return ka < kb ? -1 : 1;
}

const keyCache = new Map<string, number>();

/** One number that sorts as compareDtc describes: year, month, day, then time; missing fields first; blanks last. */
export function orderKey(dtc: Dtc | null | undefined): number {
	if (!dtc) return Infinity;
	const hit = keyCache.get(dtc);
	if (hit !== undefined) return hit;
	const p = parsed(dtc);
	const key = p
		? ((((p.year * 13 + (p.month ?? 0)) * 32 + (p.day ?? 0)) * 25 + (p.hour ?? -1) + 1) * 61 + (p.minute ?? -1) + 1) * 61 + (p.second ?? -1) + 1
		: Infinity;
	return remember(keyCache, dtc, key);
}

/**
 * Whether `end` is certainly before `start`, comparing only the precision both share. A partial date that
 * could be the same period ("2025-03" against "2025-03-10") is not called earlier.
 */
export function isCertainlyBefore(end: Dtc | null | undefined, start: Dtc | null | undefined): boolean {
	const pe = parsed(end);
	const ps = parsed(start);
	if (!pe || !ps) return false;
	const fields: (keyof ParsedDtc)[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];
	for (const f of fields) {
		const x = pe[f] as number | null;
		const y = ps[f] as number | null;
		if (x === null || y === null) return false;
		if (x !== y) return x < y;
	}
	return false;
}

/** A readable form: "4 Mar 2025", "4 Mar 2025 10:15", "Feb 2012", "2003". */
export function formatDtc(dtc: Dtc | null | undefined): string {
	if (!dtc) return '';
	return formatCache.get(dtc) ?? remember(formatCache, dtc, formatUncached(dtc));
}

const formatCache = new Map<string, string>();

function formatUncached(dtc: Dtc): string {
	const p = parsed(dtc);
	if (!p) return dtc ? String(dtc) : '';
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	if (p.month === null) return String(p.year);
	const mon = months[p.month - 1];
	if (p.day === null) return `${mon} ${p.year}`;
	const date = `${p.day} ${mon} ${p.year}`;
	if (p.hour === null) return date;
	return `${date} ${String(p.hour).padStart(2, '0')}:${String(p.minute ?? 0).padStart(2, '0')}`;
}

/** First and last calendar day (as day numbers) a recorded date can stand for; null when blank or invalid. */
export function dayRange(dtc: Dtc | null | undefined): readonly [number, number] | null {
	if (!dtc) return null;
	const hit = rangeCache.get(dtc);
	if (hit !== undefined) return hit;
	const r = rangeUncached(dtc);
	return remember(rangeCache, dtc, r ? Object.freeze(r) : null);
}

function rangeUncached(dtc: Dtc): [number, number] | null {
	const p = parseDtc(dtc);
	if (!p.ok) return null;
	const { year, month, day } = p.value;
	if (month === null) return [Date.UTC(year, 0, 1) / 86_400_000, Date.UTC(year, 11, 31) / 86_400_000];
	if (day === null) return [Date.UTC(year, month - 1, 1) / 86_400_000, Date.UTC(year, month, 0) / 86_400_000];
	const d = Date.UTC(year, month - 1, day) / 86_400_000;
	return [d, d];
}
