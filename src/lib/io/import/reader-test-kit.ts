/** For the readers' table tests: CSV files from rows, and a plan from them. Not used by the app. */
import type { SourceFile } from '../import-types';
import { planImport, type ImportFiles } from './plan-import';

export function csv(name: string, header: string, ...rows: string[]): SourceFile {
	return { name, text: [header, ...rows].join('\n') + '\n' };
}

export const DM_HEADER = 'USUBJID,ARMCD,ACTARMCD,DTHDTC,DTHFL,AGE';
export const dm = (...rows: string[]) => csv('dm.csv', DM_HEADER, ...rows);

export function plan(files: Partial<ImportFiles> & Pick<ImportFiles, 'dm'>) {
	return planImport(files as ImportFiles, { target: null, newStudyId: 'new', now: '2026-01-01T00:00:00Z', who: 'test' });
}

/** The errors as "file row column: message" (warnings, such as a DM-only import's, left out). */
export const problemsOf = (p: ReturnType<typeof plan>) => p.problems.filter((x) => x.severity === 'error').map((x) => `${x.file} ${x.row ?? '-'} ${x.column ?? '-'}: ${x.message}`);
