/**
 * AE (or ADaM ADAE): adverse events with grade (AETOXGR, else AESEV), grade history, dates, seriousness and its
 * criteria, attribution per drug, MedDRA codes (AEPTCD, AELLTCD), outcome and treatment.
 */
import { computeGrade, isGrade } from '../../domain/compute-grade';
import { computeRelatedness } from '../../domain/compute-relatedness';
import { computeFirstExposure } from '../../domain/first-exposure';
import { compareDtc, isCertainlyBefore, isCompleteDate, parseDtc } from '../../domain/partial-date';
import { SERIOUS_CRITERIA, attributedDrugs, type AdverseEvent, type AttributionRevision, type DoseAdministration, type GradeChange, type Relatedness, type SeriousCriterion, type Subject } from '../../domain/types';
import { readCsv, rowReader, type CsvRow } from '../read-csv';
import type { SourceFile } from '../import-types';
import { describeMapping, missingRequired, parseNumber, resolveColumns } from './columns';
import type { ImportContext } from './context';

export const AE_FIELDS = {
	usubjid: ['USUBJID'],
	aeseq: ['AESEQ'],
	spid: ['AESPID'],
	verbatim: ['AETERM'],
	term: ['AEDECOD'],
	soc: ['AEBODSYS', 'AESOC'],
	ptCode: ['AEPTCD'],
	lltCode: ['AELLTCD'],
	grade: ['AETOXGR', 'ATOXGR'],
	severity: ['AESEV'],
	start: ['AESTDTC', 'ASTDTM', 'ASTDT'],
	end: ['AEENDTC', 'AENDTM', 'AENDT'],
	serious: ['AESER'],
	relatedness: ['AEREL'],
	action: ['AEACN'],
	outcome: ['AEOUT'],
	treated: ['AECONTRT'],
	gradeHistory: ['AEGRHIST'],
	notes: ['AECOMM']
} as const;
const AE_REQUIRED = ['usubjid', 'aeseq', 'verbatim', 'start'];


/**
 * An ADaM date with its imputation flag (admiral's `*DTF`: D = the day was imputed, M = month and day, Y = the
 * whole date) back as the partial date recorded: "2012-02-01" with D is "2012-02". No flag: the date as given.
 */
export function asRecorded(value: string, flag: string): string {
	switch (flag.trim().toUpperCase()) {
		case 'D':
			return value.slice(0, 7);
		case 'M':
			return value.slice(0, 4);
		case 'Y':
			return '';
		default:
			return value;
	}
}

/** AEGRHIST, DoseWatch's column for the grade history: "2@2025-03-02;4@2025-03-05T08:00;2@2025-03-12". */
export function parseGradeHistory(text: string): { ok: true; value: GradeChange[] } | { ok: false; error: string } {
	const value: GradeChange[] = [];
	for (const part of text.split(';').map((s) => s.trim()).filter(Boolean)) {
		const [g, d] = part.split('@').map((s) => s.trim());
		const grade = Number(g);
		if (!isGrade(grade)) return { ok: false, error: `"${part}": grade "${g}" is not 1–5 (write grade@date; …)` };
		const date = parseDtc(d ?? '');
		if (!d || !date.ok || date.value.day === null)
			return { ok: false, error: `"${part}": "${d ?? ''}" is not a complete date (write grade@YYYY-MM-DD; …)` };
		value.push({ grade, from: d });
	}
	for (let i = 1; i < value.length; i++) {
		if (compareDtc(value[i]!.from, value[i - 1]!.from) < 0)
			return { ok: false, error: `grade changes are not in time order (${value[i]!.from} after ${value[i - 1]!.from})` };
	}
	return { ok: true, value };
}


