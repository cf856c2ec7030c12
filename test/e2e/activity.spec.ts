/**
 * Issue 17: preliminary activity per dose level beside safety. The 001 demo carries tumour assessments (RS, TR) and
 * anti-drug antibodies (IS): the Activity tab shows ORR with exact intervals, PFS, the swimlane with response and
 * ADA marks, and the waterfall; the meeting pack gains the benefit–risk page. The real RECIST example imports with
 * the pilot, and the study's response settings change whose reads count.
 */
import { expect, test } from '@playwright/test';
import { openWithDemo, PILOT, SCREENS, setReviewer, shot } from './helpers';

const STUDY = '/study/demo-bat4706-bat1308';

test('the Activity tab: response per dose level, the swimlane, the waterfall and PFS, each participant with the reason', async ({ page }) => {
	await openWithDemo(page);
	await page.goto(STUDY);
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Activity' }).click();
	await expect(page).toHaveURL(/\/activity/);
	const perLevel = page.getByRole('table', { name: /Best overall response, ORR and disease control/ });
	// DL2: three confirmed PRs of six assessed: 50% (11.8–88.2%).
	await expect(perLevel.getByRole('row', { name: /^DL2/ })).toContainText('50% (11.8–88.2%)');
	await expect(perLevel.getByRole('row', { name: /^DL1/ })).toContainText('0% (0–70.8%)');
	const benefit = page.getByRole('table', { name: /Benefit and risk per dose level/ });
	await expect(benefit.getByRole('row', { name: /^DL2/ })).toContainText('1 of 6');
	await expect(benefit.getByRole('row', { name: /^DL2/ })).toContainText('3 PR, 3 SD (6 assessed)');
	await expect(page.getByRole('figure', { name: 'Time on treatment and response' })).toBeVisible();
	await expect(page.getByRole('figure', { name: 'Best change in tumour size' })).toBeVisible();
	await expect(page.getByRole('figure', { name: 'Progression-free survival per dose level' })).toBeVisible();
	// A lane reads itself out: its doses, assessments and positive ADA samples.
	const lane = page.getByRole('link', { name: /^BAT-001-0101 \(DL1: .*\): best overall response PD/ });
	await expect(lane).toHaveAttribute('aria-label', /Assessments: day 43 PD\. ADA positive on day 43/);
	const participants = page.getByRole('table', { name: /Best overall response per participant/ });
	await expect(participants.getByRole('row', { name: /BAT-001-0201/ })).toContainText(/PR on .*\(day 85\), confirmed by PR on .*\(day 127\)/);
	// 0205: SD on day 43, then a PR on day 85 not yet confirmed at the cut-off: SD, unconfirmed PR.
	await expect(participants.getByRole('row', { name: /BAT-001-0205/ })).toContainText(/mg\/kgSDPRSD on .*\(day 43\)/);
	await shot(page, 'activity');
	// Keyboard: each chart has a skip link past it, shown when focused; Enter moves focus to the chart's end.
	const skipWaterfall = page.getByRole('link', { name: 'Skip the chart “Best change in tumour size”' });
	await skipWaterfall.focus();
	await expect(skipWaterfall).toBeVisible();
	await page.getByRole('figure', { name: 'Best change in tumour size' }).screenshot({ path: `${SCREENS}/skip-chart-focused.png` });
	await page.keyboard.press('Enter');
	await expect(page.locator('#waterfall-end')).toBeFocused();
	// Keyboard: the skip link jumps past the charts to the participants' table.
	await page.getByRole('link', { name: "Skip the charts to the participants' table" }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: "Each participant's best overall response" })).toBeFocused();
	// The subject page says the same, with PFS and the tumour change.
	await participants.getByRole('link', { name: 'BAT-001-0201' }).click();
	const card = page.getByRole('region', { name: 'Best overall response (RECIST 1.1)' });
	await expect(card).toContainText('PR (unconfirmed PR)');
	await expect(card).toContainText(/Duration of response: \d+ days from .*, censored/);
	await expect(card).toContainText(/Best change in the sum of target diameters: -\d+(\.\d)?%/);
	// Its timeline lane carries the ADA samples and the response assessments along the top.
	const findings = page.getByRole('img', { name: /^BAT-001-0201: ADA negative \(baseline\) on 2026-04-06; .*SD on 2026-05-18; PR on 2026-06-29; PR on 2026-08-10$/ });
	await expect(findings).toBeVisible();
	await findings.scrollIntoViewIfNeeded();
	await shot(page, 'subject-activity');
});

