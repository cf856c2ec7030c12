import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './write-csv';

describe('neutraliseCell', () => {
	it.each([
		['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
		['+1+1', `'+1+1`],
		['-2+3', `'-2+3`],
		['@SUM(A1)', `'@SUM(A1)`],
		['\tTAB', `'\tTAB`],
		['\rCR', `'\rCR`],
		['-1', '-1'], // a study day written as text stays a number
		['+3', '+3'],
		[-1, -1],
		['Nausea', 'Nausea'],
		['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
		[null, '']
	])('%j → %j', (input, expected) => {
		expect(neutraliseCell(input)).toBe(expected);
	});
});

describe('toCsv', () => {
	it('quotes text, keeps commas, quotes and line breaks intact, and round-trips', () => {
		const rows = [{ term: 'Rash, "maculo-papular"\nsevere', day: -1 }, { term: '=cmd|x', day: 22 }];
		const text = toCsv(rows, [
			{ header: 'term', value: (r) => r.term },
			{ header: 'studyDay', value: (r) => r.day }
		]);
		const back = Papa.parse<string[]>(text.trim(), { header: false }).data;
		expect(back).toEqual([
			['term', 'studyDay'],
			['Rash, "maculo-papular"\nsevere', '-1'],
			["'=cmd|x", '22']
		]);
		expect(text).toContain(',-1\r\n');
	});
});
