import { describe, expect, it } from 'vitest';
import { forTerminal, hasHidden, showHidden } from './visible-text';

describe('showHidden', () => {
	it.each([
		['a zero-width space in an ID', 'RT01-001\u200B', 'RT01-001<U+200B>'],
		['a right-to-left override in a name', 'Dr \u202Eeve', 'Dr <U+202E>eve'],
		['a terminal escape sequence', 'ok\u001b[2J\u001b[Hfake line', 'ok<U+001B>[2J<U+001B>[Hfake line'],
		['a carriage return that would overwrite the line', 'error\rall good', 'error\rall good'],
		['a byte-order mark inside a value', '\uFEFFDL1', '<U+FEFF>DL1'],
		['plain text with accents and line breaks, untouched', 'Übelkeit\nNausée\tgrade 2', 'Übelkeit\nNausée\tgrade 2']
	])('%s', (_name, input, shown) => {
		expect(showHidden(input)).toBe(shown);
		expect(hasHidden(input)).toBe(shown !== input);
	});
});

describe('forTerminal', () => {
	it('also shows a lone carriage return, which would let a file overwrite an error line', () => {
		expect(forTerminal('ae.csv row 3: error\rall good        ')).toBe('ae.csv row 3: error<U+000D>all good        ');
		expect(forTerminal('line one\r\nline two')).toBe('line one\r\nline two');
	});
});
