/**
 * `dosewatch response`: preliminary activity by RECIST 1.1, by the same reading as the app's Activity tab
 * (domain/response/activity.ts): each subject's best overall response (confirmed and unconfirmed, admiralonco's
 * conventions), PFS and duration of response, and with TR the best change in the sum of diameters; per dose level
 * the objective response and disease control rates with Clopper–Pearson 95% intervals and the Kaplan–Meier
 * medians. Day 1 is the first dose above zero (EX); deaths come from AE (with --ae), DM and DS (with --ds).
 */
import { parseArgs } from 'node:util';
import { firstExposures } from '../../lib/domain/first-exposure';
import { DEFAULT_ACTIVITY_SETTINGS, studyActivity } from '../../lib/domain/response/activity';
import type { KaplanMeierFit } from '../../lib/domain/stats/kaplan-meier';
import { planImport } from '../../lib/io/import/plan-import';
import { UsageError, out, readSources, refusedForErrors } from '../args';

const medianOf = (f: KaplanMeierFit | null) => (f ? { n: f.n, events: f.events, medianDays: f.median, medianCi95: f.medianCi95 } : null);

export async function response(args: string[]): Promise<number> {
	const { values } = parseArgs({
		args,
		options: {
			dm: { type: 'string' },
			ex: { type: 'string' },
			ae: { type: 'string' },
			ds: { type: 'string' },
			rs: { type: 'string' },
			tr: { type: 'string' },
			evaluator: { type: 'string', default: DEFAULT_ACTIVITY_SETTINGS.evaluator },
			'confirm-min-days': { type: 'string', default: String(DEFAULT_ACTIVITY_SETTINGS.confirmMinDays) },
			'sd-min-days': { type: 'string', default: String(DEFAULT_ACTIVITY_SETTINGS.sdMinDays) },
			'as-of': { type: 'string' },
			format: { type: 'string', default: 'json' }
		},
		strict: true
	});
	if (!values.dm || !values.rs) throw new UsageError('response needs --dm DM.csv and --rs RS.csv (with --ex EX.csv for day 1)');
	if (values.format !== 'json') throw new UsageError('--format must be json');
	if (values['as-of'] && !/^\d{4}-\d{2}-\d{2}$/.test(values['as-of'])) throw new UsageError(`--as-of "${values['as-of']}" is not a date (YYYY-MM-DD)`);
	const days = (flag: string, v: string | undefined) => {
		const n = Number(v);
		if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} "${v}" is not a whole number of days`);
		return n;
	};
	const settings = {
		...DEFAULT_ACTIVITY_SETTINGS,
		evaluator: values.evaluator!,
		confirmMinDays: days('confirm-min-days', values['confirm-min-days']),
		sdMinDays: days('sd-min-days', values['sd-min-days'])
	};
	const plan = planImport(await readSources(values), { target: null, newStudyId: 'response', now: new Date().toISOString(), who: 'dosewatch response' });
	if (refusedForErrors(plan.problems)) return 1;
	const activity = studyActivity({
		subjects: plan.subjects,
		doses: plan.doses,
		aes: plan.aes,
		records: plan.safety,
		day1: firstExposures(plan.subjects, plan.doses),
		levels: plan.study.doseLevels.map((l) => l.code),
		asOf: values['as-of'] ?? '9999-12-31',
		settings
	});
	const subjects = (activity?.subjects ?? []).map((s) => ({
		usubjid: s.usubjid,
		bor: s.response.bor,
		borUnconfirmed: s.response.borUnconfirmed,
		doseLevel: s.doseLevel,
		reason: s.response.reason,
		pfs: s.pfs && { days: s.pfs.time, event: s.pfs.event, reason: s.pfs.reason },
		dor: s.dor && { days: s.dor.time, event: s.dor.event, reason: s.dor.reason },
		bestChangePct: s.tumourChange?.change ?? null
	}));
	const doseLevels = (activity?.levels ?? []).map(({ pfs, dor, ...l }) => ({ ...l, pfs: medianOf(pfs), dor: medianOf(dor) }));
	out(JSON.stringify({ evaluator: settings.evaluator, settings, subjects, doseLevels }, null, 2) + '\n');
	return 0;
}
