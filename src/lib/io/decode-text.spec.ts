import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode-text';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string, bom: boolean) => {
	const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
	let o = 0;
	if (bom) (out[0] = 0xff), (out[1] = 0xfe), (o = 2);
	for (let i = 0; i < s.length; i++) (out[o + 2 * i] = s.charCodeAt(i) & 0xff), (out[o + 2 * i + 1] = s.charCodeAt(i) >> 8);
	return out;
};
// "AETERM\nÜbelkeit" as Windows-1252 writes it: Ü is one byte, 0xDC.
const cp1252 = Uint8Array.from([...'AETERM\n'].map((c) => c.charCodeAt(0)).concat([0xdc], [...'belkeit – Grad 2'].map((c) => (c === '–' ? 0x96 : c.charCodeAt(0)))));

describe('decodeBytes: the same text in the app and the command', () => {
	it.each([
		['UTF-8', utf8('AETERM\nÜbelkeit'), 'UTF-8', null],
		['UTF-8 with a byte-order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('AETERM\nÜbelkeit')]), 'UTF-8', null],
		['UTF-16 with a byte-order mark', utf16le('AETERM\nÜbelkeit', true), 'UTF-16LE', null],
		['UTF-16 without one', utf16le('AETERM\nÜbelkeit', false), 'UTF-16LE', /no byte-order mark but its bytes are UTF-16/]
	])('%s', (_name, bytes, encoding, warning) => {
		const d = decodeBytes(bytes, 'ae.csv');
		expect(d.text).toBe('AETERM\nÜbelkeit');
		expect(d.encoding).toBe(encoding);
		if (warning) expect(d.warning).toMatch(warning);
		else expect(d.warning).toBeNull();
	});

	it('reads Windows-1252 as such, with a warning naming the encoding, and never stores U+FFFD', () => {
		const d = decodeBytes(cp1252, 'ae.csv');
		expect(d.text).toBe('AETERM\nÜbelkeit – Grad 2');
		expect(d.text).not.toContain('\uFFFD');
		expect(d.encoding).toBe('Windows-1252');
		expect(d.warning).toMatch(/^ae\.csv is not UTF-8: read as Windows-1252 \(e\.g\. “Übelkeit”, “–”\)/);
	});
});
