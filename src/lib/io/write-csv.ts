/**
 * CSV for spreadsheets: quoted by papaparse, and any text cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) neutralised with a leading apostrophe. Plain numbers,
 * such as a study day of -1, stay numbers.
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseCell(value: unknown): string | number | boolean {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	const text = String(value);
	if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) return `'${text}`;
	return text;
}

export function toCsv<T>(rows: readonly T[], columns: { header: string; value: (row: T) => unknown }[]): string {
	return (
		Papa.unparse(
			{ fields: columns.map((c) => c.header), data: rows.map((r) => columns.map((c) => neutraliseCell(c.value(r)))) },
			{ quotes: (v) => typeof v === 'string', newline: '\r\n', escapeFormulae: false }
		) + '\r\n'
	);
}
