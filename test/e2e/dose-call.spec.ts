/**
 * Issue 11 as a medical monitor meets it: a MedDRA-coded export (British spellings, capitals) with deaths in AE,
 * DM and DS and a held dose, imported through the import page into a new study whose protocol gives no window.
 */
import { expect, test } from '@playwright/test';
import { FIXTURES, openWithDemo, setReviewer, shot } from './helpers';

const SET = `${FIXTURES}/meddra-deaths`;

test('deaths end observation, fatal events reach the work list, MedDRA terms are read, and an assumed window is confirmed', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	await page.goto('/import');
	await page.getByLabel('DM: demographics (required)').setInputFiles(`${SET}/dm.csv`);
	await page.getByLabel('EX: exposure (dosing)').setInputFiles(`${SET}/ex.csv`);
	await page.getByLabel('AE: adverse events').setInputFiles(`${SET}/ae.csv`);
	await page.getByLabel('DS: disposition (early discontinuations)').setInputFiles(`${SET}/ds.csv`);
	await page.getByRole('button', { name: 'Check the files' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'No errors found' })).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: 'MD', exact: true }).click();
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'DLTs' }).click();
	const root = new URL(page.url()).pathname.replace(/\/dlt$/, '');

	// The window: the files give none, so it is DoseWatch's assumption until confirmed.
	const windowCard = page.getByRole('region', { name: /DLT window: days 1–21/ });
	await expect(windowCard).toContainText("DoseWatch's assumption");
	await expect(windowCard.getByRole('status')).toContainText('The protocol gives no DLT window');

	// The cohort: MD-01 a fatal DLT; MD-02 (AE) and MD-03 (DM) died in the window: not evaluable, never "completed".
	const dl1 = page.getByRole('table', { name: 'DLTs per dose level' }).getByRole('row', { name: /^Dose level 1/ });
	// As of the data's last date (23 Mar), MD-06 is still in its window: its day 1 is 9 Mar, not the held dose of 2 Mar.
	await expect(dl1.getByRole('cell').nth(1)).toHaveText('2'); // evaluable: MD-01, MD-04
	await expect(dl1.getByRole('cell').nth(2)).toHaveText('1');
	await expect(dl1.getByRole('cell').nth(4)).toHaveText('2'); // not evaluable: the two deaths
	await expect(page.getByText(/Died on 11 Mar 2026 \(day 10\), recorded in AE 1 DISEASE PROGRESSION, within the DLT window/)).toBeVisible();
	await expect(page.getByText(/Died on 13 Mar 2026 \(day 12\), recorded in DM DTHDTC/)).toBeVisible();

	// The work list holds every fatal event, the unrelated one too, and the not-classified blood term.
	const queue = page.getByRole('region', { name: /Awaiting the committee/ });
	await expect(queue.getByRole('heading')).toHaveText('Awaiting the committee (3)');
	const progression = queue.getByRole('listitem').filter({ hasText: 'MD-02 AE 1' });
	await expect(progression).toContainText('Fatal');
	await expect(progression).toContainText('not related to DRUGX; not a DLT');
	const other = queue.getByRole('listitem').filter({ hasText: 'MD-05 AE 1' });
	await expect(other).toContainText('Not classified');
	await expect(other).toContainText('the committee decides');
	await shot(page, 'dlt-deaths-meddra');

	// A reviewer confirms the assumed window; the audit trail keeps it.
	await windowCard.getByRole('button', { name: 'Confirm or change the window…' }).click();
	await windowCard.getByRole('button', { name: 'Confirm the window' }).click();
	await expect(windowCard.getByRole('alert')).toHaveText('Say why (the protocol section, an amendment, a committee decision).');
	await windowCard.getByLabel('Reason (protocol section, amendment, committee decision)').fill('Protocol v2.0 section 6.3: cycle 1');
	await windowCard.getByRole('button', { name: 'Confirm the window' }).click();
	await expect(windowCard).toContainText('confirmed by Dr Grace Monitor');
	await expect(windowCard.getByRole('status')).toHaveCount(0);
	await page.getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('table', { name: /Audit trail/ })).toContainText('DLT window days 1–21: Protocol v2.0 section 6.3: cycle 1');

	// The subject page says the subject's status and each AE's verdict; a held dose does not start day 1.
	await page.goto(`${root}/subjects/MD-06`);
	const status = page.getByRole('region', { name: /DLT status/ });
	await expect(status).toContainText('Pending');
	await expect(status).toContainText('In the DLT window until 29 Mar 2026');
	await expect(status).toContainText('day 1 9 Mar 2026');
	await page.goto(`${root}/subjects/MD-01`);
	await expect(page.getByRole('region', { name: /DLT status/ })).toContainText('DLT: DIARRHOEA AE 1 on day 5');
	const aes = page.getByRole('region', { name: /Adverse events/ });
	await expect(aes.getByRole('row', { name: /DIARRHOEA/ })).toContainText('DLT');
	await expect(aes.getByRole('row', { name: /DIARRHOEA/ })).toContainText('fatal');
	await shot(page, 'subject-dlt-status');

	// The AE listing: a verdict column and filter, kept in the URL.
	await page.goto(`${root}/aes`);
	await expect(page.getByText('Showing 6 of 6 adverse events.')).toBeVisible();
	await page.getByLabel('DLT verdict').selectOption('candidate');
	await expect(page.getByText('Showing 2 of 6 adverse events.')).toBeVisible(); // the DLT and the pending one
	expect(page.url()).toContain('verdict=candidate');
	const listing = page.getByRole('table', { name: /Adverse events/ });
	await expect(listing.getByRole('row', { name: /MD-05/ })).toContainText('Pending');
	await shot(page, 'aes-verdict-filter');
});

