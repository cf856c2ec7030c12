/**
 * LB, VS and EG: measured safety results in the sponsor's standard units (LBSTRESN, LBSTRESU, LBSTNRLO/HI,
 * LBNRIND, LBBLFL, LBDTC …; VS and EG alike with their prefixes). SUPPLB arrives merged by the bundle reader.
 * A result of a subject not in DM, a duplicate sequence number, a result that is not a number or a date that is
 * not ISO 8601 is an error naming file, row and column; a unit the standard gives differently from the original
 * (the generated EG's "mmHg" for QT) is a warning, and the standard unit is used.
 */
import type { SafetyDomain, SafetyResult, Subject } from '../../domain/types';
import { readCsv, rowReader, type CsvRow } from '../read-csv';
import type { SourceFile } from '../import-types';
import { describeMapping, missingRequired, parseNumber, resolveColumns } from './columns';
import type { ImportContext } from './context';

const fields = (p: string) =>
	({
		usubjid: ['USUBJID'],
		seq: [`${p}SEQ`],
		testcd: [`${p}TESTCD`],
		test: [`${p}TEST`],
		category: [`${p}CAT`],
		value: [`${p}STRESN`],
		text: [`${p}STRESC`, `${p}ORRES`],
		unit: [`${p}STRESU`],
		originalUnit: [`${p}ORRESU`],
		low: [`${p}STNRLO`],
		high: [`${p}STNRHI`],
		nrind: [`${p}NRIND`],
		baselineFlag: [`${p}BLFL`, `${p}LOBXFL`],
		date: [`${p}DTC`],
		visit: ['VISIT'],
		position: [`${p}POS`],
		timepoint: [`${p}TPT`],
		evaluator: [`${p}EVAL`],
		accepted: [`${p}ACPTFL`],
		group: [`${p}GRPID`]
	}) as const;
const REQUIRED = ['usubjid', 'seq', 'testcd'];

/** Units an ECG interval or a rate cannot have: reported, and the standard unit used. */
const WRONG_UNIT: Record<string, RegExp> = { QT: /mmhg/i, QTCF: /mmhg/i, QTCB: /mmhg/i, RR: /mmhg/i, PR: /mmhg/i, QRS: /mmhg/i };

export function readSafety(c: ImportContext, domain: SafetyDomain, file: SourceFile | undefined, subjects: Map<string, Subject>, dmFile: string): SafetyResult[] {
	if (!file) return [];
	const read = readCsv(file);
	c.problems.push(...read.problems);
	if (!read.ok) return [];
	const t = read.table;
	const spec = fields(domain);
	const cols = resolveColumns(t, spec);
	c.mappings.push(describeMapping(t, domain, spec, cols, REQUIRED, ['STUDYID', 'DOMAIN']));
	const missing = missingRequired(t, spec, cols, REQUIRED);
	c.problems.push(...missing);
	if (missing.length) return [];
	const get = rowReader(t);
	const g = (r: CsvRow, col: string | null) => (col ? get(r, col) : '');
	const num = (r: CsvRow, col: string | null, what: string): number | null => {
		const text = g(r, col);
		const n = parseNumber(text);
		if (Number.isNaN(n)) {
			c.err(t.file, r.row, col, `${what} "${text}" is not a number`);
			return null;
		}
		return n;
	};
	const studyIdColumn = t.header.includes('STUDYID');
	const seen = new Map<string, number>();
	const quirks = new Map<string, { count: number; row: number; unit: string }>();
	const out: SafetyResult[] = [];
	for (let i = 0; i < t.rows.length; i++) {
		const r = t.rows[i]!;
		if (i % 10000 === 0) c.options.onProgress?.(`checking ${t.file}`, i, t.rows.length);
		if (studyIdColumn) c.checkStudyId(t.file, r.row, get(r, 'STUDYID'));
		const usubjid = g(r, cols.usubjid);
		if (!subjects.has(usubjid)) {
			c.err(t.file, r.row, cols.usubjid, `subject "${usubjid}" is not in ${dmFile}`);
			continue;
		}
		const seqText = g(r, cols.seq);
		const seq = parseNumber(seqText);
		if (seq === null || !Number.isInteger(seq)) {
			c.err(t.file, r.row, cols.seq, `${domain}SEQ "${seqText}" is not a whole number`);
			continue;
		}
		const key = `${usubjid}\u0000${seq}`;
		if (seen.has(key)) {
			c.err(t.file, r.row, cols.seq, `duplicate key ${usubjid} ${domain}SEQ ${seq} (first at row ${seen.get(key)})`);
			continue;
		}
		seen.set(key, r.row);
		const testcd = g(r, cols.testcd).trim();
		if (!testcd) {
			c.err(t.file, r.row, cols.testcd, `${domain}TESTCD is blank`);
			continue;
		}
		const unit = g(r, cols.unit).trim();
		const original = g(r, cols.originalUnit).trim();
		const quirk = WRONG_UNIT[testcd.toUpperCase()];
		if (domain === 'EG' && quirk && quirk.test(original)) {
			const q = quirks.get(testcd) ?? { count: 0, row: r.row, unit: original };
			q.count++;
			quirks.set(testcd, q);
		}
		const baselineText = g(r, cols.baselineFlag).trim().toUpperCase();
		out.push({
			studyId: c.study.id,
			usubjid,
			domain,
			seq,
			testcd,
			test: g(r, cols.test).trim() || testcd,
			category: g(r, cols.category).trim(),
			value: num(r, cols.value, `${domain}STRESN`),
			text: g(r, cols.text).trim(),
			unit,
			low: num(r, cols.low, `${domain}STNRLO`),
			high: num(r, cols.high, `${domain}STNRHI`),
			nrind: g(r, cols.nrind).trim(),
			baselineFlag: baselineText === 'Y',
			date: c.dateCell(t.file, r.row, cols.date, g(r, cols.date).trim(), false),
			visit: g(r, cols.visit).trim(),
			...(cols.position && g(r, cols.position).trim() ? { position: g(r, cols.position).trim() } : {}),
			...(cols.timepoint && g(r, cols.timepoint).trim() ? { timepoint: g(r, cols.timepoint).trim() } : {}),
			...(cols.evaluator && g(r, cols.evaluator).trim() ? { evaluator: g(r, cols.evaluator).trim() } : {}),
			...(cols.accepted && g(r, cols.accepted).trim().toUpperCase() === 'Y' ? { accepted: true } : {}),
			...(cols.group && g(r, cols.group).trim() ? { group: g(r, cols.group).trim() } : {}),
			source: { file: t.file, row: r.row }
		});
	}
	for (const [testcd, q] of quirks)
		c.warn(
			t.file,
			q.row,
			cols.originalUnit,
			`${q.count} ${testcd} result${q.count === 1 ? '' : 's'} give the original unit "${q.unit}", which an ECG interval cannot have; the standard unit ${domain}STRESU is used`
		);
	return out;
}
