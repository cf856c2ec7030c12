import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeStudyDay } from '../../src/lib/domain/partial-date';
import { planImport } from '../../src/lib/io/import/plan-import';
import { createStudyFromPreset, findPreset } from '../../src/lib/presets/study-presets';
import { allDemos, CASES_001, DEMO_EXTRA_FILES } from '../demo/generate-demo';
import { studyLabs } from '../../src/lib/domain/labs/study-labs';
import { evaluateStudy } from '../../src/lib/domain/dlt/evaluate-study';
import { CTCAE_LAB_GRADING } from '../../src/lib/presets/lab-grading';
import { findRuleSet } from '../../src/lib/presets/dlt-rule-sets';
import { studyActivity } from '../../src/lib/domain/response/activity';
import { firstExposures } from '../../src/lib/domain/first-exposure';

const DEMO = resolve(__dirname, '../../static/demo');

describe.each(allDemos())('demo study $preset', (demo) => {
	it('the committed CSVs are the generator output', () => {
		for (const f of ['dm', 'ex', 'ae'] as const) {
			expect(readFileSync(resolve(DEMO, demo.preset, `${f}.csv`), 'utf8')).toBe(demo[f]);
		}
		for (const f of DEMO_EXTRA_FILES) if (demo[f]) expect(readFileSync(resolve(DEMO, demo.preset, `${f}.csv`), 'utf8')).toBe(demo[f]);
		const index = JSON.parse(readFileSync(resolve(DEMO, 'index.json'), 'utf8')) as { preset: string; files?: string[] }[];
		expect(index.find((e) => e.preset === demo.preset)?.files ?? []).toEqual(DEMO_EXTRA_FILES.filter((f) => demo[f]));
	});

	it('imports into its preset study without a single problem', () => {
		const study = createStudyFromPreset(findPreset(demo.preset)!, { id: 'demo', now: 't', isDemo: true });
		const plan = planImport(
			{ dm: { name: 'dm.csv', text: demo.dm }, ex: { name: 'ex.csv', text: demo.ex }, ae: { name: 'ae.csv', text: demo.ae }, ...Object.fromEntries(DEMO_EXTRA_FILES.filter((f) => demo[f]).map((f) => [f, { name: `${f}.csv`, text: demo[f]! }])) },
			{ target: study, newStudyId: 'x', now: 't', who: 'demo' }
		);
		expect(plan.problems).toEqual([]);
		expect(plan.subjects.length).toBeGreaterThanOrEqual(20);
		// several dose levels, each with subjects
		const levels = new Set(plan.subjects.map((s) => s.doseLevel).filter(Boolean));
		expect(levels.size).toBe(study.doseLevels.length);
		// no dose after the data cut-off
		expect(plan.doses.every((d) => d.start.slice(0, 10) <= demo.dataCutoff)).toBe(true);
	});
});

describe('the protocol 001 demo carries the boundary cases it claims', () => {
	const demo = allDemos()[0]!;
	const plan = planImport(
		{ dm: { name: 'dm.csv', text: demo.dm }, ex: { name: 'ex.csv', text: demo.ex }, ae: { name: 'ae.csv', text: demo.ae } },
		{ target: createStudyFromPreset(findPreset('bat4706-bat1308')!, { id: 'd', now: 't', isDemo: true }), newStudyId: 'x', now: 't', who: 'd' }
	);
	const ae = (subject: string, term: string) => plan.aes.find((a) => a.usubjid === `BAT-001-${subject}` && a.term === term)!;
	const first = (subject: string) =>
		plan.doses.filter((d) => d.usubjid === `BAT-001-${subject}`).map((d) => d.start).sort()[0];

	it.each([
		['0206', 'Alanine aminotransferase increased', 22],
		['0501', 'Pneumonitis', 21],
		['0102', 'Back pain', -5]
	])('subject %s: %s starts on study day %i', (s, term, day) => {
		expect(computeStudyDay(ae(s, term).start, first(s))).toBe(day);
	});

	it('records exact relief times for the exception boundaries', () => {
		expect([ae('0205', 'Vomiting').start, ae('0205', 'Vomiting').end]).toEqual(['2026-04-25T18:00', '2026-04-28T18:00']);
		expect([ae('0201', 'Infusion related reaction').start, ae('0201', 'Infusion related reaction').end]).toEqual([
			'2026-04-06T10:15',
			'2026-04-06T12:15'
		]);
	});

	it('keeps a per-drug attribution for the combination', () => {
		expect(ae('0201', 'Infusion related reaction').attribution).toEqual({ BAT4706: 'definite', BAT1308: 'possible' });
	});

	it('keeps the never-dosed subject at its planned level as not treated', () => {
		expect(plan.subjects.find((s) => s.usubjid === 'BAT-001-0506')).toMatchObject({ doseLevel: 'DL5', status: 'not_treated' });
		expect(plan.subjects.find((s) => s.usubjid === 'BAT-001-0901')).toMatchObject({ doseLevel: null, status: 'screen_failure' });
	});

	it('every cast subject says what it is there to show', () => {
		expect(CASES_001.every((c) => c.story.length > 10)).toBe(true);
	});
});

