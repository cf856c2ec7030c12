/**
 * RS: the per-visit overall responses (RSTESTCD OVRLRESP) of one evaluator, for the best overall response. The
 * investigator's by default; for an independent assessor, the assessment the file accepts (RSACPTFL = Y) where
 * two radiologists read. Problems name the file, row and column.
 */
import type { Assessment } from '../../domain/response/recist';
import type { Problem, SourceFile } from '../import-types';
import { readCsv, rowReader } from '../read-csv';
import { missingRequired, resolveColumns } from './columns';

const RS_FIELDS = {
	usubjid: ['USUBJID'],
	testcd: ['RSTESTCD'],
	response: ['RSSTRESC', 'RSORRES'],
	evaluator: ['RSEVAL'],
	accepted: ['RSACPTFL'],
	date: ['RSDTC']
} as const;

export function readRs(file: SourceFile, subjects: ReadonlySet<string>, evaluator: string): { assessments: Assessment[]; problems: Problem[] } {
	const read = readCsv(file);
	const problems: Problem[] = [...read.problems];
	if (!read.ok) return { assessments: [], problems };
	const t = read.table;
	const cols = resolveColumns(t, RS_FIELDS);
	const missing = missingRequired(t, RS_FIELDS, cols, ['usubjid', 'testcd', 'response', 'date']);
	if (missing.length) return { assessments: [], problems: [...problems, ...missing] };
	const get = rowReader(t);
	const g = (r: (typeof t.rows)[number], c: string | null) => (c ? get(r, c).trim() : '');
	const rows = t.rows.filter((r) => g(r, cols.testcd).toUpperCase() === 'OVRLRESP' && (!cols.evaluator || g(r, cols.evaluator).toUpperCase() === evaluator.toUpperCase()));
	// Where an evaluator's rows carry an acceptance flag (two radiologists), only the accepted read counts.
	const flagged = cols.accepted !== null && rows.some((r) => g(r, cols.accepted).toUpperCase() === 'Y');
	const assessments: Assessment[] = [];
	for (const r of rows) {
		if (flagged && g(r, cols.accepted).toUpperCase() !== 'Y') continue;
		const usubjid = g(r, cols.usubjid);
		if (!subjects.has(usubjid)) {
			problems.push({ file: t.file, row: r.row, column: cols.usubjid, severity: 'error', message: `subject "${usubjid}" is not in DM` });
			continue;
		}
		assessments.push({ usubjid, date: g(r, cols.date), response: g(r, cols.response) });
	}
	return { assessments, problems };
}
