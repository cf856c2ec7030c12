/**
 * Issue 15: labs graded to CTCAE v5.0 in the app, per dose level and per subject, and the counts judged by the DLT
 * rules: the 001 demo's 8-day grade 4 neutropenia with no AE recorded reaches the committee as a lab-defined
 * candidate; the real pilot's LB imports with the other files and is graded.
 */
import { expect, test } from '@playwright/test';
import { openWithDemo, PASSPHRASE, PILOT, setReviewer, setSigner, shot } from './helpers';

const STUDY = '/study/demo-bat4706-bat1308';

test('a grade 4 neutropenia read from the counts, with no AE recorded, goes to the committee and can be confirmed', async ({ page }) => {
	await openWithDemo(page);
	await setSigner(page, 'Dr Grace Monitor', 'medical monitor');
	await page.goto(`${STUDY}/dlt`);
	const queue = page.getByRole('region', { name: /Awaiting the committee/ });
	const candidate = queue.getByRole('listitem').filter({ hasText: 'BAT-001-0505 NEUT draws from 7 Nov 2026' });
	await expect(candidate).toContainText('From labs: no AE recorded');
	await expect(candidate).toContainText('Lab-defined DLT candidate: no AE recorded; the counts meet rule 2b');
	await expect(candidate).toContainText('8 days (≥ 7)');
	await expect(candidate).toContainText('A DLT only if related to the study drug');
	await candidate.scrollIntoViewIfNeeded();
	await shot(page, 'dlt-lab-candidate');
	await candidate.getByRole('button', { name: 'Confirm NEUT draws from 7 Nov 2026 of BAT-001-0505 as a DLT' }).click();
	await page.getByLabel('Reason (confirm as dlt)').fill('Neutrophils below 0.5 for 8 days; investigator confirms related');
	await page.getByLabel('Passphrase').fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Confirm as DLT and sign' }).click();
	await expect(queue.getByRole('listitem').filter({ hasText: 'BAT-001-0505 NEUT' })).toHaveCount(0);
	// The subject is a DLT by the committee's decision on the counts; the pending ALT no longer holds it.
	const subject = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'BAT-001-0505' }) });
	await expect(subject).toContainText('DLT: Neutrophil count decreased NEUT draws from 7 Nov 2026 on day 4 (committee decision).');
	const dl5 = page.getByRole('table', { name: 'DLTs per dose level' }).getByRole('row', { name: /^DL5/ });
	await expect(dl5.getByRole('cell').nth(2)).toHaveText('4 †');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('row', { name: /BAT-001-0505 NEUT draws from 2026-11-07 .*committee: DLT.*Neutrophils below 0\.5 for 8 days/ })).toBeVisible();
});

