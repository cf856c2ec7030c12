/**
 * Turns SDTM DM, EX and AE CSV files (or ADaM ADSL and ADAE, whose columns overlap) into DoseWatch records and
 * a problem report. Pure: nothing is written here. The app shows the plan as a preview and writes it in one
 * transaction only when it has no errors and the user confirms; the headless `dosewatch validate` prints the
 * same report.
 */
import { computeGrade, isGrade } from '../domain/compute-grade';
import { computeRelatedness } from '../domain/compute-relatedness';
import { computeFirstExposure } from '../domain/first-exposure';
import { DEFAULT_DLT_WINDOW } from '../domain/dlt-window';
import { compareNatural } from '../domain/natural-order';
import { compareDtc, isCertainlyBefore, isCompleteDate, parseDtc } from '../domain/partial-date';
import {
	SERIOUS_CRITERIA,
	type AdverseEvent,
	type AttributionRevision,
	type DoseAdministration,
	type DoseLevel,
	type Drug,
	type GradeChange,
	type Relatedness,
	type SeriousCriterion,
	type Study,
	type Subject
} from '../domain/types';
import { readCsv, rowReader, type CsvRow, type CsvTable } from './read-csv';
import type { ColumnMapping, FieldMapping, ImportPlan, Problem, SourceFile } from './import-types';

export interface ImportFiles {
	dm: SourceFile;
	ex?: SourceFile | undefined;
	ae?: SourceFile | undefined;
	/** Disposition: early discontinuations (optional). */
	ds?: SourceFile | undefined;
}

export interface ImportOptions {
	/** Import into this study (its dose levels and drugs must match the data), or null to make a new study. */
	target: Study | null;
	/** Id for the new study when target is null. */
	newStudyId: string;
	/** Time stamp written on imported attribution history. */
	now: string;
	/** Who imports, for the attribution history. */
	who: string;
}

/** Arm codes that mean "no dose level": screen failures and subjects never assigned or treated. */
const NOT_TREATED_ARMS = new Set(['', 'SCRNFAIL', 'NOTASSGN', 'NOTTRT', 'NOT ASSIGNED', 'NOT TREATED']);

/** Accepted columns for each field, first match wins. ADaM names follow the SDTM ones. */
const DM_FIELDS = {
	usubjid: ['USUBJID'],
	doseLevel: ['ACTARMCD', 'ARMCD'],
	plannedDoseLevel: ['ARMCD'],
	doseLevelLabel: ['ACTARM', 'ARM'],
	site: ['SITEID'],
	sex: ['SEX'],
	age: ['AGE'],
	enrolled: ['RFICDTC'],
	referenceStart: ['RFSTDTC'],
	refStart: ['TRTSDTM', 'TRTSDT'],
	deathDate: ['DTHDTC', 'DTHDT'],
	deathFlag: ['DTHFL'],
	studyId: ['STUDYID']
} as const;
const DM_REQUIRED = ['usubjid', 'doseLevel'];

