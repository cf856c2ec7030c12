/**
 * `dosewatch labs`: every lab result graded to CTCAE v5.0 (admiral's criteria, the app's grading), with vital
 * signs and ECG results beside them, and each subject's baseline and worst post-baseline grade per test. Day 1 is
 * the first dose above zero (EX).
 */
import { parseArgs } from 'node:util';
import { firstExposures } from '../../lib/domain/first-exposure';
import { gradeResults, type GradedResult } from '../../lib/domain/labs/grade-labs';
import { worstGrades } from '../../lib/domain/labs/summarize-labs';
import { planImport } from '../../lib/io/import/plan-import';
import { toCsv } from '../../lib/io/write-csv';
import { CTCAE_LAB_GRADING } from '../../lib/presets/lab-grading';
import { UsageError, out, readSources, refusedForErrors } from '../args';

export function labRecord(g: GradedResult) {
	const r = g.result;
	const graded = g.low ?? g.high;
	const whys = [g.low, g.high].filter((t) => t && t.grade === null).map((t) => `${t!.term}: ${t!.why}`);
	return {
		usubjid: r.usubjid,
		domain: r.domain,
		seq: r.seq,
		testcd: r.testcd,
		date: r.date,
		studyDay: g.studyDay,
		value: r.value,
		unit: r.unit,
		low: r.low,
		high: r.high,
		baseline: g.baseline,
		isBaseline: g.isBaseline,
		postBaseline: g.postBaseline,
		gradeLow: g.low?.grade ?? null,
		gradeHigh: g.high?.grade ?? null,
		termLow: g.low?.term ?? null,
		termHigh: g.high?.term ?? null,
		why: graded ? (whys.length ? whys.join('; ') : null) : r.domain === 'LB' ? `${r.testcd} has no CTCAE term in the mapping` : `${r.domain} results are not graded by CTCAE`
	};
}

export async function labs(args: string[]): Promise<number> {
	const { values } = parseArgs({
		args,
		options: {
			dm: { type: 'string' },
			ex: { type: 'string' },
			lb: { type: 'string' },
			vs: { type: 'string' },
			eg: { type: 'string' },
			format: { type: 'string', default: 'json' }
		},
		strict: true
	});
	if (!values.dm) throw new UsageError('labs needs --dm DM.csv');
	if (!values.lb && !values.vs && !values.eg) throw new UsageError('labs needs --lb LB.csv (and/or --vs VS.csv, --eg EG.csv)');
	if (values.format !== 'json' && values.format !== 'csv') throw new UsageError('--format must be json or csv');
	const plan = planImport(await readSources(values), { target: null, newStudyId: 'labs', now: new Date().toISOString(), who: 'dosewatch labs' });
	if (refusedForErrors(plan.problems)) return 1;
	const day1 = firstExposures(plan.subjects, plan.doses);
	const graded = gradeResults(plan.safety, day1, CTCAE_LAB_GRADING);
	const records = graded.map(labRecord).sort((a, b) => a.usubjid.localeCompare(b.usubjid) || a.domain.localeCompare(b.domain) || a.seq - b.seq);
	if (values.format === 'csv') {
		out(toCsv(records, (Object.keys(records[0] ?? labRecord(graded[0]!)) as (keyof (typeof records)[number])[]).map((k) => ({ header: k, value: (r: (typeof records)[number]) => r[k] }))));
		return 0;
	}
	const worst = worstGrades(graded);
	const subjects = plan.subjects.map((s) => ({
		usubjid: s.usubjid,
		doseLevel: s.doseLevel,
		firstDose: day1.get(s.usubjid) ?? null,
		grades: worst.filter((w) => w.usubjid === s.usubjid).map(({ usubjid: _u, ...w }) => w)
	}));
	out(JSON.stringify({ records, subjects }, null, 2) + '\n');
	return 0;
}