test('the meeting pack has a benefit–risk page per dose level: DLTs, worst lab grade, ADA and best response side by side', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Pack Reader');
	await page.goto(`${STUDY}/meetings`);
	await page.getByRole('button', { name: 'Start a meeting record' }).click();
	await page.getByRole('link', { name: 'Meeting pack (print or save as PDF)' }).click();
	const heading = page.getByRole('heading', { name: /6\. Benefit and risk per dose level/ });
	await expect(heading).toBeVisible();
	const dl4 = page.getByRole('table', { name: /^DL4: .*: each participant$/ });
	await expect(dl4.getByRole('row', { name: /BAT-001-0405/ })).toContainText(/grade \d.*PR/);
	await expect(page.getByRole('table', { name: 'Benefit and risk per dose level' }).getByRole('row', { name: /^DL5/ })).toContainText('not assessed');
	await heading.scrollIntoViewIfNeeded();
	await page.emulateMedia({ media: 'print' });
	await shot(page, 'pack-benefit-risk');
});

test('RS and TR import with the pilot; the response settings choose the independent assessor’s accepted reads', async ({ page }) => {
	test.setTimeout(90_000);
	await openWithDemo(page);
	await setReviewer(page, 'Dr Recist Import');
	await page.goto('/import');
	await page.getByLabel('DM: demographics (required)').setInputFiles(`${PILOT}/dm.csv`);
	await page.getByLabel('EX: exposure (dosing)').setInputFiles(`${PILOT}/ex.csv`);
	await page.getByText('Labs, vital signs, ECG, immunogenicity and response (optional)').click();
	await page.getByLabel('RS: tumour response (RECIST 1.1)').setInputFiles(`${PILOT}/../pharmaversesdtm/rs_onco_recist.csv`);
	await page.getByLabel('TR: tumour measurements (sum of diameters)').setInputFiles(`${PILOT}/../pharmaversesdtm/tr_onco_recist.csv`);
	await page.getByRole('button', { name: 'Check the files' }).click();
	await expect(page.getByText(/66 response records \(RS\), 546 tumour measurements \(TR\)/)).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('status').filter({ hasText: 'Imported' }).getByRole('link').first().click();
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Activity' }).click();
	const participants = page.getByRole('table', { name: /Best overall response per participant/ });
	// 1015: SD on day 22 too early, NE, then a CR never confirmed: SD, unconfirmed CR.
	await expect(participants.getByRole('row', { name: /01-701-1015/ })).toContainText(/SD\s*CR/);
	await expect(participants.getByRole('row', { name: /01-701-1118/ })).toContainText(/PR\s*PR/);
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Study settings' }).click();
	const form = page.getByRole('form', { name: 'Tumour response: how the best overall response is read' });
	await form.getByLabel('Whose reads count (RSEVAL)').selectOption('INDEPENDENT ASSESSOR');
	await form.getByLabel('Confirmation interval (days)').fill('');
	await form.getByRole('button', { name: 'Save the response reading' }).click();
	await expect(form.getByLabel('Confirmation interval (days)')).toBeFocused();
	await expect(form.getByText('The confirmation interval is a whole number of at least 1')).toBeVisible();
	await form.getByLabel('Confirmation interval (days)').fill('28');
	await form.getByLabel('Reason for the change').fill('SAP: the independent review decides response');
	await form.getByRole('button', { name: 'Save the response reading' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved. The best overall responses follow.');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Activity' }).click();
	await expect(page.getByText(/from the independent assessor's overall responses/)).toBeVisible();
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('row', { name: /responseSettings.*SAP: the independent review decides response/ })).toBeVisible();
});
