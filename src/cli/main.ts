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
import { DLT_RULE_SETS, findRuleSet } from '../lib/presets/dlt-rule-sets';
import { evaluateStudy } from '../lib/domain/dlt/evaluate-study';
import { computeStudyRecommendation, withDoseCodes } from '../lib/domain/escalation/compute-study-recommendation';
import { recommendationAsDecision } from '../lib/domain/meeting';
import { evaluationCsv, evaluationJson, evaluationText } from '../lib/io/evaluation-report';
import { formatProblem } from '../lib/io/import-types';
import { StudySchema } from '../lib/io/record-schemas';
import { parseDtc } from '../lib/domain/partial-date';
import type { Study } from '../lib/domain/types';
import { DEFAULT_DLT_WINDOW } from '../lib/domain/dlt-window';
import * as v from 'valibot';
import { boinTable } from '../lib/domain/escalation/recommend';
import { answerScenario, parseScenario, ScenarioError } from '../lib/io/escalation-scenarios';

const USAGE = `Usage: dosewatch <command> [options]

Commands:
  validate --dm DM.csv [--ex EX.csv] [--ae AE.csv] [--ds DS.csv] [--preset ID] [--format text|json]
      Checks SDTM (or ADaM ADSL/ADAE) files exactly as the app's import preview does and prints the
      problem report. Exit code 1 when there is an error, 0 otherwise.
      --preset checks dose levels and drugs against a study preset (${STUDY_PRESETS.map((p) => p.id).join(', ')}).

  evaluate (--preset ID | --study FILE) --dm DM.csv --ex EX.csv --ae AE.csv [--ds DS.csv] [--as-of YYYY-MM-DD] [--format json|csv|text]
      DLT verdicts per AE, subject and dose level, with TEAE flags, as of a date (default: today).
      --preset: a DLT rule set (${DLT_RULE_SETS.map((s) => s.id).join(', ')}) or a study preset; dose levels are
      the codes found in DM.ACTARMCD (else ARMCD), in natural order (DL2 before DL10).
      --study: a study JSON file (as in a DoseWatch backup); dose levels follow its escalation order.

  recommend --json < scenarios.json
      Reads a JSON array of scenarios on standard input and writes a JSON array of results in the same order.
      A scenario: {"design": "3+3" | "boin", "currentDose": 2, "n": [3, 6, 0], "dlt": [0, 1, 0],
      "deescalation": true, "target": 0.3, "elimination": true, "stopWhenDeescalationImpossible": false}.
      3+3 is the standard design (deescalation true: an MTD is confirmed on 6); false is Storer's variant.
  recommend --design 3+3|boin --current-dose D --n 3,6,0 --dlt 0,1,0 [--storer] [--target 0.3]
            [--no-elimination] [--stop-when-deescalation-impossible]
      One scenario, answered in words.

  boundaries --target 0.3 --max-n 30 [--format json|text]
      The BOIN decision table: escalate when DLTs ≤ escalate, de-escalate when ≥ deescalate, eliminate when
      ≥ eliminate.
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
			ds: { type: 'string' },
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
		{ dm: readSource(values.dm, '--dm')!, ex: readSource(values.ex, '--ex'), ae: readSource(values.ae, '--ae'), ds: readSource(values.ds, '--ds') },
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

function readStudyFile(path: string): Study {
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

function evaluate(args: string[]): number {
	const { values } = parseArgs({
		args,
		options: {
			preset: { type: 'string' },
			study: { type: 'string' },
			dm: { type: 'string' },
			ex: { type: 'string' },
			ae: { type: 'string' },
			ds: { type: 'string' },
			'as-of': { type: 'string' },
			format: { type: 'string', default: 'json' }
		},
		strict: true
	});
	if (Boolean(values.preset) === Boolean(values.study)) throw new UsageError('evaluate needs exactly one of --preset ID or --study FILE');
	if (!values.dm) throw new UsageError('evaluate needs --dm DM.csv');
	if (!['json', 'csv', 'text'].includes(values.format!)) throw new UsageError('--format must be json, csv or text');
	const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
	const parsedAsOf = parseDtc(asOf);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !parsedAsOf.ok) throw new UsageError(`--as-of "${asOf}" is not a YYYY-MM-DD date`);

	let target: Study | null = null;
	let ruleSetId: string;
	// A rule set alone: the study settings a new import gets (window days 1–21 assumed, standard 3+3, 30 days).
	let settings: Pick<Study, 'teaeWindowDays' | 'dltWindow' | 'design'> = {
		teaeWindowDays: 30,
		dltWindow: DEFAULT_DLT_WINDOW,
		design: { kind: '3+3', deescalation: true }
	};
	if (values.study) {
		target = readStudyFile(values.study);
		ruleSetId = target.dltRuleSet;
		settings = target;
	} else {
		const studyPreset = findPreset(values.preset!);
		ruleSetId = studyPreset ? studyPreset.study.dltRuleSet : values.preset!;
		if (studyPreset) settings = studyPreset.study;
	}
	const ruleSet = findRuleSet(ruleSetId);
	if (!ruleSet) {
		const known = [...DLT_RULE_SETS.map((s) => s.id), ...STUDY_PRESETS.map((p) => p.id)];
		throw new UsageError(`unknown DLT rule set or preset "${ruleSetId}" (known: ${[...new Set(known)].join(', ')})`);
	}
	const now = new Date().toISOString();
	const plan = planImport(
		{ dm: readSource(values.dm, '--dm')!, ex: readSource(values.ex, '--ex'), ae: readSource(values.ae, '--ae'), ds: readSource(values.ds, '--ds') },
		{ target, newStudyId: 'evaluate', now, who: 'dosewatch evaluate' }
	);
	if (hasErrors(plan.problems)) {
		process.stderr.write(`dosewatch: the files have errors; nothing was evaluated.\n`);
		for (const p of plan.problems.filter((x) => x.severity === 'error')) process.stderr.write(`  ERROR ${formatProblem(p)}\n`);
		return 1;
	}
	const ev = evaluateStudy({
		study: { doseLevels: plan.study.doseLevels, teaeWindowDays: settings.teaeWindowDays, dltWindow: settings.dltWindow, design: settings.design },
		subjects: plan.subjects,
		doses: plan.doses,
		aes: plan.aes,
		ruleSet,
		asOf
	});
	// The Escalation tab's answer, from the same functions the app uses, in the study's dose codes.
	const rec = computeStudyRecommendation({ doseLevels: plan.study.doseLevels, design: settings.design }, ev);
	const decision = recommendationAsDecision(rec);
	const recommendation = { ...decision, reason: withDoseCodes(decision.reason, rec.codes) };
	if (values.format === 'json') process.stdout.write(JSON.stringify(evaluationJson(ev, values.preset ?? ruleSet.id, recommendation), null, 2) + '\n');
	else if (values.format === 'csv') process.stdout.write(evaluationCsv(ev));
	else process.stdout.write(evaluationText(ev, plan.study.title, recommendation));
	return 0;
}

function readStdin(): string {
	try {
		return readFileSync(0, 'utf8');
	} catch {
		return '';
	}
}

function numberList(text: string | undefined, flag: string): number[] {
	if (!text) throw new UsageError(`recommend needs ${flag} (comma-separated counts, e.g. 3,6,0)`);
	return text.split(',').map((t) => {
		const n = Number(t.trim());
		if (t.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} ${text}: "${t}" is not a number`);
		return n;
	});
}

