/**
 * SAS transport (XPORT) version 5, as sponsors deliver SDTM: 80-byte header records, a NAMESTR of 140 bytes per
 * variable, then the observations, each the variables' bytes end to end. Numbers are IBM System/360 floating
 * point (base 16, 7-byte fraction), possibly shortened to fewer than 8 bytes; a missing number is '.', '._' or
 * '.A'–'.Z' (the letter byte followed by zeros). Text is padded with blanks on the right, which are dropped;
 * leading blanks are kept, as SAS keeps them. Runs in the browser, a worker and Node alike (bytes in, values out).
 * Spec: SAS Technical Support document TS-140.
 */
import { decodeWindows1252 } from '../decode-text';

export interface XptVariable {
	name: string;
	label: string;
	type: 'num' | 'char';
	length: number;
	/** The SAS format's name (DATE, DATETIME, E8601DA …), '' when none. */
	format: string;
}

export interface XptMember {
	name: string;
	label: string;
	variables: XptVariable[];
	/** One array per observation, in variable order: text, a number, or null for a missing value. */
	rows: (string | number | null)[][];
}

export class XptError extends Error {
	constructor(file: string, message: string) {
		super(`${file}: ${message}`);
		this.name = 'XptError';
	}
}

const HEADER = 'HEADER RECORD*******';
const ascii = (b: Uint8Array, start: number, length: number) => String.fromCharCode(...b.subarray(start, start + length));
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text of a character value: UTF-8 when it is valid UTF-8, else Windows-1252 (XPORT records no encoding). */
function text(b: Uint8Array, start: number, length: number): string {
	let end = start + length;
	while (end > start && (b[end - 1] === 0x20 || b[end - 1] === 0x00)) end--;
	const bytes = b.subarray(start, end);
	if (bytes.every((x) => x < 0x80)) return String.fromCharCode(...bytes);
	try {
		return utf8.decode(bytes);
	} catch {
		return decodeWindows1252(bytes);
	}
}

/** An IBM System/360 floating-point number of `length` bytes (2–8); null for a SAS missing value. */
export function ibmNumber(b: Uint8Array, start: number, length: number): number | null {
	const first = b[start]!;
	let restZero = true;
	for (let i = 1; i < length; i++) if (b[start + i] !== 0) restZero = false;
	if (restZero && (first === 0x2e || first === 0x5f || (first >= 0x41 && first <= 0x5a))) return null;
	let hi = 0;
	let lo = 0;
	for (let i = 1; i < 8; i++) {
		const byte = i < length ? b[start + i]! : 0;
		if (i <= 3) hi = hi * 256 + byte;
		else lo = lo * 256 + byte;
	}
	if (hi === 0 && lo === 0) return 0;
	const sign = first & 0x80 ? -1 : 1;
	const exponent = (first & 0x7f) - 64;
	// hi / 2^24 and lo / 2^56 are exact; their sum is rounded once to a double; 16^exponent is a power of two.
	return sign * (hi / 0x1000000 + lo / 0x100000000000000) * 16 ** exponent;
}

function isHeader(b: Uint8Array, at: number, kind: string): boolean {
	return at + 80 <= b.length && ascii(b, at, 48) === `${HEADER}${kind.padEnd(8)}HEADER RECORD!!!!!!!`;
}

