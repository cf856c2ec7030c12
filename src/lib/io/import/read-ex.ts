/**
 * EX: every administration of a study drug (a held dose is an EX row with dose 0), the study's drugs for a new
 * study, and what exposure says about the subjects: never treated, and each level's doses.
 */
import { isCertainlyBefore } from '../../domain/partial-date';
import type { DoseAdministration, DoseLevel, Drug, Subject } from '../../domain/types';
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
					drug = { code: drugText, name: drugText, ...(PLACEBO.test(drugText) ? { placebo: true } : {}) };
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
				if (doseText.trim() === '' || (dose !== null && dose > 0)) {
					const got = c.received.get(usubjid) ?? new Set<string>();
					got.add(drug.code);
					c.received.set(usubjid, got);
				}
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

/** EXTRT naming a placebo (or vehicle, or sham): recorded as given, never a drug an AE is attributed to. */
export const PLACEBO = /^(placebo|pbo|vehicle|sham)\b|\bplacebo$/i;
/** A dose level named as nothing but a control. */
const CONTROL_NAME = /^\s*(placebo|pbo|vehicle|sham)(\s+control)?\s*$/i;

/**
 * A subject assigned but without dose records was never treated. For a new study: each level's dose per drug (the
 * most common highest dose its subjects received: a titrated level is named by its target dose), control arms
 * (placebo only, or named so), and the escalation order by dose when EX gives amounts (54 mg before 81 mg), with a
 * warning saying what was decided so the study settings can correct it.
 */
export function applyExposure(c: ImportContext, exGiven: boolean, subjects: Map<string, Subject>, dosesBySubject: Map<string, DoseAdministration[]>): void {
	const { study, plan } = c;
	// A subject assigned to a dose level but without any dose record (when EX was given) was never treated.
	if (exGiven) {
		for (const s of subjects.values()) {
			if (s.status === 'on_treatment' && !dosesBySubject.has(s.usubjid) && !s.refStart) s.status = 'not_treated';
		}
	}
	if (!plan.isNewStudy) return;
	const placebo = new Set(study.drugs.filter((d) => d.placebo).map((d) => d.code));
	for (const level of study.doseLevels) {
		const counts = new Map<string, { drug: string; amount: number; unit: string; n: number }>();
		let dosed = 0;
		let activeRows = 0;
		for (const s of subjects.values()) {
			if (s.doseLevel !== level.code) continue;
			const doses = dosesBySubject.get(s.usubjid) ?? [];
			if (doses.length) dosed++;
			activeRows += doses.filter((d) => !placebo.has(d.drug)).length;
			const highest = new Map<string, DoseAdministration>();
			for (const d of doses) {
				const h = highest.get(d.drug);
				if (!h || d.dose > h.dose) highest.set(d.drug, d);
			}
			for (const d of highest.values()) {
				const k = `${d.drug}|${d.dose}|${d.unit}`;
				const x = counts.get(k) ?? { drug: d.drug, amount: d.dose, unit: d.unit, n: 0 };
				x.n++;
				counts.set(k, x);
			}
		}
		const best = new Map<string, { drug: string; amount: number; unit: string; n: number }>();
		for (const x of counts.values()) {
			const b = best.get(x.drug);
			if (!b || x.n > b.n) best.set(x.drug, x);
		}
		level.doses = [...best.values()].map(({ drug, amount, unit }) => ({ drug, amount, unit }));
		// A control arm: its subjects' dose records are all of a placebo (a level whose study-drug doses were all held
		// is still a dose level), or, with no dose records to tell, its whole name is "Placebo". A name that only
		// mentions a placebo ("DL2 + placebo") never makes a level a control: that would take it out of the escalation.
		if ((dosed > 0 && activeRows === 0) || (dosed === 0 && (CONTROL_NAME.test(level.code) || CONTROL_NAME.test(level.label)))) level.control = true;
	}
	orderByDose(c);
}

/** Orders a new study's escalation levels by their doses (drug by drug, in the order the drugs appear), when every level has one. */
function orderByDose(c: ImportContext): void {
	const { study } = c;
	const active = study.drugs.filter((d) => !d.placebo).map((d) => d.code);
	const levels = study.doseLevels.filter((l) => !l.control);
	const controls = study.doseLevels.filter((l) => l.control);
	const exFile = c.plan.mappings.find((m) => m.domain === 'EX')?.file ?? 'EX';
	const key = (l: DoseLevel) => active.map((drug) => l.doses.find((d) => d.drug === drug)?.amount ?? null);
	if (active.length === 0 || levels.length < 2 || levels.some((l) => key(l).every((a) => a === null || a === 0))) {
		if (controls.length) c.warn(exFile, null, null, `control arm, not a level of the escalation: ${controls.map((l) => l.code).join(', ')} (placebo only, or named so). Check it in the study settings`);
		return;
	}
	const before = levels.map((l) => l.code).join(', ');
	const ordered = [...levels].sort((a, b) => {
		const ka = key(a);
		const kb = key(b);
		for (let i = 0; i < ka.length; i++) if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (ka[i] ?? 0) - (kb[i] ?? 0);
		return 0;
	});
	study.doseLevels = [...controls, ...ordered];
	const dose = (l: DoseLevel) => l.doses.filter((d) => active.includes(d.drug)).map((d) => `${d.amount} ${d.unit}`.trim()).join(' + ');
	const after = ordered.map((l) => `${l.code} (${dose(l)})`).join(', ');
	if (ordered.map((l) => l.code).join(', ') === before && !controls.length) return;
	c.warn(exFile, null, null,
		`escalation order from the doses in EX: ${after}${ordered.map((l) => l.code).join(', ') !== before ? ` (the arm codes' own order was ${before})` : ''}${controls.length ? `; control arm, not a level of the escalation: ${controls.map((l) => l.code).join(', ')}` : ''}. Check it in the study settings`);
}
