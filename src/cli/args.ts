/** Reading the command line and the files it names: every problem is a UsageError (exit 2) naming the flag. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { StudySchema } from '../lib/io/record-schemas';
import type { Study } from '../lib/domain/types';
import * as v from 'valibot';
import { forTerminal } from '../lib/io/visible-text';
import { readDataFile } from '../lib/io/formats/read-data-file';
import { formatProblem, hasErrors, type Problem, type SourceFile } from '../lib/io/import-types';

export class UsageError extends Error {}

/** A delivered file (CSV, SAS transport .xpt, Dataset-JSON .json/.ndjson/.dsjc), read as the app reads it. */
export async function readSource(path: string | undefined, flag: string): Promise<SourceFile | undefined> {
	if (!path) return undefined;
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(readFileSync(path));
	} catch (e) {
		throw new UsageError(`${flag} ${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
	}
	try {
		return await readDataFile(basename(path), bytes);
	} catch (e) {
		throw new UsageError(`${flag} ${(e as Error).message}`);
	}
}

const DOMAIN_FLAGS = ['dm', 'ex', 'ae', 'ds', 'lb', 'vs', 'eg', 'is', 'rs', 'tr'] as const;
type Paths = Partial<Record<(typeof DOMAIN_FLAGS)[number], string | undefined>>;

/** The domain files of a command line, read at once. */
export async function readSources(values: Paths) {
	const [dm, ex, ae, ds, lb, vs, eg, is, rs, tr] = await Promise.all(DOMAIN_FLAGS.map((k) => readSource(values[k], `--${k}`)));
	return { dm: dm!, ex, ae, ds, lb, vs, eg, is, rs, tr };
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

/** When the files have errors: says so on standard error, with the first 50, and returns true (nothing is derived). */
export function refusedForErrors(problems: readonly Problem[]): boolean {
	if (!hasErrors([...problems])) return false;
	process.stderr.write('dosewatch: the files have errors; nothing was derived.\n');
	for (const p of problems.filter((x) => x.severity === 'error').slice(0, 50)) process.stderr.write(forTerminal(`  ERROR ${formatProblem(p)}\n`));
	return true;
}