const EX_FIELDS = {
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

const DS_FIELDS = {
	usubjid: ['USUBJID'],
	decod: ['DSDECOD'],
	term: ['DSTERM'],
	category: ['DSCAT'],
	date: ['DSSTDTC']
} as const;
const DS_REQUIRED = ['usubjid', 'decod', 'date'];
/** Disposition events that are not an early end of the study. */
const NOT_EARLY_END = new Set(['COMPLETED', 'SCREEN FAILURE', 'SCREENING FAILURE', 'ONGOING', 'INFORMED CONSENT OBTAINED', 'RANDOMIZED']);

const AE_FIELDS = {
	usubjid: ['USUBJID'],
	aeseq: ['AESEQ'],
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

type FieldSpec = Record<string, readonly string[]>;
type Resolved<F extends FieldSpec> = Record<keyof F, string | null>;

function resolveColumns<F extends FieldSpec>(table: CsvTable, fields: F): Resolved<F> {
	const present = new Set(table.header);
	const out = {} as Resolved<F>;
	for (const key of Object.keys(fields) as (keyof F)[]) {
		out[key] = fields[key]!.find((c) => present.has(c)) ?? null;
	}
	return out;
}

function describeMapping<F extends FieldSpec>(
	table: CsvTable,
	domain: ColumnMapping['domain'],
	fields: F,
	resolved: Resolved<F>,
	required: string[],
	extraRead: string[]
): ColumnMapping {
	const used = new Set<string>([...(Object.values(resolved).filter(Boolean) as string[]), ...extraRead]);
	const mapped: FieldMapping[] = (Object.keys(fields) as string[]).map((field) => ({
		field,
		column: resolved[field as keyof F],
		required: required.includes(field)
	}));
	return { file: table.file, domain, fields: mapped, ignored: table.header.filter((h) => !used.has(h)) };
}

function missingRequired<F extends FieldSpec>(
	table: CsvTable,
	fields: F,
	resolved: Resolved<F>,
	required: string[]
): Problem[] {
	return required
		.filter((f) => resolved[f as keyof F] === null)
		.map((f) => ({
			file: table.file,
			row: 1,
			column: fields[f as keyof F]!.join(' or '),
			severity: 'error' as const,
			message: `required column ${fields[f as keyof F]!.join(' or ')} is missing`
		}));
}

function emptyStudy(id: string, now: string): Study {
	return {
		id,
		title: 'Imported study',
		protocolRef: '',
		presetId: null,
		drugs: [],
		doseLevels: [],
		schedule: {
			cycleLengthDays: 21,
			dosingDays: [1],
			maxCycles: null,
			phases: [],
			description: 'Not given in the imported files; set it in the study settings.'
		},
		dltWindow: { ...DEFAULT_DLT_WINDOW },
		design: { kind: '3+3', deescalation: true },
		dltRuleSet: 'generic',
		teaeWindowDays: 30,
		dataCutoff: null,
		isDemo: false,
		createdAt: now
	};
}

/** "CYCLE 2 DAY 8", "C2D8", "Cycle 2, Day 8" → { cycle: 2, day: 8 } */
function parseVisit(visit: string): { cycle: number | null; day: number | null } {
	const m = /C(?:YCLE)?\s*(\d+)\s*,?\s*D(?:AY)?\s*(-?\d+)/i.exec(visit);
	return m ? { cycle: Number(m[1]), day: Number(m[2]) } : { cycle: null, day: null };
}

function parseNumber(text: string): number | null {
	if (text.trim() === '') return null;
	const n = Number(text);
	return Number.isFinite(n) ? n : NaN;
}

/** AEGRHIST, DoseWatch's column for the grade history: "2@2025-03-02;4@2025-03-05T08:00;2@2025-03-12". */
function parseGradeHistory(text: string): { ok: true; value: GradeChange[] } | { ok: false; error: string } {
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

export function planImport(files: ImportFiles, options: ImportOptions): ImportPlan {
	const problems: Problem[] = [];
	const mappings: ColumnMapping[] = [];
	const study: Study = options.target ? structuredClone(options.target) : emptyStudy(options.newStudyId, options.now);
	const plan: ImportPlan = {
		study,
		isNewStudy: options.target === null,
		subjects: [],
		doses: [],
		aes: [],
		problems,
		mappings,
		counts: {
			subjects: 0,
			doses: 0,
			aes: 0,
			doseLevels: 0,
			untreatedSubjects: 0,
			discontinued: 0,
			gradeFromSeverity: 0,
			partialStartDates: 0,
			ongoing: 0,
			beforeFirstDose: 0
		}
	};
	const err = (file: string, row: number | null, column: string | null, message: string) =>
		problems.push({ file, row, column, severity: 'error', message });
	const warn = (file: string, row: number | null, column: string | null, message: string) =>
		problems.push({ file, row, column, severity: 'warning', message });

	/** Validates a date cell; returns the value to keep (null for blank or invalid). */
	const dateCell = (file: string, row: number, column: string | null, text: string, required: boolean) => {
		if (!column) return null;
		if (text === '') {
			if (required) err(file, row, column, 'the date is blank');
			return null;
		}
		const p = parseDtc(text);
		if (!p.ok) {
			err(file, row, column, p.error);
			return null;
		}
		return text;
	};

	// ---- DM ----
	const dmRead = readCsv(files.dm);
	problems.push(...dmRead.problems);
	if (!dmRead.ok) return plan;
	const dm = dmRead.table;
	const dmCols = resolveColumns(dm, DM_FIELDS);
	mappings.push(describeMapping(dm, 'DM', DM_FIELDS, dmCols, DM_REQUIRED, []));
	const dmMissing = missingRequired(dm, DM_FIELDS, dmCols, DM_REQUIRED);
	problems.push(...dmMissing);
	if (dmMissing.length) return plan;
	const dmGet = rowReader(dm);
	const get = (r: CsvRow, col: string | null) => (col ? dmGet(r, col) : '');

	const subjects = new Map<string, Subject>();
	const subjectRow = new Map<string, number>();
	const armLabels = new Map<string, string>();
	let studyIdText = '';
	for (const r of dm.rows) {
		const usubjid = get(r, dmCols.usubjid);
		if (usubjid === '') {
			err(dm.file, r.row, dmCols.usubjid, 'USUBJID is blank');
			continue;
		}
		if (subjects.has(usubjid)) {
			err(dm.file, r.row, dmCols.usubjid, `duplicate subject ${usubjid} (first at row ${subjectRow.get(usubjid)})`);
			continue;
		}
		studyIdText ||= get(r, dmCols.studyId);
		const actual = get(r, dmCols.doseLevel);
		const planned = get(r, dmCols.plannedDoseLevel);
		const screenFailure = actual.toUpperCase() === 'SCRNFAIL' || planned.toUpperCase() === 'SCRNFAIL';
		// Assigned but never treated: keep the planned level, so the dose level counts them as enrolled, not evaluable.
		const neverTreated = NOT_TREATED_ARMS.has(actual.toUpperCase());
		const arm = neverTreated && !screenFailure && !NOT_TREATED_ARMS.has(planned.toUpperCase()) ? planned : actual;
		const notTreated = NOT_TREATED_ARMS.has(arm.toUpperCase());
		if (!notTreated && options.target && !options.target.doseLevels.some((d) => d.code === arm)) {
			err(
				dm.file,
				r.row,
				dmCols.doseLevel,
				`dose level "${arm}" is not one of this study's dose levels (${options.target.doseLevels.map((d) => d.code).join(', ')})`
			);
		}
		if (!notTreated && !armLabels.has(arm)) armLabels.set(arm, get(r, dmCols.doseLevelLabel) || arm);
		const ageText = get(r, dmCols.age);
		const age = parseNumber(ageText);
		if (age !== null && (Number.isNaN(age) || age < 0 || age > 120)) {
			err(dm.file, r.row, dmCols.age, `age "${ageText}" is not a number of years 0–120`);
		}
		const sex = get(r, dmCols.sex).toUpperCase();
		// Consent date when recorded, else the reference start: many exports leave RFICDTC blank.
		const enrolled =
			dateCell(dm.file, r.row, dmCols.enrolled, get(r, dmCols.enrolled), false) ??
			dateCell(dm.file, r.row, dmCols.referenceStart, get(r, dmCols.referenceStart), false);
		const refStart = dateCell(dm.file, r.row, dmCols.refStart, get(r, dmCols.refStart), false);
		const deathDate = dateCell(dm.file, r.row, dmCols.deathDate, get(r, dmCols.deathDate), false);
		const deathFlag = get(r, dmCols.deathFlag).toUpperCase() === 'Y';
		const death = deathDate || deathFlag ? { date: deathDate, source: deathDate ? `DM ${dmCols.deathDate}` : `DM ${dmCols.deathFlag} = Y` } : null;
		subjects.set(usubjid, {
			studyId: study.id,
			usubjid,
			doseLevel: notTreated ? null : arm,
			site: get(r, dmCols.site),
			sex: sex === 'F' || sex === 'M' || sex === 'U' ? sex : '',
			age: age === null || Number.isNaN(age) ? null : age,
			enrolled,
			status: screenFailure ? 'screen_failure' : notTreated || neverTreated ? 'not_treated' : 'on_treatment',
			refStart,
			death,
			source: { file: dm.file, row: r.row }
		});
		subjectRow.set(usubjid, r.row);
	}
	if (plan.isNewStudy) {
		study.title = studyIdText || files.dm.name.replace(/\.csv$/i, '');
		study.protocolRef = studyIdText;
		study.doseLevels = [...armLabels.keys()]
			.sort(compareNatural)
			.map((code): DoseLevel => ({ code, label: armLabels.get(code) ?? code, doses: [] }));
	}

	// ---- EX ----
	const dosesBySubject = new Map<string, DoseAdministration[]>();
	if (files.ex) {
		const exRead = readCsv(files.ex);
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
			for (const r of exMissing.length ? [] : ex.rows) {
				const usubjid = g(r, exCols.usubjid);
				if (!subjects.has(usubjid)) {
					err(ex.file, r.row, exCols.usubjid, `subject "${usubjid}" is not in ${dm.file}`);
					continue;
				}
				const seqText = g(r, exCols.seq);
				const seq = Number(seqText);
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
					err(ex.file, r.row, exCols.dose, `dose "${doseText}" is not a number ≥ 0`);
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

	// A subject assigned to a dose level but without any dose record (when EX was given) was never treated.
	if (files.ex) {
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

	// ---- DS: early discontinuation (the first disposition event that is not a completion) ----
	if (files.ds) {
		const dsRead = readCsv(files.ds);
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
				for (const r of ds.rows) {
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

	// ---- AE ----
	if (files.ae && plan.isNewStudy && study.drugs.length === 0) {
		// Without EX the drugs are unknown; one placeholder keeps AEREL rather than dropping it.
		study.drugs.push({ code: 'STUDY DRUG', name: 'Study drug (not named in the files)' });
	}
	if (files.ae) {
		const aeRead = readCsv(files.ae);
		problems.push(...aeRead.problems);
		if (aeRead.ok) {
			const ae = aeRead.table;
			const aeCols = resolveColumns(ae, AE_FIELDS);
			// Per-drug attribution: AEREL_<drug code>, or AEREL1, AEREL2 … for the study's drugs in order.
			const perDrugColumn = new Map<string, string>();
			study.drugs.forEach((d, i) => {
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

			for (const r of aeMissing.length ? [] : ae.rows) {
				const usubjid = g(r, aeCols.usubjid);
				if (!subjects.has(usubjid)) {
					err(ae.file, r.row, aeCols.usubjid, `subject "${usubjid}" is not in ${dm.file}`);
					continue;
				}
				const seqText = g(r, aeCols.aeseq);
				const aeseq = Number(seqText);
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
				const start = dateCell(ae.file, r.row, aeCols.start, g(r, aeCols.start), false);
				const end = dateCell(ae.file, r.row, aeCols.end, g(r, aeCols.end), false);
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
				for (const d of study.drugs) {
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
		}
	}

	plan.subjects = [...subjects.values()];
	if (plan.isNewStudy && study.drugs.length === 0) {
		warn(files.dm.name, null, null, 'no dose records (EX) were given: the study has no drugs and subjects have no day 1');
	}
	plan.counts.subjects = plan.subjects.length;
	plan.counts.doses = plan.doses.length;
	plan.counts.aes = plan.aes.length;
	plan.counts.doseLevels = study.doseLevels.length;
	plan.counts.untreatedSubjects = plan.subjects.filter((s) => s.doseLevel === null || s.status === 'not_treated').length;
	plan.counts.discontinued = plan.subjects.filter((s) => s.discontinued).length;
	return plan;
}
