/**
 * IS: immunogenicity samples (anti-drug and neutralising antibodies), for the ADA derivation. Each problem names
 * the file, row and column; a subject not in DM, a sequence number that is not whole or a date that is not ISO 8601
 * is an error.
 */
import { parseDtc } from '../../domain/partial-date';
import type { AdaSample } from '../../domain/immunogenicity/ada';
import type { Problem, SourceFile } from '../import-types';
import { readCsv, rowReader } from '../read-csv';
import { missingRequired, parseNumber, resolveColumns } from './columns';

const IS_FIELDS = {
	usubjid: ['USUBJID'],
	seq: ['ISSEQ'],
	testcd: ['ISTESTCD'],
	text: ['ISSTRESC', 'ISORRES'],
	value: ['ISSTRESN'],
	baselineFlag: ['ISBLFL'],
	date: ['ISDTC']
} as const;

export function readIs(file: SourceFile, subjects: ReadonlySet<string>): { samples: AdaSample[]; problems: Problem[] } {
	const read = readCsv(file);
	const problems: Problem[] = [...read.problems];
	if (!read.ok) return { samples: [], problems };
	const t = read.table;
	const cols = resolveColumns(t, IS_FIELDS);
	const missing = missingRequired(t, IS_FIELDS, cols, ['usubjid', 'seq', 'testcd']);
	if (missing.length) return { samples: [], problems: [...problems, ...missing] };
	const get = rowReader(t);
	const g = (r: (typeof t.rows)[number], c: string | null) => (c ? get(r, c).trim() : '');
	const err = (row: number, column: string | null, message: string) => problems.push({ file: t.file, row, column, severity: 'error', message });
	const samples: AdaSample[] = [];
	for (const r of t.rows) {
		const usubjid = g(r, cols.usubjid);
		if (!subjects.has(usubjid)) {
			err(r.row, cols.usubjid, `subject "${usubjid}" is not in DM`);
			continue;
		}
		const seq = parseNumber(g(r, cols.seq));
		if (seq === null || !Number.isInteger(seq)) {
			err(r.row, cols.seq, `ISSEQ "${g(r, cols.seq)}" is not a whole number`);
			continue;
		}
		const value = parseNumber(g(r, cols.value));
		if (Number.isNaN(value)) err(r.row, cols.value, `ISSTRESN "${g(r, cols.value)}" is not a number`);
		const date = g(r, cols.date);
		if (date && !parseDtc(date).ok) err(r.row, cols.date, `"${date}" is not an ISO 8601 date`);
		samples.push({ usubjid, seq, testcd: g(r, cols.testcd), text: g(r, cols.text), value: Number.isNaN(value) ? null : value, baselineFlag: g(r, cols.baselineFlag).toUpperCase() === 'Y', date: date && parseDtc(date).ok ? date : null });
	}
	return { samples, problems };
}
