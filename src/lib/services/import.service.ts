/** Reading chosen files for the import planner, and ids for new studies. */
import type { SourceFile } from '$lib/io/import-types';

export async function readSourceFile(file: File | null | undefined): Promise<SourceFile | undefined> {
	if (!file) return undefined;
	return { name: file.name, text: await file.text() };
}

export function newStudyId(): string {
	return `study-${crypto.randomUUID().slice(0, 8)}`;
}
