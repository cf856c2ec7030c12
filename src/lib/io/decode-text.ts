/**
 * Turning a file's bytes into text the same way in the app and the command: UTF-8 with or without a byte-order
 * mark, UTF-16 (little or big endian, by its byte-order mark or by its zero bytes), and otherwise Windows-1252, the
 * encoding Excel on Windows writes, with a warning naming it. Invalid UTF-8 is never turned into U+FFFD silently.
 */
export interface DecodedText {
	text: string;
	encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';
	/** Said in the preview when the encoding was guessed rather than declared. */
	warning: string | null;
}

function looksUtf16(bytes: Uint8Array): 'le' | 'be' | null {
	const n = Math.min(bytes.length, 4000) & ~1;
	if (n < 4) return null;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
	}
	const pairs = n / 2;
	if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'le';
	if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'be';
	return null;
}

// Windows-1252's 0x80–0x9F (undefined bytes stay as they are). Some TextDecoders (Node without full ICU) read
// "windows-1252" as Latin-1, so the mapping is applied here to give the same text everywhere.
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 8192) {
		const chunk = bytes.subarray(i, i + 8192);
		out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
	}
	return out;
}

export function decodeBytes(bytes: Uint8Array, fileName: string): DecodedText {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8', warning: null };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE', warning: null };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE', warning: null };
	const utf16 = looksUtf16(bytes);
	if (utf16)
		return {
			text: new TextDecoder(utf16 === 'le' ? 'utf-16le' : 'utf-16be').decode(bytes),
			encoding: utf16 === 'le' ? 'UTF-16LE' : 'UTF-16BE',
			warning: `${fileName} has no byte-order mark but its bytes are UTF-16 (${utf16 === 'le' ? 'little' : 'big'}-endian): read as such`
		};
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8', warning: null };
	} catch {
		const text = decodeWindows1252(bytes);
		const sample = [...new Set(text.match(/[^\s,;"|]*[\u0080-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u2013-\u2122][^\s,;"|]*/g) ?? [])].slice(0, 3);
		return {
			text,
			encoding: 'Windows-1252',
			warning: `${fileName} is not UTF-8: read as Windows-1252${sample.length ? ` (e.g. ${sample.map((s) => `“${s.slice(0, 24)}”`).join(', ')})` : ''}. Check accented letters; save the file as UTF-8 to be sure`
		};
	}
}
