/**
 * DM (or ADaM ADSL): the subjects, their dose levels (ACTARMCD, else ARMCD), enrolment, and deaths recorded in DM
 * (DTHDTC, DTHFL). For a new study, its title and dose levels come from here.
 */
import { compareNatural } from '../../domain/natural-order';
import type { DoseLevel, Subject } from '../../domain/types';
import { readCsv, rowReader, type CsvRow } from '../read-csv';
import type { SourceFile } from '../import-types';
import { describeMapping, missingRequired, parseNumber, resolveColumns } from './columns';
import type { ImportContext } from './context';

/** Arm codes that mean "no dose level": screen failures and subjects never assigned or treated. */
const NOT_TREATED_ARMS = new Set(['', 'SCRNFAIL', 'NOTASSGN', 'NOTTRT', 'NOT ASSIGNED', 'NOT TREATED']);

/** Accepted columns for each field, first match wins. ADaM names follow the SDTM ones. */
export const DM_FIELDS = {
	usubjid: ['USUBJID'],
	doseLevel: ['ACTARMCD', 'ARMCD', 'TRT01A', 'ARM'],
	plannedDoseLevel: ['ARMCD'],
	doseLevelLabel: ['ACTARM', 'ARM', 'TRT01A'],
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


/** The subjects by USUBJID, and the DM file's name; null when DM cannot be read or lacks a required column. */
export function readDm(c: ImportContext, file: SourceFile): { subjects: Map<string, Subject>; dmFile: string } | null {
	const { problems, mappings, err, dateCell, study, plan, options } = c;
	const dmRead = readCsv(file);
	problems.push(...dmRead.problems);
	if (!dmRead.ok) return null;
	const dm = dmRead.table;
	const dmCols = resolveColumns(dm, DM_FIELDS);
	mappings.push(describeMapping(dm, 'DM', DM_FIELDS, dmCols, DM_REQUIRED, []));
	const dmMissing = missingRequired(dm, DM_FIELDS, dmCols, DM_REQUIRED);
	problems.push(...dmMissing);
	if (dmMissing.length) return null;
	const dmGet = rowReader(dm);
	const get = (r: CsvRow, col: string | null) => (col ? dmGet(r, col) : '');

	const subjects = new Map<string, Subject>();
	const subjectRow = new Map<string, number>();
	const armLabels = new Map<string, string>();
	let studyIdText = '';
	let studyIdRow = 0;
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
		const rowStudyId = get(r, dmCols.studyId);
		if (rowStudyId) {
			if (!studyIdText) {
				studyIdText = rowStudyId;
				studyIdRow = r.row;
			} else if (rowStudyId !== studyIdText) {
				err(dm.file, r.row, dmCols.studyId, `STUDYID "${rowStudyId}" differs from "${studyIdText}" in row ${studyIdRow}: one import holds one study`);
			}
		}
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
	const targetStudyId = options.target?.sdtmStudyId?.trim() ?? '';
	if (targetStudyId && studyIdText && studyIdText.trim().toUpperCase() !== targetStudyId.toUpperCase()) {
		err(dm.file, studyIdRow, dmCols.studyId, `STUDYID "${studyIdText}" is not this study's ("${targetStudyId}"): these files belong to another study, and importing them would replace its data`);
	}
	c.fileStudyId = studyIdText || null;
	if (studyIdText) study.sdtmStudyId = studyIdText;
	if (plan.isNewStudy) {
		study.title = studyIdText || file.name.replace(/\.csv$/i, '');
		study.protocolRef = studyIdText;
		study.doseLevels = [...armLabels.keys()]
			.sort(compareNatural)
			.map((code): DoseLevel => ({ code, label: armLabels.get(code) ?? code, doses: [] }));
	}
	return { subjects, dmFile: dm.file };
}