test('the Labs tab: abnormal results per dose level, grade 3 or worse from the counts, and shift tables', async ({ page }) => {
	await openWithDemo(page);
	// Protocol 001's safety outcomes on the overview: labs graded; no vital signs, examination, ECG or echo in the demo.
	await page.goto(STUDY);
	const outcomes = page.getByRole('table', { name: 'Subjects with abnormal safety results after the first dose, per dose level' });
	await expect(outcomes.getByRole('row', { name: /^Laboratory/ })).toContainText(/\d+ of 5/);
	await expect(outcomes.getByRole('row', { name: /^Vital signs/ })).toContainText('no data');
	await expect(outcomes.getByRole('row', { name: /^Echocardiography/ })).toContainText('no data');
	await page.getByRole('link', { name: 'Labs', exact: true }).last().click();
	await expect(page).toHaveURL(/\/labs/);
	const abnormal = page.getByRole('table', { name: /Subjects with a post-baseline CTCAE grade/ });
	await expect(abnormal.getByRole('row', { name: /^DL5/ })).toBeVisible();
	const severe = page.getByRole('table', { name: /Toxicity episodes of grade 3 or worse/ });
	await expect(severe.getByRole('row', { name: /BAT-001-0505 NEUT: Neutrophil count decreased Grade 4/ })).toBeVisible();
	await expect(severe.getByRole('row', { name: /BAT-001-0203 NEUT: Neutrophil count decreased Grade 4/ })).toBeVisible();
	await expect(page.getByLabel('Test', { exact: true })).toHaveValue('NEUT low');
	const dl5 = page.getByRole('table', { name: /^DL5: .*NEUT Neutrophil count decreased/ });
	await expect(dl5.getByRole('row', { name: /^Grade 0/ })).toBeVisible();
	await page.getByLabel('Test', { exact: true }).selectOption('PLAT low');
	await expect(page.getByRole('table', { name: /^DL3: .*PLAT Platelet count decreased, 6 subjects/ })).toBeVisible();
	await expect(page.getByRole('figure', { name: 'PLAT over study days, by dose level' })).toBeVisible();
	// The liver signal of the demo (BAT-001-0405) in the Hy's law range of the eDISH plot.
	const edish = page.getByRole('figure', { name: 'Hepatic safety (eDISH)' });
	await expect(edish).toContainText("Hy's law quadrant: DL1 0 of 3 · DL2 0 of 6 · DL3 0 of 6 · DL4 1 of 6 · DL5 0 of 5");
	await expect(edish.getByRole('link', { name: /^BAT-001-0405 \(DL4\)\. Peak ALT: 6\.6 × ULN\. Peak bilirubin: 2\.3 × ULN\. In the Hy's law quadrant$/ })).toBeVisible();
	await edish.scrollIntoViewIfNeeded();
	await shot(page, 'labs-tab');
	await page.getByRole('link', { name: 'BAT-001-0505' }).first().click();
	// The worst-graded test over study days, under the swimmer lane, with the doses and the grade thresholds.
	await expect(page.getByLabel('Test shown over study days')).toHaveValue('NEUT');
	const chart = page.getByRole('figure', { name: 'NEUT over study days' });
	await expect(chart.locator('text', { hasText: 'G4 0.5' })).toBeVisible();
	await chart.getByText('Show the data as a table').click();
	await expect(chart.getByRole('table', { name: 'NEUT results by study day' }).getByRole('row', { name: /^5 .* 0\.45 4$/ })).toBeVisible();
	await chart.scrollIntoViewIfNeeded();
	await shot(page, 'subject-lab-chart');
	const labs = page.getByRole('region', { name: 'Laboratory results' });
	await expect(labs.getByText(/NEUT Neutrophils \(10\^9\/L\), \d+ results; worst after the first dose: grade 4/)).toBeVisible();
	await expect(labs.getByRole('table', { name: 'NEUT results of this subject' }).getByRole('row', { name: /0\.45 .* G4 Neutrophil count decreased/ })).toBeVisible();
	await labs.scrollIntoViewIfNeeded();
	await shot(page, 'subject-labs');
});

test('the pilot’s LB imports beside DM, EX and AE, is graded, and its shift tables show per arm', async ({ page }) => {
	test.setTimeout(120_000);
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await page.goto('/import');
	await page.getByLabel('DM: demographics (required)').setInputFiles(`${PILOT}/dm.csv`);
	await page.getByLabel('EX: exposure (dosing)').setInputFiles(`${PILOT}/ex.csv`);
	await page.getByLabel('AE: adverse events').setInputFiles(`${PILOT}/ae.csv`);
	await page.getByText('Labs, vital signs, ECG, immunogenicity and response (optional)').click();
	await page.getByLabel('LB: laboratory results').setInputFiles(`${PILOT}/lb.csv`);
	await page.getByLabel('VS: vital signs').setInputFiles(`${PILOT}/vs.csv`);
	await page.getByRole('button', { name: 'Check the files' }).click();
	await expect(page.getByText('59580 lab (LB), 29643 vital-sign (VS), 0 ECG (EG) results')).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible({ timeout: 60_000 });
	await page.getByRole('link', { name: 'CDISCPILOT01' }).click();
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Labs' }).click();
	await expect(page.getByText(/59,580 laboratory results up to/)).toBeVisible({ timeout: 30_000 });
	await page.getByLabel('Test', { exact: true }).selectOption('HGB low');
	await expect(page.getByRole('table', { name: /Xanomeline High Dose: HGB Anemia/ })).toBeVisible();
	await page.getByText(/Results that could not be graded/).click();
	await expect(page.getByRole('table', { name: 'Results not graded, by test and reason' })).toContainText('no upper limit of normal (LBSTNRHI)');
	await shot(page, 'labs-pilot');

	// Vital signs outside the limits; a stricter systolic limit set in the study's settings counts more subjects.
	const vitals = page.getByRole('table', { name: /Subjects with abnormal safety results/ }).getByRole('row', { name: /^Vital signs/ });
	const abnormalHi = async () => Number(/(\d+) of \d+/.exec((await vitals.getByRole('cell').nth(2).textContent()) ?? '')![1]);
	await expect(vitals.getByRole('cell').nth(2)).toHaveText(/^\d+ of \d+$/);
	const before = await abnormalHi();
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Study settings' }).click();
	const limits = page.getByRole('form', { name: 'Abnormal vital signs and ECG' });
	await limits.getByLabel('Systolic blood pressure: abnormal at or above').fill('140');
	await limits.getByLabel('Reason for the change').fill('SAP 9.3: systolic ≥ 140 mmHg');
	await limits.getByRole('button', { name: 'Save the limits' }).click();
	await expect(limits.getByRole('status')).toHaveText('Saved. The safety outcomes follow.');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Labs' }).click();
	await expect(vitals).toContainText('systolic blood pressure ≥ 140 or ≤ 90 mmHg');
	expect(await abnormalHi()).toBeGreaterThan(before);
});

test('protocol 002: a subject’s counts before and after each weekly infusion, side by side', async ({ page }) => {
	await openWithDemo(page);
	await page.goto('/study/demo-sk-nk/subjects/SKNK-002-1101');
	await page.getByLabel('Test shown over study days').selectOption('LYM');
	const table = page.getByRole('table', { name: /^LYM before and after each dose/ });
	const first = table.getByRole('row', { name: /^SK-NK 1 / });
	await expect(first).toContainText('(08:00)');
	await expect(first).toContainText('(12:45)');
	await expect(first.getByRole('cell').last()).toHaveText(/^\+0\.\d+$/);
	await table.scrollIntoViewIfNeeded();
	await shot(page, 'subject-around-infusions');
	// The Results-over-time chart of the Labs tab shows each cell dose's lymphocytes.
	await page.goto('/study/demo-sk-nk/labs');
	await page.getByLabel('Test', { exact: true }).selectOption('LYM high');
	await expect(page.getByRole('figure', { name: 'LYM over study days, by dose level' })).toBeVisible();
});

test('a study chooses how a lab test is graded: the grades and the Labs tab follow, with the reason in the audit trail', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	await page.goto(`${STUDY}/settings`);
	const form = page.getByRole('form', { name: 'Lab tests and the CTCAE terms they are graded to' });
	await expect(form.getByLabel('PLAT graded low as')).toHaveValue('');
	await form.getByLabel('HGB graded high as').selectOption('Not graded');
	await form.getByRole('button', { name: 'Save the lab grading' }).click();
	await expect(form.getByLabel('Reason for the change')).toBeFocused();
	await form.getByLabel('Reason for the change').fill('SAP: haemoglobin graded for anaemia only');
	await form.getByRole('button', { name: 'Save the lab grading' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved. The grades follow.');
	await form.scrollIntoViewIfNeeded();
	await shot(page, 'settings-labs');
	await page.goto(`${STUDY}/labs`);
	await expect(page.getByLabel('Test', { exact: true }).locator('option', { hasText: 'HGB: Anemia' })).toHaveCount(1);
	await expect(page.getByLabel('Test', { exact: true }).locator('option', { hasText: 'HGB: Hemoglobin increased' })).toHaveCount(0);
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('row', { name: /labMapping.*SAP: haemoglobin graded for anaemia only/ })).toBeVisible();
});

test('anti-drug antibodies: IS imports with the pilot, the cut-point is computed from healthy values, and each participant is judged by protocol 000’s rule', async ({ page }) => {
	test.setTimeout(90_000);
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await page.goto('/import');
	await page.getByLabel('DM: demographics (required)').setInputFiles(`${PILOT}/dm.csv`);
	await page.getByLabel('EX: exposure (dosing)').setInputFiles(`${PILOT}/ex.csv`);
	await page.getByText('Labs, vital signs, ECG, immunogenicity and response (optional)').click();
	await page.getByLabel('IS: immunogenicity (anti-drug antibodies)').setInputFiles(`${PILOT}/../pharmaversesdtm/is_ada.csv`);
	await page.getByRole('button', { name: 'Check the files' }).click();
	await expect(page.getByText(/691 immunogenicity samples \(IS\)/)).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('status').filter({ hasText: 'Imported' }).getByRole('link').first().click();
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Labs' }).click();
	const summary = page.getByRole('region', { name: 'Anti-drug antibodies (ADA_BAB)' });
	await expect(summary).toContainText('none set in the study settings: levels are indeterminate');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Study settings' }).click();
	const form = page.getByRole('form', { name: 'Anti-drug antibodies: the cut-point' });
	await form.getByLabel("Healthy untreated individuals' levels (to compute it)").fill('1.0, 1.1, 1.2, 1.3, 1.4');
	await expect(form.getByText('mean 1.2 + t(0.975, 4) 2.776 × SD 0.1581 / √5 = 1.396')).toBeVisible();
	await form.getByRole('button', { name: 'Use it' }).click();
	await expect(form.getByLabel('Cut-point (level)')).toHaveValue('1.39632');
	await form.getByLabel('Reason for the change').fill('Protocol 000: healthy-subject levels from the assay validation');
	await form.getByRole('button', { name: 'Save the cut-point' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved. The ADA results follow.');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Labs' }).click();
	await expect(summary).toContainText('(1.39632; healthy untreated individuals (n 5)');
	await expect(summary.getByRole('table', { name: /Participants by anti-drug antibody status/ }).getByRole('row', { name: /^Xan_Hi/ })).toContainText(/\d+ of \d+/);
	await summary.scrollIntoViewIfNeeded();
	await shot(page, 'labs-ada');
	// 01-701-1023: baseline level 1.51 (positive, above 1.396) and no sample after it: not evaluable, and the page says why.
	await page.goto(page.url().replace(/\/labs.*$/, '/subjects/01-701-1023'));
	const mine = page.getByRole('region', { name: 'Anti-drug antibodies (ADA_BAB)' });
	await expect(mine).toContainText('Not evaluable: no post-baseline sample with a result. Pattern: not evaluable.');
	await expect(mine).toContainText('baseline: 1.51 (positive)');
});
