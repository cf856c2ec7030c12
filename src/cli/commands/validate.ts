/** `dosewatch validate`: the import preview's checks on files, as a report; exit 1 when there is an error. */
import { parseArgs } from 'node:util';
import { importReportText } from '../../lib/io/import-report';
import { hasErrors } from '../../lib/io/import-types';
import { planImport } from '../../lib/io/import/plan-import';
import { createStudyFromPreset, findPreset, STUDY_PRESETS } from '../../lib/presets/study-presets';
import { UsageError, readSources, out } from '../args';

export async function validate(args: string[]): Promise<number> {
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
		await readSources(values),
		{ target, newStudyId: 'validate', now: new Date().toISOString(), who: 'dosewatch validate' }
	);
	if (values.format === 'json') {
		out(
			JSON.stringify({ study: plan.study.title, counts: plan.counts, mappings: plan.mappings, problems: plan.problems }, null, 2) + '\n'
		);
	} else {
		out(importReportText(plan));
	}
	return hasErrors(plan.problems) ? 1 : 0;
}
