/**
 * `dosewatch response`: best overall response by RECIST 1.1 per subject (confirmed and unconfirmed, admiralonco's
 * conventions) and per dose level the objective response and disease control rates with Clopper–Pearson 95%
 * intervals. Day 1 is the first dose above zero (EX).
 */
import { parseArgs } from 'node:util';
import { firstExposures } from '../../lib/domain/first-exposure';
import { bestOverallResponse, DEFAULT_RESPONSE_SETTINGS, responseByLevel } from '../../lib/domain/response/recist';
import { planImport } from '../../lib/io/import/plan-import';
import { readRs } from '../../lib/io/import/read-rs';
import { UsageError, out, readSource, readSources, refusedForErrors } from '../args';

export async function response(args: string[]): Promise<number> {
	const { values } = parseArgs({
		args,
		options: {
			dm: { type: 'string' },
			ex: { type: 'string' },
			rs: { type: 'string' },
			tr: { type: 'string' },
			evaluator: { type: 'string', default: 'INVESTIGATOR' },
			'confirm-min-days': { type: 'string', default: String(DEFAULT_RESPONSE_SETTINGS.confirmMinDays) },
			'sd-min-days': { type: 'string', default: String(DEFAULT_RESPONSE_SETTINGS.sdMinDays) },
			format: { type: 'string', default: 'json' }
		},
		strict: true
	});
	if (!values.dm || !values.rs) throw new UsageError('response needs --dm DM.csv and --rs RS.csv (with --ex EX.csv for day 1)');
	if (values.format !== 'json') throw new UsageError('--format must be json');
	const days = (flag: string, v: string | undefined) => {
		const n = Number(v);
		if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} "${v}" is not a whole number of days`);
		return n;
	};
	const settings = { ...DEFAULT_RESPONSE_SETTINGS, confirmMinDays: days('confirm-min-days', values['confirm-min-days']), sdMinDays: days('sd-min-days', values['sd-min-days']) };
	const plan = planImport(await readSources({ dm: values.dm, ex: values.ex }), { target: null, newStudyId: 'response', now: new Date().toISOString(), who: 'dosewatch response' });
	const read = readRs((await readSource(values.rs, '--rs'))!, new Set(plan.subjects.map((s) => s.usubjid)), values.evaluator!);
	if (refusedForErrors([...plan.problems, ...read.problems])) return 1;
	const day1 = firstExposures(plan.subjects, plan.doses);
	const assessed = new Set(read.assessments.map((a) => a.usubjid));
	const subjects = plan.subjects
		.filter((s) => assessed.has(s.usubjid))
		.map((s) => {
			const r = bestOverallResponse(read.assessments.filter((a) => a.usubjid === s.usubjid), s.usubjid, day1.get(s.usubjid) ?? null, settings);
			return { usubjid: s.usubjid, bor: r.bor, borUnconfirmed: r.borUnconfirmed, doseLevel: s.doseLevel, reason: r.reason };
		});
	const doseLevels = responseByLevel(
		subjects.map((s) => ({ ...s, assessments: [] })),
		new Map(subjects.map((s) => [s.usubjid, s.doseLevel])),
		plan.study.doseLevels.map((l) => l.code)
	);
	out(JSON.stringify({ evaluator: values.evaluator, settings, subjects, doseLevels }, null, 2) + '\n');
	return 0;
}
