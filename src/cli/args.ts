/** Reading the command line and the files it names: every problem is a UsageError (exit 2) naming the flag. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { StudySchema } from '../lib/io/record-schemas';
import type { Study } from '../lib/domain/types';
import * as v from 'valibot';
import { forTerminal } from '../lib/io/visible-text';
import { decodeBytes } from '../lib/io/decode-text';

export class UsageError extends Error {}

export function readSource(path: string | undefined, flag: string) {
	if (!path) return undefined;
	try {
		const decoded = decodeBytes(new Uint8Array(readFileSync(path)), basename(path));
		return { name: basename(path), text: decoded.text, encodingWarning: decoded.warning };
	} catch (e) {
		throw new UsageError(`${flag} ${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
	}
}

export function readStudyFile(path: string): Study {
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		throw new UsageError(`--study ${path}: cannot read it as JSON (${(e as Error).message})`);
	}
	const candidate = (raw as { study?: unknown }).study && !(raw as { id?: unknown }).id ? (raw as { study: unknown }).study : raw;
	const r = v.safeParse(StudySchema, candidate);
	if (!r.success) {
		const issue = r.issues[0];
		const where = (issue.path ?? []).map((p) => String(p.key)).join('.');
		throw new UsageError(`--study ${path}: ${where ? `${where}: ` : ''}${issue.message}`);
	}
	return r.output as Study;
}

export function readStdin(): string {
	try {
		return readFileSync(0, 'utf8');
	} catch {
		return '';
	}
}

export function numberList(text: string | undefined, flag: string): number[] {
	if (!text) throw new UsageError(`recommend needs ${flag} (comma-separated counts, e.g. 3,6,0)`);
	return text.split(',').map((t) => {
		const n = Number(t.trim());
		if (t.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} ${text}: "${t}" is not a number`);
		return n;
	});
}

/** Everything the command prints goes through here: text read from files cannot drive the terminal. */
export function out(text: string): void {
	process.stdout.write(forTerminal(text));
}
