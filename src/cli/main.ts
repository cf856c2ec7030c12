/**
 * dosewatch: the headless command. Runs the app's own import and domain code on files, for data managers and
 * for validation. Exit codes: 0 fine, 1 the data has errors, 2 the command was used wrongly.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importReportText } from '../lib/io/import-report';
import { hasErrors } from '../lib/io/import-types';
import { planImport } from '../lib/io/plan-import';
import { createStudyFromPreset, findPreset, STUDY_PRESETS } from '../lib/presets/study-presets';

const USAGE = `Usage: dosewatch <command> [options]

Commands:
  validate --dm DM.csv [--ex EX.csv] [--ae AE.csv] [--preset ID] [--format text|json]
      Checks SDTM (or ADaM ADSL/ADAE) files exactly as the app's import preview does and prints the
      problem report. Exit code 1 when there is an error, 0 otherwise.
      --preset checks dose levels and drugs against a study preset (${STUDY_PRESETS.map((p) => p.id).join(', ')}).
`;

class UsageError extends Error {}

function readSource(path: string | undefined, flag: string) {
	if (!path) return undefined;
	try {
		return { name: basename(path), text: readFileSync(path, 'utf8') };
	} catch (e) {
		throw new UsageError(`${flag} ${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
	}
}

function validate(args: string[]): number {
	const { values } = parseArgs({
		args,
		options: {
			dm: { type: 'string' },
			ex: { type: 'string' },
			ae: { type: 'string' },
			preset: { type: 'string' },
			format: { type: 'string', default: 'text' }
		},
		strict: true
	});
	if (!values.dm) throw new UsageError('validate needs --dm DM.csv');
	if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format must be text or json');
	let target = null;
	if (values.preset) {
		const preset = findPreset(values.preset);
		if (!preset) throw new UsageError(`unknown preset "${values.preset}" (known: ${STUDY_PRESETS.map((p) => p.id).join(', ')})`);
		target = createStudyFromPreset(preset, { id: 'validate', now: new Date().toISOString(), isDemo: false });
	}
	const plan = planImport(
		{ dm: readSource(values.dm, '--dm')!, ex: readSource(values.ex, '--ex'), ae: readSource(values.ae, '--ae') },
		{ target, newStudyId: 'validate', now: new Date().toISOString(), who: 'dosewatch validate' }
	);
	if (values.format === 'json') {
		process.stdout.write(
			JSON.stringify({ study: plan.study.title, counts: plan.counts, mappings: plan.mappings, problems: plan.problems }, null, 2) + '\n'
		);
	} else {
		process.stdout.write(importReportText(plan));
	}
	return hasErrors(plan.problems) ? 1 : 0;
}

export function main(argv: string[]): number {
	const [command, ...rest] = argv;
	try {
		switch (command) {
			case 'validate':
				return validate(rest);
			case undefined:
			case 'help':
			case '--help':
			case '-h':
				process.stdout.write(USAGE);
				return command === undefined ? 2 : 0;
			default:
				throw new UsageError(`unknown command "${command}"`);
		}
	} catch (e) {
		if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
			process.stderr.write(`dosewatch: ${(e as Error).message}\n\n${USAGE}`);
			return 2;
		}
		throw e;
	}
}

process.exitCode = main(process.argv.slice(2));