export function readAe(c: ImportContext, file: SourceFile | undefined, subjects: Map<string, Subject>, dosesBySubject: Map<string, DoseAdministration[]>, dmFile: string): void {
	const { problems, mappings, err, dateCell, study, plan, options } = c;
	if (file && plan.isNewStudy && study.drugs.length === 0) {
		// Without EX the drugs are unknown; one placeholder keeps AEREL rather than dropping it.
		study.drugs.push({ code: 'STUDY DRUG', name: 'Study drug (not named in the files)' });
	}
	if (file) {
		const aeRead = readCsv(file);
		problems.push(...aeRead.problems);
		if (aeRead.ok) {
			const ae = aeRead.table;
			const aeCols = resolveColumns(ae, AE_FIELDS);
			// Per-drug attribution: AEREL_<drug code>, or AEREL1, AEREL2 … for the study's drugs in order.
			const perDrugColumn = new Map<string, string>();
			attributedDrugs(study).forEach((d, i) => {
				const named = `AEREL_${d.code.toUpperCase()}`;
				if (ae.header.includes(named)) perDrugColumn.set(d.code, named);
				else if (ae.header.includes(`AEREL${i + 1}`)) perDrugColumn.set(d.code, `AEREL${i + 1}`);
			});
			const seriousColumns = SERIOUS_CRITERIA.map((c) => c.code).filter((c) => ae.header.includes(c));
			mappings.push(
				describeMapping(ae, 'AE', AE_FIELDS, aeCols, AE_REQUIRED, [...perDrugColumn.values(), ...seriousColumns])
			);
			for (const [drug, column] of perDrugColumn) {
				mappings.at(-1)!.fields.push({ field: `relatedness to ${drug}`, column, required: false });
			}
			const aeMissing = missingRequired(ae, AE_FIELDS, aeCols, AE_REQUIRED);
			problems.push(...aeMissing);
			const aeGet = rowReader(ae);
			const g = (r: CsvRow, col: string | null) => (col ? aeGet(r, col) : '');
			const keys = new Map<string, number>();
			const firstDose = new Map<string, string | null>();
			for (const s of subjects.values()) firstDose.set(s.usubjid, computeFirstExposure(s, dosesBySubject.get(s.usubjid) ?? []));
			// The drugs each subject received, when EX gives the subject's doses (read-ex).
			const receivedBy = new Map<string, Set<string>>();
			for (const u of dosesBySubject.keys()) receivedBy.set(u, c.received.get(u) ?? new Set());
			let placeboAttributions = 0;

			const aeStudyId = ae.header.includes('STUDYID');
			// ADaM's ASTDT/AENDT are imputed; their flags (ASTDTF, AENDTF) say which parts were, so the date as recorded
			// is read back: a verdict must not be decided on a day an imputation chose.
			const startFlag = aeCols.start?.startsWith('AST') && ae.header.includes('ASTDTF') ? 'ASTDTF' : null;
			const endFlag = aeCols.end?.startsWith('AEN') && ae.header.includes('AENDTF') ? 'AENDTF' : null;
			const aeRows = aeMissing.length ? [] : ae.rows;
			for (let i = 0; i < aeRows.length; i++) {
				const r = aeRows[i]!;
				if (i % 5000 === 0) options.onProgress?.(`checking ${ae.file}`, i, aeRows.length);
				if (aeStudyId) c.checkStudyId(ae.file, r.row, aeGet(r, 'STUDYID'));
				const usubjid = g(r, aeCols.usubjid);
				if (!subjects.has(usubjid)) {
					err(ae.file, r.row, aeCols.usubjid, `subject "${usubjid}" is not in ${dmFile}`);
					continue;
				}
				const seqText = g(r, aeCols.aeseq);
				const aeseq = parseNumber(seqText) ?? NaN;
				if (seqText === '' || !Number.isInteger(aeseq)) {
					err(ae.file, r.row, aeCols.aeseq, `AESEQ "${seqText}" is not a whole number`);
					continue;
				}
				const key = `${usubjid}\u0000${aeseq}`;
				if (keys.has(key)) {
					err(ae.file, r.row, aeCols.aeseq, `duplicate key ${usubjid} AESEQ ${aeseq} (first at row ${keys.get(key)})`);
					continue;
				}
				keys.set(key, r.row);
				const verbatim = g(r, aeCols.verbatim);
				const term = g(r, aeCols.term) || verbatim;
				if (term === '') err(ae.file, r.row, aeCols.verbatim, 'both AETERM and AEDECOD are blank');

				const grade = computeGrade(g(r, aeCols.grade), g(r, aeCols.severity));
				if (!grade.ok) err(ae.file, r.row, grade.column, grade.error);
				const start = dateCell(ae.file, r.row, aeCols.start, asRecorded(g(r, aeCols.start), startFlag ? aeGet(r, startFlag) : ''), false);
				const end = dateCell(ae.file, r.row, aeCols.end, asRecorded(g(r, aeCols.end), endFlag ? aeGet(r, endFlag) : ''), false);
				if (start && end && isCertainlyBefore(end, start)) {
					err(ae.file, r.row, aeCols.end, `end ${end} is before start ${start}`);
				}
				const seriousText = g(r, aeCols.serious).toUpperCase();
				if (!['', 'Y', 'N'].includes(seriousText)) err(ae.file, r.row, aeCols.serious, `AESER "${seriousText}" is not Y or N`);
				const treatedText = g(r, aeCols.treated).toUpperCase();
				if (!['', 'Y', 'N'].includes(treatedText))
					err(ae.file, r.row, aeCols.treated, `AECONTRT "${treatedText}" is not Y or N`);
				const criteria: SeriousCriterion[] = [];
				for (const c of seriousColumns) {
					const v = aeGet(r, c).toUpperCase();
					if (v === 'Y') criteria.push(c as SeriousCriterion);
					else if (!['', 'N'].includes(v)) err(ae.file, r.row, c, `${c} "${v}" is not Y or N`);
				}

				const attribution: Record<string, Relatedness | null> = {};
				const attributionHistory: AttributionRevision[] = [];
				const commonText = g(r, aeCols.relatedness);
				// An AE is attributed only to drugs the subject received: a placebo subject's AE is related to no drug.
				const received = receivedBy.get(usubjid);
				const drugsHere = received ? attributedDrugs(study).filter((d) => received.has(d.code)) : attributedDrugs(study);
				if (received && drugsHere.length === 0 && commonText !== '') placeboAttributions++;
				for (const d of drugsHere) {
					const column = perDrugColumn.get(d.code) ?? aeCols.relatedness;
					const text = column ? aeGet(r, column) : '';
					const rel = computeRelatedness(column === aeCols.relatedness ? commonText : text);
					if (!rel.ok) {
						err(ae.file, r.row, column, rel.error);
						continue;
					}
					attribution[d.code] = rel.value;
					if (text !== '') {
						attributionHistory.push({
							drug: d.code,
							at: options.now,
							by: options.who,
							from: null,
							to: rel.value,
							recorded: text,
							reason: `Imported from ${ae.file} row ${r.row}`
						});
					}
				}

				let gradeHistory: GradeChange[] = [];
				const histText = g(r, aeCols.gradeHistory);
				if (histText !== '') {
					const h = parseGradeHistory(histText);
					if (!h.ok) err(ae.file, r.row, aeCols.gradeHistory, h.error);
					else {
						gradeHistory = h.value;
						const worst = Math.max(...gradeHistory.map((c) => c.grade));
						if (grade.ok && grade.grade !== null && worst !== grade.grade)
							err(ae.file, r.row, aeCols.gradeHistory, `the worst grade in the history (${worst}) differs from AETOXGR (${grade.grade})`);
						if (start && gradeHistory[0] && isCompleteDate(start) && compareDtc(gradeHistory[0].from.slice(0, 10), start.slice(0, 10)) < 0)
							err(ae.file, r.row, aeCols.gradeHistory, `the first grade change ${gradeHistory[0].from} is before the AE start ${start}`);
					}
				} else if (grade.ok && grade.grade !== null && start && isCompleteDate(start)) {
					gradeHistory = [{ grade: grade.grade, from: start }];
				}

				const event: AdverseEvent = {
					studyId: study.id,
					usubjid,
					aeseq,
					spid: g(r, aeCols.spid) || null,
					verbatim: verbatim || term,
					term,
					soc: g(r, aeCols.soc),
					ptCode: g(r, aeCols.ptCode) || null,
					lltCode: g(r, aeCols.lltCode) || null,
					grade: grade.ok ? grade.grade : null,
					gradeDerived: grade.ok && grade.derived,
					gradeHistory,
					start,
					end,
					serious: seriousText === 'Y' ? true : seriousText === 'N' ? false : null,
					seriousCriteria: criteria,
					attribution,
					attributionHistory,
					action: g(r, aeCols.action),
					outcome: g(r, aeCols.outcome),
					treated: treatedText === 'Y' ? true : treatedText === 'N' ? false : null,
					notes: g(r, aeCols.notes),
					rev: 1,
					source: { file: ae.file, row: r.row }
				};
				plan.aes.push(event);
				if (event.gradeDerived) plan.counts.gradeFromSeverity++;
				if (start && !isCompleteDate(start)) plan.counts.partialStartDates++;
				if (!end) plan.counts.ongoing++;
				const fd = firstDose.get(usubjid);
				if (fd && start && isCertainlyBefore(start, fd)) plan.counts.beforeFirstDose++;
			}
			if (placeboAttributions)
				c.warn(ae.file, null, aeCols.relatedness, `${placeboAttributions} AE${placeboAttributions === 1 ? '' : 's'} of subjects who received no study drug (placebo only) carry a relatedness: placebo is not a drug, so they are attributed to none`);
		}
	}
}
