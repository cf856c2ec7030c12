/**
 * EX: every administration of a study drug (a held dose is an EX row with dose 0), the study's drugs for a new
 * study, and what exposure says about the subjects: never treated, and each level's doses.
 */
import { compareDtc, isCertainlyBefore } from '../../domain/partial-date';
import type { DoseAdministration, Drug, Subject } from '../../domain/types';
import { readCsv, rowReader, type CsvRow } from '../read-csv';
import type { SourceFile } from '../import-types';
import { describeMapping, missingRequired, parseNumber, resolveColumns } from './columns';
import type { ImportContext } from './context';

export const EX_FIELDS = {
	usubjid: ['USUBJID'],
	seq: ['EXSEQ'],
	drug: ['EXTRT'],
	dose: ['EXDOSE'],
	unit: ['EXDOSU'],
	start: ['EXSTDTC'],
	end: ['EXENDTC'],
	visit: ['VISIT']
} as const;
const EX_REQUIRED = ['usubjid', 'seq', 'drug', 'start'];


/** "CYCLE 2 DAY 8", "C2D8", "Cycle 2, Day 8" → { cycle: 2, day: 8 } */
export function parseVisit(visit: string): { cycle: number | null; day: number | null } {
	const m = /C(?:YCLE)?\s*(\d+)\s*,?\s*D(?:AY)?\s*(-?\d+)/i.exec(visit);
	return m ? { cycle: Number(m[1]), day: Number(m[2]) } : { cycle: null, day: null };
}


/** Each subject's dose records (also added to the plan). */
export function readEx(c: ImportContext, file: SourceFile | undefined, subjects: Map<string, Subject>, dmFile: string): Map<string, DoseAdministration[]> {
	const { problems, mappings, err, dateCell, study, plan } = c;
	const dosesBySubject = new Map<string, DoseAdministration[]>();
	if (file) {
		const exRead = readCsv(file);
		problems.push(...exRead.problems);
		if (exRead.ok) {
			const ex = exRead.table;
			const exCols = resolveColumns(ex, EX_FIELDS);
			mappings.push(describeMapping(ex, 'EX', EX_FIELDS, exCols, EX_REQUIRED, []));
			const exMissing = missingRequired(ex, EX_FIELDS, exCols, EX_REQUIRED);
			problems.push(...exMissing);
			const exGet = rowReader(ex);
			const g = (r: CsvRow, col: string | null) => (col ? exGet(r, col) : '');
			const keys = new Map<string, number>();
			const drugs = new Map<string, Drug>(study.drugs.map((d) => [d.code.toUpperCase(), d]));
			for (const d of study.drugs) drugs.set(d.name.toUpperCase(), d);
			const exStudyId = ex.header.includes('STUDYID');
			const exRows = exMissing.length ? [] : ex.rows;
			for (let i = 0; i < exRows.length; i++) {
				const r = exRows[i]!;
				if (i % 5000 === 0) c.options.onProgress?.(`checking ${ex.file}`, i, exRows.length);
				if (exStudyId) c.checkStudyId(ex.file, r.row, exGet(r, 'STUDYID'));
				const usubjid = g(r, exCols.usubjid);
				if (!subjects.has(usubjid)) {
					err(ex.file, r.row, exCols.usubjid, `subject "${usubjid}" is not in ${dmFile}`);
					continue;
				}
				const seqText = g(r, exCols.seq);
				const seq = parseNumber(seqText) ?? NaN;
				if (seqText === '' || !Number.isInteger(seq)) {
					err(ex.file, r.row, exCols.seq, `EXSEQ "${seqText}" is not a whole number`);
					continue;
				}
				const key = `${usubjid}\u0000${seq}`;
				if (keys.has(key)) {
					err(ex.file, r.row, exCols.seq, `duplicate key ${usubjid} EXSEQ ${seq} (first at row ${keys.get(key)})`);
					continue;
				}
				keys.set(key, r.row);
				const drugText = g(r, exCols.drug);
				let drug = drugs.get(drugText.toUpperCase());
				if (!drug) {
					if (drugText === '') {
						err(ex.file, r.row, exCols.drug, 'EXTRT is blank');
						continue;
					}
					if (!plan.isNewStudy) {
						err(ex.file, r.row, exCols.drug, `drug "${drugText}" is not one of this study's drugs (${study.drugs.map((d) => d.code).join(', ')})`);
						continue;
					}
					drug = { code: drugText, name: drugText };
					drugs.set(drugText.toUpperCase(), drug);
					study.drugs.push(drug);
				}
				const doseText = g(r, exCols.dose);
				const dose = parseNumber(doseText);
				if (dose !== null && (Number.isNaN(dose) || dose < 0)) {
					err(ex.file, r.row, exCols.dose, `dose "${doseText}" is not a plain decimal number ≥ 0 (such as 16 or 2.5; not 0x10, 1.6e1 or +16)`);
				}
				const start = dateCell(ex.file, r.row, exCols.start, g(r, exCols.start), true);
				const end = dateCell(ex.file, r.row, exCols.end, g(r, exCols.end), false);
				if (start && end && isCertainlyBefore(end, start)) {
					err(ex.file, r.row, exCols.end, `end ${end} is before start ${start}`);
				}
				if (start === null) continue;
				const visit = parseVisit(g(r, exCols.visit));
				const record: DoseAdministration = {
					studyId: study.id,
					usubjid,
					seq,
					drug: drug.code,
					start,
					end,
					dose: dose === null || Number.isNaN(dose) ? 0 : dose,
					unit: g(r, exCols.unit),
					cycle: visit.cycle,
					day: visit.day,
					source: { file: ex.file, row: r.row }
				};
				plan.doses.push(record);
				const list = dosesBySubject.get(usubjid) ?? [];
				list.push(record);
				dosesBySubject.set(usubjid, list);
			}
		}
	}
	return dosesBySubject;
}

/** A subject assigned but without dose records was never treated; a new study's dose per drug at each level. */
export function applyExposure(c: ImportContext, exGiven: boolean, subjects: Map<string, Subject>, dosesBySubject: Map<string, DoseAdministration[]>): void {
	const { study, plan } = c;
	// A subject assigned to a dose level but without any dose record (when EX was given) was never treated.
	if (exGiven) {
		for (const s of subjects.values()) {
			if (s.status === 'on_treatment' && !dosesBySubject.has(s.usubjid) && !s.refStart) s.status = 'not_treated';
		}
	}
	if (plan.isNewStudy) {
		// A new study's dose per drug at each level: the most common first dose of its subjects.
		for (const level of study.doseLevels) {
			const counts = new Map<string, { drug: string; amount: number; unit: string; n: number }>();
			for (const s of subjects.values()) {
				if (s.doseLevel !== level.code) continue;
				const byDrug = new Map<string, DoseAdministration>();
				for (const d of [...(dosesBySubject.get(s.usubjid) ?? [])].sort((a, b) => compareDtc(a.start, b.start))) {
					if (!byDrug.has(d.drug)) byDrug.set(d.drug, d);
				}
				for (const d of byDrug.values()) {
					const k = `${d.drug}|${d.dose}|${d.unit}`;
					const c = counts.get(k) ?? { drug: d.drug, amount: d.dose, unit: d.unit, n: 0 };
					c.n++;
					counts.set(k, c);
				}
			}
			const best = new Map<string, { drug: string; amount: number; unit: string; n: number }>();
			for (const c of counts.values()) {
				const b = best.get(c.drug);
				if (!b || c.n > b.n) best.set(c.drug, c);
			}
			level.doses = [...best.values()].map(({ drug, amount, unit }) => ({ drug, amount, unit }));
		}
	}
}