export function parseXpt(bytes: Uint8Array, file: string): XptMember[] {
	if (bytes.length < 80 * 3 || !isHeader(bytes, 0, 'LIBRARY')) {
		if (bytes.length >= 80 && ascii(bytes, 0, 20) === HEADER && ascii(bytes, 20, 7) === 'LIBV8  ') throw new XptError(file, 'this is SAS transport version 8 (LIBV8); DoseWatch reads version 5, which SDTM submissions use');
		throw new XptError(file, 'this is not a SAS transport (XPORT v5) file: its first record is not the library header');
	}
	const members: XptMember[] = [];
	let at = 80 * 3;
	while (at < bytes.length && isHeader(bytes, at, 'MEMBER')) {
		const namestrLength = Number(ascii(bytes, at + 74, 4)) || 140;
		if (!isHeader(bytes, at + 80, 'DSCRPTR')) throw new XptError(file, `member header at byte ${at} is not followed by a descriptor header`);
		const name = ascii(bytes, at + 160 + 8, 8).trim();
		const label = text(bytes, at + 240 + 32, 40);
		at += 80 * 4;
		if (!isHeader(bytes, at, 'NAMESTR')) throw new XptError(file, `dataset ${name}: the variable descriptions (NAMESTR) are missing`);
		const count = Number(ascii(bytes, at + 54, 4));
		if (!Number.isInteger(count) || count < 1) throw new XptError(file, `dataset ${name}: the number of variables is not readable`);
		at += 80;
		const variables: (XptVariable & { position: number })[] = [];
		for (let i = 0; i < count; i++) {
			const v = at + i * namestrLength;
			const view = new DataView(bytes.buffer, bytes.byteOffset + v, namestrLength);
			const type = view.getInt16(0) === 1 ? 'num' : 'char';
			const length = view.getInt16(4);
			variables.push({
				type,
				length,
				name: ascii(bytes, v + 8, 8).trim(),
				label: text(bytes, v + 16, 40),
				format: ascii(bytes, v + 56, 8).trim(),
				position: view.getInt32(84)
			});
			if (type === 'num' && (length < 2 || length > 8)) throw new XptError(file, `dataset ${name}, variable ${variables.at(-1)!.name}: a number of ${length} bytes`);
		}
		at += Math.ceil((count * namestrLength) / 80) * 80;
		if (!isHeader(bytes, at, 'OBS')) throw new XptError(file, `dataset ${name}: the observations header is missing`);
		at += 80;
		const width = variables.reduce((n, v) => Math.max(n, v.position + v.length), 0);
		// The observations run to the next member header or to the end; the last record is padded with blanks.
		let end = bytes.length;
		for (let r = at; r + 80 <= bytes.length; r += 80) {
			if (isHeader(bytes, r, 'MEMBER')) {
				end = r;
				break;
			}
		}
		const rows: (string | number | null)[][] = [];
		for (let o = at; o + width <= end; o += width) {
			// A row made only of blanks at the end is the padding of the last record, not an observation.
			let blank = true;
			for (let i = o; i < o + width && blank; i++) if (bytes[i] !== 0x20) blank = false;
			if (blank && end - o < 80) break;
			rows.push(variables.map((v) => (v.type === 'num' ? ibmNumber(bytes, o + v.position, v.length) : text(bytes, o + v.position, v.length))));
		}
		members.push({ name, label, variables: variables.map(({ position: _p, ...v }) => v), rows });
		at = end;
	}
	if (members.length === 0) throw new XptError(file, 'the file holds no dataset');
	return members;
}

const SAS_EPOCH = Date.UTC(1960, 0, 1);
const DATE_FORMATS = /^(DATE|YYMMDD|E8601DA|IS8601DA|MMDDYY|DDMMYY|B8601DA|DAY|MONYY|WEEKDATE|WORDDATE)/;
const DATETIME_FORMATS = /^(DATETIME|E8601DT|IS8601DT|B8601DT|DTDATE)/;

/** A value as the readers take it: SAS dates and datetimes (days or seconds since 1960) as ISO 8601, numbers as written. */
export function xptCell(v: XptVariable, value: string | number | null): string {
	if (value === null) return '';
	if (typeof value === 'string') return value;
	if (DATETIME_FORMATS.test(v.format)) return new Date(SAS_EPOCH + value * 1000).toISOString().slice(0, 19);
	if (DATE_FORMATS.test(v.format)) return new Date(SAS_EPOCH + value * 86_400_000).toISOString().slice(0, 10);
	return String(value);
}
