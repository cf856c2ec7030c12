/** DS: the first disposition event that is not a completion (an early end: DLT evaluability), and deaths. */
import { compareDtc } from '../../domain/partial-date';
import type { Subject } from '../../domain/types';
import { readCsv, rowReader, type CsvRow } from '../read-csv';
import type { SourceFile } from '../import-types';
import { describeMapping, missingRequired, resolveColumns } from './columns';
import type { ImportContext } from './context';

export const DS_FIELDS = {
	usubjid: ['USUBJID'],
	decod: ['DSDECOD'],
	term: ['DSTERM'],
	category: ['DSCAT'],
	date: ['DSSTDTC']
} as const;
const DS_REQUIRED = ['usubjid', 'decod', 'date'];
/** Disposition events that are not an early end of the study. */
const NOT_EARLY_END = new Set(['COMPLETED', 'SCREEN FAILURE', 'SCREENING FAILURE', 'ONGOING', 'INFORMED CONSENT OBTAINED', 'RANDOMIZED']);


export function readDs(c: ImportContext, file: SourceFile | undefined, subjects: Map<string, Subject>): void {
	const { problems, mappings, err, dateCell } = c;
	if (file) {
		const dsRead = readCsv(file);
		problems.push(...dsRead.problems);
		if (dsRead.ok) {
			const ds = dsRead.table;
			const dsCols = resolveColumns(ds, DS_FIELDS);
			mappings.push(describeMapping(ds, 'DS', DS_FIELDS, dsCols, DS_REQUIRED, []));
			const dsMissing = missingRequired(ds, DS_FIELDS, dsCols, DS_REQUIRED);
			problems.push(...dsMissing);
			const dsGet = rowReader(ds);
			const g = (r: CsvRow, col: string | null) => (col ? dsGet(r, col) : '');
			if (!dsMissing.length) {
				const dsStudyId = ds.header.includes('STUDYID');
				for (const r of ds.rows) {
					if (dsStudyId) c.checkStudyId(ds.file, r.row, dsGet(r, 'STUDYID'));
					const category = g(r, dsCols.category).toUpperCase();
					if (category && category !== 'DISPOSITION EVENT') continue; // protocol milestones, other events
					const decod = g(r, dsCols.decod);
					if (NOT_EARLY_END.has(decod.toUpperCase())) continue;
					const usubjid = g(r, dsCols.usubjid);
					const subject = subjects.get(usubjid);
					if (!subject) {
						err(ds.file, r.row, dsCols.usubjid, `subject ${usubjid || '(blank)'} is not in DM`);
						continue;
					}
					const date = dateCell(ds.file, r.row, dsCols.date, g(r, dsCols.date), true);
					if (!date) continue;
					// A death in DS: the earliest dated death wins over DM's flag alone.
					if (/^DEATH$/i.test(decod.trim()) && (!subject.death?.date || compareDtc(date, subject.death.date) < 0))
						subject.death = { date, source: 'DS DSDECOD = DEATH' };
					if (subject.discontinued && compareDtc(subject.discontinued.date, date) <= 0) continue;
					subject.discontinued = { date, reason: decod || g(r, dsCols.term) };
					if (subject.status === 'on_treatment') subject.status = 'discontinued';
				}
			}
		}
	}
}
