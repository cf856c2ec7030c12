import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { evaluateStudy } from '../../src/lib/domain/dlt/evaluate-study';
import { computeStudyRecommendation } from '../../src/lib/domain/escalation/compute-study-recommendation';
import type { EscalationDesign } from '../../src/lib/domain/types';
import { planImport } from '../../src/lib/io/import/plan-import';
import { findRuleSet } from '../../src/lib/presets/dlt-rule-sets';
import { createStudyFromPreset, findPreset } from '../../src/lib/presets/study-presets';
import { openWithDemo, setReviewer, shot } from './helpers';

const DEMO = resolve(import.meta.dirname, '../../static/demo');

/** The headline the page should show, computed by the domain code on the same demo files. */
function expectedHeadline(preset: string, design?: EscalationDesign): string {
	const study = createStudyFromPreset(findPreset(preset)!, { id: 'x', now: 't', isDemo: true });
	if (design) study.design = design;
	const read = (f: string) => ({ name: f, text: readFileSync(`${DEMO}/${preset}/${f}`, 'utf8') });
	const plan = planImport({ dm: read('dm.csv'), ex: read('ex.csv'), ae: read('ae.csv') }, { target: study, newStudyId: 'x', now: 't', who: 't' });
	const ev = evaluateStudy({ study, subjects: plan.subjects, doses: plan.doses, aes: plan.aes, ruleSet: findRuleSet(study.dltRuleSet)!, asOf: '2026-11-16' });
	const r = computeStudyRecommendation(study, ev).recommendation;
	const label = (d: number | null) => study.doseLevels[(d ?? 1) - 1]!.label;
	return r.continue ? `Next cohort: ${label(r.nextDose)}` : r.mtd ? `Stop. MTD: ${label(r.mtd)}` : 'Stop. No acceptable dose (no MTD)';
}

test('the escalation page gives each demo study the design’s recommendation, with what-if rows', async ({ page }) => {
	await openWithDemo(page);
	await page.goto('/study/demo-bat4706-bat1308/escalation');
	const box = page.getByRole('region', { name: 'Recommendation for the next cohort' });
	await expect(box).toContainText('Stop. MTD: DL4: BAT4706 3 + BAT1308 3 mg/kg');
	await expect(box).toContainText('3 DLTs in 3 at dose 5 (DL5): too toxic; de-escalate below dose 5 (DL5); dose 4 (DL4) has 1 DLT in 6: stop, MTD = dose 4 (DL4) (rule 1).');
	const whatIf = page.getByRole('table', { name: 'What if the pending subjects finish their DLT window' });
	await expect(whatIf.getByRole('row', { name: /Every pending subject ends without a DLT/ })).toContainText('3 DLTs in 5 at dose 5 (DL5)');
	await expect(whatIf.getByRole('row', { name: /One more subject at DL5 has a DLT/ })).toContainText('4 DLTs in 5 at dose 5 (DL5)');
	const counts = page.getByRole('table', { name: 'Dose levels in escalation order' });
	await expect(counts.getByRole('row', { name: /^DL5/ })).toContainText(/last given\s*5\s*3\s*3\s*2/);
	expect(expectedHeadline('bat4706-bat1308')).toBe('Stop. MTD: DL4: BAT4706 3 + BAT1308 3 mg/kg');
	await shot(page, 'escalation-001');

	for (const preset of ['gentuximab', 'sk-nk']) {
		await page.goto(`/study/demo-${preset}/escalation`);
		await expect(box).toContainText(expectedHeadline(preset));
	}
});

test('a study switched to BOIN shows the boundary table and BOIN’s recommendation', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Stat');
	await page.goto('/study/demo-sk-nk/escalation');
	await page.getByRole('button', { name: 'Change the design…' }).click();
	await page.getByLabel('Escalation design', { exact: true }).selectOption('boin');
	await page.getByLabel('Target DLT rate').fill('1.5');
	await page.getByLabel('Reason for the change').fill('Statistical analysis plan v2');
	await page.getByRole('button', { name: 'Save the design' }).click();
	await expect(page.getByLabel('Target DLT rate')).toHaveAccessibleDescription('The target DLT rate must be between 0 and 1 (e.g. 0.3)');
	await page.getByLabel('Target DLT rate').fill('0.25');
	await page.getByRole('button', { name: 'Save the design' }).click();
	await expect(page.getByText('Design: BOIN, target DLT rate 0.25.')).toBeVisible();
	const table = page.getByRole('table', { name: /BOIN boundaries, target DLT rate 0.25/ });
	await expect(table.getByRole('row', { name: /^De-escalate if DLTs ≥/ })).toContainText(/≥\s*1\s*1\s*1\s*2/);
	const box = page.getByRole('region', { name: 'Recommendation for the next cohort' });
	await expect(box).toContainText(expectedHeadline('sk-nk', { kind: 'boin', target: 0.25, elimination: true, stopWhenDeescalationImpossible: false }));
	await shot(page, 'escalation-boin');
	await page.getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('row', { name: /Changed study .*design.*Statistical analysis plan v2/ })).toBeVisible();
});

test('one as-of date for every tab: picked on the DLT page, kept by the tab links, read by the Escalation tab', async ({ page }) => {
	await openWithDemo(page);
	await page.goto('/study/demo-bat4706-bat1308/dlt');
	await page.getByLabel('Data as of').fill('2026-11-08');
	await page.getByLabel('Data as of').dispatchEvent('change');
	await expect(page).toHaveURL(/asOf=2026-11-08/);
	// 0504's neutropenia (day 1 2 Nov) had not started by 8 Nov, and 0505's onset month may still be ahead.
	const dl5 = page.getByRole('table', { name: 'DLTs per dose level' }).getByRole('row', { name: /^DL5/ });
	await expect(dl5.getByRole('cell').nth(3)).toHaveText('2'); // pending: both still in their windows
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Escalation' }).click();
	await expect(page).toHaveURL(/\/escalation\?asOf=2026-11-08/);
	await expect(page.getByText('Counts are the DLT page\'s as of 8 Nov 2026')).toBeVisible();
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Adverse events' }).click();
	await expect(page).toHaveURL(/\/aes\?asOf=2026-11-08/);
	await page.getByLabel('DLT verdict').selectOption('pending');
	await expect(page).toHaveURL(/asOf=2026-11-08/);
	await expect(page).toHaveURL(/verdict=pending/);
});