function recommend(args: string[]): number {
	const { values } = parseArgs({
		args,
		options: {
			json: { type: 'boolean', default: false },
			design: { type: 'string' },
			'current-dose': { type: 'string' },
			n: { type: 'string' },
			dlt: { type: 'string' },
			storer: { type: 'boolean', default: false },
			// The standard 3+3 de-escalates; kept so older command lines still run.
			deescalation: { type: 'boolean', default: true },
			target: { type: 'string' },
			'no-elimination': { type: 'boolean', default: false },
			'stop-when-deescalation-impossible': { type: 'boolean', default: false }
		},
		strict: true
	});
	try {
		if (values.json) {
			let raw: unknown;
			try {
				raw = JSON.parse(readStdin());
			} catch (e) {
				throw new UsageError(`standard input is not JSON (${(e as Error).message})`);
			}
			if (!Array.isArray(raw)) throw new UsageError('standard input must be a JSON array of scenarios');
			const results = raw.map((item, i) => answerScenario(parseScenario(item, `scenario ${i}`), `scenario ${i}`));
			process.stdout.write(JSON.stringify(results, null, 2) + '\n');
			return 0;
		}
		const scenario = parseScenario(
			{
				design: values.design,
				currentDose: Number(values['current-dose']),
				n: numberList(values.n, '--n'),
				dlt: numberList(values.dlt, '--dlt'),
				deescalation: !values.storer,
				...(values.target !== undefined ? { target: Number(values.target) } : {}),
				elimination: !values['no-elimination'],
				stopWhenDeescalationImpossible: values['stop-when-deescalation-impossible']
			},
			'scenario'
		);
		const r = answerScenario(scenario, 'scenario');
		const head = r.continue ? `Next cohort: dose ${r.nextDose}.` : r.mtd ? `Stop. MTD: dose ${r.mtd}.` : 'Stop. No acceptable dose (no MTD).';
		process.stdout.write(`${head}\n${r.reason}\n`);
		return 0;
	} catch (e) {
		if (e instanceof ScenarioError) throw new UsageError(e.message);
		throw e;
	}
}

