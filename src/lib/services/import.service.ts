/** Reading chosen files for the import planner, and ids for new studies. */
import type { SourceFile } from '$lib/io/import-types';
import { decodeBytes } from '$lib/io/decode-text';

/** A chosen file's text, its encoding found as the command finds it (UTF-8, UTF-16 or Windows-1252 with a warning). */
export async function readSourceFile(file: File | null | undefined): Promise<SourceFile | undefined> {
	if (!file) return undefined;
	const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()), file.name);
	return { name: file.name, text: decoded.text, encodingWarning: decoded.warning };
}

export function newStudyId(): string {
	return `study-${crypto.randomUUID().slice(0, 8)}`;
}