test('the generic rule set is labelled as DoseWatch’s, never as the protocol’s words; protocol 000 reads "Up to 7 weeks"', async ({ page }) => {
	await openWithDemo(page);
	await page.goto('/study/demo-gentuximab/dlt');
	const windowCard = page.getByRole('region', { name: /DLT window: days 1–49/ });
	await expect(windowCard).toContainText('Up to 7 weeks');
	await expect(windowCard).not.toContainText('Cycle 2:day 21-day 49');
	await page.getByText('DLT rules:').click();
	await expect(page.getByRole('note').filter({ hasText: "These rules are DoseWatch's default" })).toBeVisible();
	await expect(page.getByRole('columnheader', { name: "DoseWatch's default rule (not the protocol's words)" })).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'The protocol says' })).toHaveCount(0);
	await shot(page, 'dlt-generic-rules');

	await page.goto('/study/demo-bat4706-bat1308/dlt');
	// A closed section builds nothing: the rules table exists once the panel is opened, and stays when it closes.
	const rules = page.locator('details.rules');
	await expect(page.getByText('DLT rules:')).toBeVisible();
	await expect(rules.getByRole('columnheader', { name: 'The protocol says', includeHidden: true })).toHaveCount(0);
	await page.getByText('DLT rules:').click();
	await expect(page.getByRole('columnheader', { name: 'The protocol says' })).toBeVisible();
	await page.getByText('DLT rules:').click();
	await expect(rules.getByRole('columnheader', { name: 'The protocol says', includeHidden: true })).toHaveCount(1);
	// The overview's protocol notes likewise.
	await page.goto('/study/demo-bat4706-bat1308');
	const notes = page.getByRole('region', { name: 'Study settings' });
	await expect(notes.getByText('How DoseWatch reads protocol 001')).toBeVisible();
	await expect(notes.locator('details table')).toHaveCount(0);
	await notes.getByText('How DoseWatch reads protocol 001').click();
	await expect(notes.getByRole('cell', { name: /Treatment-emergent: every AE starting on or after the first dose/ })).toBeVisible();
});
