/** What every domain reader shares while an import is planned: the plan, its study, and how problems are recorded. */
import { parseDtc } from '../../domain/partial-date';
import type { Study } from '../../domain/types';
import type { ImportPlan, Problem } from '../import-types';

export interface ImportOptions {
	/** Import into this study (its dose levels and drugs must match the data), or null to make a new study. */
	target: Study | null;
	/** Id for the new study when target is null. */
	newStudyId: string;
	/** Time stamp written on imported attribution history. */
	now: string;
	/** Who imports, for the attribution history. */
	who: string;
	/** Told every few thousand rows, so a long import can show progress (from a worker). */
	onProgress?: ((stage: string, done: number, total: number) => void) | undefined;
}

export interface ImportContext {
	plan: ImportPlan;
	study: Study;
	options: ImportOptions;
	problems: Problem[];
	mappings: ImportPlan['mappings'];
	err: (file: string, row: number | null, column: string | null, message: string) => void;
	warn: (file: string, row: number | null, column: string | null, message: string) => void;
	/** The drugs each subject received (EX rows with a dose above zero, or with no dose recorded), when EX was read. */
	received: Map<string, Set<string>>;
	/** STUDYID as DM gives it (null when DM has no STUDYID column or it is blank); other files are held to it. */
	fileStudyId: string | null;
	/** Refuses a row whose STUDYID differs from DM's. */
	checkStudyId: (file: string, row: number, value: string) => void;
	/** Validates a date cell; returns the value to keep (null for blank or invalid). */
	dateCell: (file: string, row: number, column: string | null, text: string, required: boolean) => string | null;
}

export function createImportContext(plan: ImportPlan, options: ImportOptions): ImportContext {
	const { problems } = plan;
	const err = (file: string, row: number | null, column: string | null, message: string) => problems.push({ file, row, column, severity: 'error', message });
	const warn = (file: string, row: number | null, column: string | null, message: string) => problems.push({ file, row, column, severity: 'warning', message });
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
	const c: ImportContext = {
		plan,
		study: plan.study,
		options,
		problems,
		mappings: plan.mappings,
		err,
		warn,
		dateCell,
		fileStudyId: null,
		received: new Map(),
		checkStudyId: (file, row, value) => {
			if (value && c.fileStudyId && value !== c.fileStudyId) err(file, row, 'STUDYID', `STUDYID "${value}" is not the study in DM ("${c.fileStudyId}")`);
		}
	};
	return c;
}