function boundaries(args: string[]): number {
	const { values } = parseArgs({
		args,
		options: { target: { type: 'string' }, 'max-n': { type: 'string', default: '30' }, format: { type: 'string', default: 'text' } },
		strict: true
	});
	const target = Number(values.target);
	if (values.target === undefined || !(target > 0 && target < 1)) throw new UsageError(`--target ${values.target ?? '(missing)'} must be a number between 0 and 1`);
	const maxN = Number(values['max-n']);
	if (!Number.isInteger(maxN) || maxN < 1 || maxN > 1000) throw new UsageError(`--max-n ${values['max-n']} must be a whole number from 1 to 1000`);
	if (values.format !== 'json' && values.format !== 'text') throw new UsageError('--format must be json or text');
	const rows = boinTable(target, maxN);
	if (values.format === 'json') {
		process.stdout.write(JSON.stringify({ target, rows }, null, 2) + '\n');
		return 0;
	}
	const lines = [`BOIN boundaries for target DLT rate ${target} (φ1 = ${+(0.6 * target).toFixed(4)}, φ2 = ${+(1.4 * target).toFixed(4)})`, '', '  n  escalate if ≤  de-escalate if ≥  eliminate if ≥'];
	for (const r of rows) lines.push(`${String(r.n).padStart(3)}  ${String(r.escalate).padStart(13)}  ${String(r.deescalate).padStart(16)}  ${String(r.eliminate ?? 'NA').padStart(14)}`);
	process.stdout.write(lines.join('\n') + '\n');
	return 0;
}

export function main(argv: string[]): number {
	const [command, ...rest] = argv;
	try {
		switch (command) {
			case 'validate':
				return validate(rest);
			case 'evaluate':
				return evaluate(rest);
			case 'recommend':
				return recommend(rest);
			case 'boundaries':
				return boundaries(rest);
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
			process.stderr.write(`dosewatch: ${(e as Error).message}\nRun "dosewatch help" for the commands and their options.\n`);
			return 2;
		}
		throw e;
	}
}

process.exitCode = main(process.argv.slice(2));
