import type { AdverseEvent, DoseAdministration, SafetyDomain, SafetyResult, Study, Subject } from '../domain/types';

export interface SourceFile {
	name: string;
	text: string;
	/** Said when the file's encoding was guessed (decode-text.ts); the preview shows it as a warning. */
	encodingWarning?: string | null;
	/** A file that is not CSV (SAS transport, Dataset-JSON) arrives as a table already: upper-case names, text cells. */
	table?: { header: string[]; rows: string[][]; /** The row number of the first row (2 for a CSV made a table, whose header is row 1; else 1). */ firstRow?: number };
	/** What a SAS transport or Dataset-JSON file says of itself, for the preview. */
	dataset?: { format: string; name: string; label: string; columns: { name: string; label: string; type: string }[] };
}

export interface Problem {
	file: string;
	/** Row as a spreadsheet numbers it (header = 1); null when the problem is about the whole file. */
	row: number | null;
	column: string | null;
	severity: 'error' | 'warning';
	message: string;
}

export interface FieldMapping {
	field: string;
	/** The column read, or null when the file has none of the accepted columns. */
	column: string | null;
	required: boolean;
}

export interface ColumnMapping {
	file: string;
	domain: 'DM' | 'EX' | 'AE' | 'DS' | 'LB' | 'VS' | 'EG' | 'IS' | 'RS' | 'TR';
	fields: FieldMapping[];
	/** Columns present in the file that DoseWatch does not read. */
	ignored: string[];
}

export interface ImportCounts {
	subjects: number;
	doses: number;
	aes: number;
	doseLevels: number;
	untreatedSubjects: number;
	/** Subjects with an early discontinuation read from DS. */
	discontinued: number;
	gradeFromSeverity: number;
	partialStartDates: number;
	ongoing: number;
	beforeFirstDose: number;
	/** Lab, vital-sign and ECG results read. */
	safety: Record<SafetyDomain, number>;
}

export interface ImportPlan {
	study: Study;
	isNewStudy: boolean;
	subjects: Subject[];
	doses: DoseAdministration[];
	aes: AdverseEvent[];
	/** Lab, vital-sign and ECG results (LB, VS, EG). */
	safety: SafetyResult[];
	/** The safety domains whose files were given: on a re-import they replace the stored results of that domain. */
	safetyDomains?: SafetyDomain[];
	problems: Problem[];
	mappings: ColumnMapping[];
	counts: ImportCounts;
}

export function hasErrors(problems: Problem[]): boolean {
	return problems.some((p) => p.severity === 'error');
}

/** "ae.csv row 12, AETOXGR: grade "7" is not a CTCAE grade 1–5" */
export function formatProblem(p: Problem): string {
	const where = [p.file, p.row === null ? null : `row ${p.row}`, p.column].filter(Boolean).join(', ');
	return `${where}: ${p.message}`;
}
