/**
 * RS: the per-visit overall responses (RSTESTCD OVRLRESP) of one evaluator, for the best overall response. The
 * investigator's by default; for an independent assessor, the assessment the file accepts (RSACPTFL = Y) where
 * two radiologists read. Problems name the file, row and column.
 */
import { selectAssessments, type Assessment, type ResponseRecord } from '../../domain/response/recist';
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
	const records: ResponseRecord[] = [];
	for (const r of t.rows) {
		const usubjid = g(r, cols.usubjid);
		if (g(r, cols.testcd).toUpperCase() !== 'OVRLRESP') continue;
		if (!subjects.has(usubjid)) {
			problems.push({ file: t.file, row: r.row, column: cols.usubjid, severity: 'error', message: `subject "${usubjid}" is not in DM` });
			continue;
		}
		records.push({ usubjid, testcd: 'OVRLRESP', response: g(r, cols.response), evaluator: g(r, cols.evaluator), accepted: g(r, cols.accepted).toUpperCase() === 'Y', date: g(r, cols.date) || null });
	}
	const assessments = selectAssessments(records, evaluator);
	return { assessments, problems };
}
