/** `dosewatch evaluate`: DLT verdicts, standings and the Escalation tab's recommendation, from the app's own reader and engine. */
import { forTerminal } from '../../lib/io/visible-text';
import { parseArgs } from 'node:util';
import { hasErrors } from '../../lib/io/import-types';
import { planImport } from '../../lib/io/import/plan-import';
import { findPreset, STUDY_PRESETS } from '../../lib/presets/study-presets';
import { checkRuleSet, DLT_RULE_SETS, findRuleSet } from '../../lib/presets/dlt-rule-sets';
import { evaluateStudy } from '../../lib/domain/dlt/evaluate-study';
import { computeStudyRecommendation } from '../../lib/domain/escalation/compute-study-recommendation';
import { recommendationAsDecision } from '../../lib/domain/meeting';
import { evaluationCsv, evaluationJson, evaluationText } from '../../lib/io/evaluation-report';
import { formatProblem } from '../../lib/io/import-types';
import { parseDtc } from '../../lib/domain/partial-date';
import type { Study } from '../../lib/domain/types';
import { DEFAULT_DLT_WINDOW } from '../../lib/domain/dlt-window';
import { UsageError, readSources, readStudyFile, out } from '../args';
import { readFileSync } from 'node:fs';
import { studyLabs } from '../../lib/domain/labs/study-labs';
import { CTCAE_LAB_GRADING } from '../../lib/presets/lab-grading';
import type { DltRuleSet } from '../../lib/domain/dlt/rule-types';

/**
 * Rule set versions from JSON files (one rule set, or an array of them), newest first: the latest effective date,
 * then the highest version. Each is checked as the app checks an edited rule set.
 */
function readRuleSetFiles(paths: string[]): DltRuleSet[] {
	const sets: DltRuleSet[] = [];
	for (const path of paths) {
		let raw: unknown;
		try {
			raw = JSON.parse(readFileSync(path, 'utf8'));
		} catch (e) {
			throw new UsageError(`--rules ${path}: ${(e as Error).message}`);
		}
		for (const [i, item] of (Array.isArray(raw) ? raw : [raw]).entries()) {
			const checked = checkRuleSet(item);
			if (!checked.ok) throw new UsageError(`--rules ${path}${Array.isArray(raw) ? ` (rule set ${i + 1})` : ''}: ${checked.error}`);
			sets.push(checked.ruleSet);
		}
	}
	return sets.sort((a, b) => (b.effectiveFrom ?? '').localeCompare(a.effectiveFrom ?? '') || b.version - a.version);
}

export async function evaluate(args: string[]): Promise<number> {
	const { values } = parseArgs({
		args,
		options: {
			preset: { type: 'string' },
			study: { type: 'string' },
			dm: { type: 'string' },
			ex: { type: 'string' },
			ae: { type: 'string' },
			ds: { type: 'string' },
			lb: { type: 'string' },
			'as-of': { type: 'string' },
			rules: { type: 'string', multiple: true },
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
	// --rules: the study's own rule set versions (as the DLT page downloads them), in place of the preset's.
	const versions = values.rules?.length ? readRuleSetFiles(values.rules) : null;
	const ruleSet = versions ? versions[0] : findRuleSet(ruleSetId);
	if (!ruleSet) {
		const known = [...DLT_RULE_SETS.map((s) => s.id), ...STUDY_PRESETS.map((p) => p.id)];
		throw new UsageError(`unknown DLT rule set or preset "${ruleSetId}" (known: ${[...new Set(known)].join(', ')})`);
	}
	const now = new Date().toISOString();
	const plan = planImport(
		await readSources(values),
		{ target, newStudyId: 'evaluate', now, who: 'dosewatch evaluate' }
	);
	if (hasErrors(plan.problems)) {
		process.stderr.write(`dosewatch: the files have errors; nothing was evaluated.\n`);
		for (const p of plan.problems.filter((x) => x.severity === 'error')) process.stderr.write(forTerminal(`  ERROR ${formatProblem(p)}\n`));
		return 1;
	}
	// Counts judged by the same rules: lab-defined DLT candidates (grade 4 neutropenia lasting ≥ 7 days …).
	const labEpisodes = plan.safety.length ? studyLabs(plan.subjects, plan.doses, plan.safety, CTCAE_LAB_GRADING).episodes : [];
	const ev = evaluateStudy({
		study: { doseLevels: plan.study.doseLevels, drugs: plan.study.drugs, teaeWindowDays: settings.teaeWindowDays, dltWindow: settings.dltWindow, design: settings.design },
		subjects: plan.subjects,
		doses: plan.doses,
		aes: plan.aes,
		ruleSet,
		...(versions ? { ruleSetVersions: versions } : {}),
		labEpisodes,
		asOf
	});
	// The Escalation tab's answer, from the same functions the app uses, in the study's dose codes.
	const rec = computeStudyRecommendation({ doseLevels: plan.study.doseLevels, design: settings.design }, ev);
	const recommendation = recommendationAsDecision(rec);
	if (values.format === 'json') out(JSON.stringify(evaluationJson(ev, values.preset ?? ruleSet.id, recommendation), null, 2) + '\n');
	else if (values.format === 'csv') out(evaluationCsv(ev));
	else out(evaluationText(ev, plan.study.title, recommendation));
	return 0;
}
