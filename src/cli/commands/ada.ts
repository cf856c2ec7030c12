/**
 * `dosewatch ada`: anti-drug antibodies by protocol 000's rule: each sample positive, negative or indeterminate
 * against the cut-point, and each participant's status (2 consecutive positive samples, or the final sample tested
 * positive) with the usual pattern. Day 1 is the first dose above zero (EX).
 */
import { parseArgs } from 'node:util';
import { firstExposures } from '../../lib/domain/first-exposure';
import { adaByCycle, adaSubjects } from '../../lib/domain/immunogenicity/ada';
import { planImport } from '../../lib/io/import/plan-import';
import { readIs } from '../../lib/io/import/read-is';
import { UsageError, out, readSource, readSources, refusedForErrors } from '../args';

export async function ada(args: string[]): Promise<number> {
	const { values } = parseArgs({
		args,
		options: {
			dm: { type: 'string' },
			ex: { type: 'string' },
			is: { type: 'string' },
			'cut-point': { type: 'string' },
			test: { type: 'string', default: 'ADA_BAB' },
			format: { type: 'string', default: 'json' }
		},
		strict: true
	});
	if (!values.dm || !values.is) throw new UsageError('ada needs --dm DM.csv and --is IS.csv (with --ex EX.csv for day 1)');
	if (values.format !== 'json') throw new UsageError('--format must be json');
	const cut = values['cut-point'] === undefined ? null : Number(values['cut-point']);
	if (cut !== null && !Number.isFinite(cut)) throw new UsageError(`--cut-point "${values['cut-point']}" is not a number`);
	const plan = planImport(await readSources({ dm: values.dm, ex: values.ex }), { target: null, newStudyId: 'ada', now: new Date().toISOString(), who: 'dosewatch ada' });
	const isFile = (await readSource(values.is, '--is'))!;
	const read = readIs(isFile, new Set(plan.subjects.map((s) => s.usubjid)));
	if (refusedForErrors([...plan.problems, ...read.problems])) return 1;
	const day1 = firstExposures(plan.subjects, plan.doses);
	const subjects = adaSubjects(read.samples, day1, cut, values.test);
	out(
		JSON.stringify(
			{
				test: values.test,
				cutPoint: cut,
				subjects: subjects.map((s) => ({ usubjid: s.usubjid, adaStatus: s.adaStatus, pattern: s.pattern, reason: s.reason })),
				samples: subjects.flatMap((s) => s.samples.map((x) => ({ usubjid: x.usubjid, seq: x.seq, studyDay: x.studyDay, baseline: x.baseline, result: x.result, why: x.why }))),
				byCycle: adaByCycle(subjects, new Map(plan.subjects.map((s) => [s.usubjid, s.doseLevel])))
			},
			null,
			2
		) + '\n'
	);
	return 0;
}