describe('the protocol 001 demo’s lab series', () => {
	const demo = allDemos()[0]!;
	const study = createStudyFromPreset(findPreset('bat4706-bat1308')!, { id: 'd', now: 't', isDemo: true });
	const plan = planImport(
		{ dm: { name: 'dm.csv', text: demo.dm }, ex: { name: 'ex.csv', text: demo.ex }, ae: { name: 'ae.csv', text: demo.ae }, lb: { name: 'lb.csv', text: demo.lb! }, is: { name: 'is.csv', text: demo.is! }, rs: { name: 'rs.csv', text: demo.rs! }, tr: { name: 'tr.csv', text: demo.tr! } },
		{ target: study, newStudyId: 'x', now: 't', who: 'd' }
	);
	const labs = studyLabs(plan.subjects, plan.doses, plan.safety, CTCAE_LAB_GRADING);
	const episode = (id: string, testcd: string) => labs.episodes.filter((e) => e.usubjid === `BAT-001-${id}` && e.testcd === testcd && e.worst >= 3);
	const ev = evaluateStudy({ study, subjects: plan.subjects, doses: plan.doses, aes: plan.aes, ruleSet: findRuleSet('bat4706-bat1308')!, asOf: demo.dataCutoff, labEpisodes: labs.episodes });

	it('has neutrophil nadirs after the doses, and grade 3 or worse only where a story casts it', () => {
		const severe = new Set(labs.episodes.filter((e) => e.worst >= 3).map((e) => `${e.usubjid.slice(-4)} ${e.testcd}`));
		expect([...severe].sort()).toEqual(['0203 NEUT', '0301 PLAT', '0302 PLAT', '0303 NEUT', '0401 NEUT', '0502 PLAT', '0503 NEUT', '0504 NEUT', '0505 NEUT']);
		expect(labs.episodes.some((e) => e.testcd === 'NEUT' && e.worst === 2)).toBe(true);
	});

	it('one grade 4 neutropenia of 6 days (0203) and one of 8 days with no AE recorded (0505), the only lab-defined candidate', () => {
		const six = episode('0203', 'NEUT')[0]!;
		expect(six.draws.filter((d) => d.grade === 4).map((d) => d.date)).toHaveLength(3);
		const candidates = ev.subjects.flatMap((s) => s.labEvents.map((e) => `${s.subject.usubjid} ${e.lab!.testcd} rule ${e.rule}`));
		expect(candidates).toEqual(['BAT-001-0505 NEUT rule 2b']);
		expect(ev.subjects.find((s) => s.subject.usubjid === 'BAT-001-0505')!.labEvents[0]!.reason).toMatch(/grade ≥ 4 from day 5 .* to day 12 .*, 8 days \(≥ 7\)/);
	});

	it('a liver signal: ALT over 3 × ULN with bilirubin over 2 × ULN (0405)', () => {
		const at = (testcd: string) => plan.safety.filter((r) => r.usubjid === 'BAT-001-0405' && r.testcd === testcd).map((r) => r.value! / r.high!);
		expect(Math.max(...at('ALT'))).toBeGreaterThan(3);
		expect(Math.max(...at('BILI'))).toBeGreaterThan(2);
	});

	it('tumour assessments that read as the derivations claim: a confirmed PR, a PD at the first scan, and no scan after the cut-off', () => {
		const activity = studyActivity({ subjects: plan.subjects, doses: plan.doses, aes: plan.aes, records: plan.safety, day1: firstExposures(plan.subjects, plan.doses), levels: ['DL1', 'DL2', 'DL3', 'DL4', 'DL5'], asOf: demo.dataCutoff })!;
		const bors = new Set(activity.subjects.map((s) => s.response.bor));
		expect(bors).toEqual(new Set(['PR', 'SD', 'PD']));
		// Every confirmed PR shrank by at least 30%, and every PD at the first scan grew by at least 20%.
		for (const s of activity.subjects.filter((x) => x.response.bor === 'PR')) expect(s.tumourChange!.change).toBeLessThanOrEqual(-30);
		expect(plan.safety.filter((r) => r.domain === 'RS' || r.domain === 'TR' || r.domain === 'IS').every((r) => r.date! <= demo.dataCutoff)).toBe(true);
	});
});
