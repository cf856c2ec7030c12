import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeStudyDay } from '../../src/lib/domain/partial-date';
import { planImport } from '../../src/lib/io/import/plan-import';
import { createStudyFromPreset, findPreset } from '../../src/lib/presets/study-presets';
import { allDemos, CASES_001 } from '../demo/generate-demo';

const DEMO = resolve(__dirname, '../../static/demo');

describe.each(allDemos())('demo study $preset', (demo) => {
	it('the committed CSVs are the generator output', () => {
		for (const f of ['dm', 'ex', 'ae'] as const) {
			expect(readFileSync(resolve(DEMO, demo.preset, `${f}.csv`), 'utf8')).toBe(demo[f]);
		}
	});

	it('imports into its preset study without a single problem', () => {
		const study = createStudyFromPreset(findPreset(demo.preset)!, { id: 'demo', now: 't', isDemo: true });
		const plan = planImport(
			{ dm: { name: 'dm.csv', text: demo.dm }, ex: { name: 'ex.csv', text: demo.ex }, ae: { name: 'ae.csv', text: demo.ae } },
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
