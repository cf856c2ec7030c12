/**
 * Reads one CSV file with papaparse into a header and numbered rows, reporting what makes it unusable.
 * Row numbers are as a spreadsheet shows them: the header is row 1, the first record row 2.
 */
import Papa from 'papaparse';
import type { Problem, SourceFile } from './import-types';
import { hasHidden, showHidden } from './visible-text';

export interface CsvRow {
	row: number;
	cells: string[];
}

export interface CsvTable {
	file: string;
	header: string[];
	rows: CsvRow[];
}

export type CsvRead = { ok: true; table: CsvTable; problems: Problem[] } | { ok: false; problems: Problem[] };

function problem(file: string, row: number | null, column: string | null, message: string): Problem {
	return { file, row, column, severity: 'error', message };
}

/** Binary content (NUL bytes, many control characters) means this is not a text CSV at all. */
function looksBinary(text: string): boolean {
	const sample = text.slice(0, 4096);
	if (sample.includes('\u0000')) return true;
	let control = 0;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if (c < 9 || (c > 13 && c < 32)) control++;
	}
	return control > sample.length * 0.01;
}

export function readCsv(source: SourceFile, requiredColumns: string[] = []): CsvRead {
	if (source.table) return readTable(source, requiredColumns);
	const file = source.name;
	const text = source.text.replace(/^\uFEFF/, '');
	if (text.trim() === '') return { ok: false, problems: [problem(file, null, null, 'the file is empty')] };
	if (looksBinary(text))
		return { ok: false, problems: [problem(file, null, null, 'this is not a CSV text file (it holds binary data)')] };

	if (/^\s*[[{]/.test(text))
		return { ok: false, problems: [problem(file, null, null, 'this is a JSON file, not a CSV export')] };

	const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: ',' });
	const data = parsed.data;
	const header = (data[0] ?? []).map((h) => h.trim().toUpperCase());
	if (header.length < 2)
		return {
			ok: false,
			problems: [problem(file, 1, null, 'the first row is not a comma-separated header (found a single column)')]
		};

	const problems: Problem[] = [];
	for (const e of parsed.errors) {
		// Ragged rows are reported below with both counts; papaparse's delimiter guess is irrelevant (we fix it).
		if (e.type === 'FieldMismatch' || e.code === 'UndetectableDelimiter') continue;
		const row = e.row === undefined || e.row === null ? null : e.row + 1;
		problems.push(problem(file, row, null, `CSV syntax: ${e.message}`));
	}

	const seen = new Set<string>();
	header.forEach((h, i) => {
		if (h === '') problems.push(problem(file, 1, `column ${i + 1}`, 'the header has a blank column name'));
		else if (!/^[A-Z_][A-Z0-9_]*$/.test(h))
			problems.push(problem(file, 1, `column ${i + 1}`, `"${h.slice(0, 40)}" is not a column name: the first row must be the header`));
		else if (seen.has(h)) problems.push(problem(file, 1, h, `column ${h} appears twice in the header`));
		seen.add(h);
	});
	for (const c of requiredColumns) {
		if (!seen.has(c)) problems.push(problem(file, 1, c, `required column ${c} is missing`));
	}

	const rows: CsvRow[] = [];
	// Invisible characters (zero-width spaces, direction overrides) make "RT01-001" and "RT01-001<U+200B>" two subjects
	// that look alike: each cell holding one is named, up to a limit. Files without any skip the cell scan.
	let hiddenLeft = hasHidden(text) ? 50 : 0;
	for (let i = 1; i < data.length; i++) {
		const cells = data[i] as string[];
		if (cells.length === 1 && (cells[0] ?? '').trim() === '') continue;
		if (cells.length !== header.length) {
			const column = cells.length < header.length ? (header[cells.length] ?? null) : `field ${cells.length}`;
			const detail =
				cells.length < header.length ? `fields from ${column} onward are missing` : `it has fields beyond the last column`;
			problems.push(
				problem(file, i + 1, column, `this row has ${cells.length} fields but the header has ${header.length}: ${detail}`)
			);
			continue;
		}
		const trimmed = cells.map((c) => c.trim());
		if (hiddenLeft > 0) {
			trimmed.forEach((c, j) => {
				if (hiddenLeft > 0 && hasHidden(c)) {
					hiddenLeft--;
					problems.push({ file, row: i + 1, column: header[j] ?? null, severity: 'warning', message: `the value holds invisible characters: ${showHidden(c).slice(0, 80)}` });
				}
			});
		}
		rows.push({ row: i + 1, cells: trimmed });
	}
	if (problems.some((p) => p.row === 1 || p.row === null)) return { ok: false, problems };
	return { ok: true, table: { file, header, rows }, problems };
}

/** A row's cells by column name; absent columns read as ''. */
export function rowReader(table: CsvTable): (r: CsvRow, column: string) => string {
	const index = new Map(table.header.map((h, i) => [h, i]));
	return (r, column) => {
		const i = index.get(column);
		return i === undefined ? '' : (r.cells[i] ?? '');
	};
}

/** A file that arrived as a table (SAS transport, Dataset-JSON): the same header and cell checks as a CSV's. */
function readTable(source: SourceFile, requiredColumns: string[]): CsvRead {
	const file = source.name;
	const { header, rows: cells } = source.table!;
	const problems: Problem[] = [];
	if (header.length === 0) return { ok: false, problems: [problem(file, null, null, 'the dataset has no variables')] };
	const seen = new Set<string>();
	header.forEach((h, i) => {
		if (!/^[A-Z_][A-Z0-9_]*$/.test(h)) problems.push(problem(file, null, `column ${i + 1}`, `"${h.slice(0, 40)}" is not a variable name`));
		else if (seen.has(h)) problems.push(problem(file, null, h, `variable ${h} appears twice`));
		seen.add(h);
	});
	for (const c of requiredColumns) if (!seen.has(c)) problems.push(problem(file, null, c, `required variable ${c} is missing`));
	if (problems.length) return { ok: false, problems };
	let hiddenLeft = 50;
	const rows: CsvRow[] = cells.map((r, i) => {
		const trimmed = r.map((c) => c.trim());
		if (hiddenLeft > 0)
			trimmed.forEach((c, j) => {
				if (hiddenLeft > 0 && hasHidden(c)) {
					hiddenLeft--;
					problems.push({ file, row: i + (source.table!.firstRow ?? 1), column: header[j] ?? null, severity: 'warning', message: `the value holds invisible characters: ${showHidden(c).slice(0, 80)}` });
				}
			});
		// Record numbers: the first observation is record 1 (a SAS transport or Dataset-JSON file has no header row);
		// a CSV made a table keeps its own row numbers.
		return { row: i + (source.table!.firstRow ?? 1), cells: trimmed };
	});
	return { ok: true, table: { file, header, rows }, problems };
}
