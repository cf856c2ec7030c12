/**
 * Issue 16, the part on the dose call: the CDISC pilot comes in with its placebo arm as a control (not a dose level
 * of the escalation), placebo as no drug, and the other levels in the order of their doses; the study settings
 * change that, with a reason in the audit trail.
 */
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { importPilot, openWithDemo, setReviewer, shot } from './helpers';

test('the pilot’s placebo arm is a control, its levels follow their doses, and the settings change them with a reason', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await importPilot(page);
	await expect(page.getByRole('table').filter({ hasText: 'Problem' })).toContainText('escalation order from the doses in EX: Xan_Lo (54 mg), Xan_Hi (81 mg)');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: 'CDISCPILOT01' }).click();

	// The DLT table shows the placebo arm with its counts, as a control; the escalation counts only the doses.
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'DLTs' }).click();
	const levels = page.getByRole('table', { name: 'DLTs per dose level' });
	await expect(levels.getByRole('row', { name: /^Placebo/ })).toContainText('Control arm');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Escalation' }).click();
	await expect(page.getByRole('main')).not.toContainText('MTD: Pbo');
	await expect(page.getByRole('main')).not.toContainText('(Pbo)');
	await expect(page.getByRole('main')).toContainText('dose 1 (Xan_Lo)');

	// The settings: the levels in escalation order with their doses; a change needs a reason and is audited.
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Study settings' }).click();
	const form = page.getByRole('form', { name: 'How DoseWatch reads this study' });
	await expect(form.getByRole('checkbox', { name: 'Pbo is a control or placebo arm' })).toBeChecked();
	await expect(form.getByRole('checkbox', { name: 'PLACEBO is a placebo (not a drug: no AE is attributed to it)' })).toBeChecked();
	await form.getByLabel('Label of Xan_Lo').fill('Xanomeline 54 mg');
	await form.getByRole('button', { name: 'Save the settings' }).click();
	await expect(form.getByLabel('Reason for the change')).toBeFocused();
	await expect(form.getByText('Say why the settings change (kept in the audit trail)')).toBeVisible();
	await form.getByLabel('Reason for the change').fill('Labels as in the SAP');
	await form.getByRole('button', { name: 'Save the settings' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved. The verdicts and the escalation follow.');
	await shot(page, 'study-settings');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('table', { name: /Audit trail/ }).getByRole('row', { name: /Xan_Lo label: Xanomeline Low Dose → Xanomeline 54 mg/ })).toContainText('Labels as in the SAP');
});

test('the import preview has a settings step: the study is set up before anything is written, and the audit entry says how', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await importPilot(page);
	const step = page.getByRole('region', { name: '3. Study settings' });
	// As guessed from the files: the doses' order, the placebo-only arm a control, placebo no drug.
	await expect(step.getByRole('table', { name: /Dose levels in the order/ }).getByRole('rowheader')).toHaveText(['Pbo', 'Xan_Lo', 'Xan_Hi']);
	await expect(step.getByRole('checkbox', { name: 'Pbo is a control or placebo arm' })).toBeChecked();
	await expect(step.getByRole('checkbox', { name: 'PLACEBO is a placebo (not a drug: no AE is attributed to it)' })).toBeChecked();
	await step.getByLabel('Label of Xan_Hi').fill('Xanomeline 81 mg');
	await step.getByLabel('DLT window: last study day').fill('28');
	await step.getByLabel('Escalation design').selectOption('boin');
	await step.getByLabel('Target DLT rate').fill('1.5');
	await step.getByLabel('Data cut-off').fill('2014-09-01');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	// A wrong value stops the import with the field named, focus on it; nothing is written.
	await expect(step.getByLabel('Target DLT rate')).toBeFocused();
	await expect(page.getByRole('alert').filter({ hasText: 'Check the study settings above' })).toContainText('The target DLT rate must be between 0 and 1');
	await step.getByLabel('Target DLT rate').fill('0.25');
	await step.getByLabel('Note on the settings for the audit trail (optional)').fill('As in the SAP, section 9');
	await shot(page, 'import-settings-step');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 306 subjects');
	await page.getByRole('link', { name: 'CDISCPILOT01' }).click();

	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Escalation' }).click();
	await expect(page.getByRole('main')).toContainText('BOIN, target DLT rate 0.25');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'DLTs' }).click();
	await expect(page.getByRole('heading', { name: /DLT window: days 1–28/ })).toContainText('confirmed by Dr Ada Import');
	await expect(page.getByLabel('Data as of')).toHaveValue('2014-09-01');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Audit trail' }).click();
	const entry = page.getByRole('table', { name: /Audit trail/ }).getByRole('row', { name: /settings set in the preview \(As in the SAP, section 9\)/ });
	await expect(entry).toContainText('Xan_Hi label: Xanomeline High Dose → Xanomeline 81 mg');
	await expect(entry).toContainText('design.kind: 3+3 → boin');
	await expect(entry).toContainText('dltWindow.endDay: 21 → 28');
});

test('the settings page sets the rule set, DLT window and design with one reason, audited', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	await page.goto('/study/demo-bat4706-bat1308/settings');
	const form = page.getByRole('form', { name: 'How DoseWatch reads this study' });
	await expect(form.getByLabel('DLT rule set')).toHaveValue('bat4706-bat1308');
	await expect(form.getByLabel('DLT window: last study day')).toHaveAccessibleDescription(/The protocol says: “The following AEs related to the study drug occurred from day 1 to day 21/);
	await form.getByLabel('DLT window: first study day').fill('0');
	await form.getByLabel('Reason for the change').fill('Amendment 4');
	await form.getByRole('button', { name: 'Save the settings' }).click();
	await expect(form.getByLabel('DLT window: first study day')).toBeFocused();
	await expect(form.getByText('The first day of the DLT window must be a whole study day from 1 to 365')).toBeVisible();
	await form.getByLabel('DLT window: first study day').fill('1');
	await form.getByLabel('DLT window: last study day').fill('28');
	await form.getByLabel('Escalation design').selectOption('boin');
	await form.getByRole('button', { name: 'Save the settings' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved. The verdicts and the escalation follow.');
	await shot(page, 'study-settings-all');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'DLTs' }).click();
	await expect(page.getByRole('heading', { name: /DLT window: days 1–28/ })).toContainText('confirmed by Dr Grace Monitor on');
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Audit trail' }).click();
	const entry = page.getByRole('table', { name: /Audit trail/ }).getByRole('row', { name: /dltWindow.endDay: 21 → 28/ });
	await expect(entry).toContainText('design.kind: 3+3 → boin');
	await expect(entry).toContainText('Amendment 4');
});

test('the pilot’s SAS transport files import through the page, in a worker, with each dataset described', async ({ page }) => {
	const XPT = resolve(import.meta.dirname, '../../../shared/data/cdiscpilot01-xpt');
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await page.goto('/import');
	await page.getByLabel('DM: demographics (required)').setInputFiles(`${XPT}/dm.xpt`);
	await page.getByLabel('EX: exposure (dosing)').setInputFiles(`${XPT}/ex.xpt`);
	await page.getByLabel('AE: adverse events').setInputFiles(`${XPT}/ae.xpt`);
	await page.getByLabel('DS: disposition (early discontinuations)').setInputFiles(`${XPT}/ds.xpt`);
	await page.getByRole('button', { name: 'Check the files' }).click();
	await expect(page.getByText('ae.xpt: SAS transport dataset AE, 35 variables')).toBeVisible();
	await page.getByText('ae.xpt: SAS transport dataset AE').click();
	await expect(page.getByRole('table', { name: 'Variables of AE' }).getByRole('row', { name: /AESEQ Sequence Number number \(8 bytes\)/ })).toBeVisible();
	await shot(page, 'import-xpt-preview');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 306 subjects, 591 dose records and 1191 adverse events');
});

test('a zip of a delivery imports: each domain found, SUPPAE merged, a file’s domain corrected by hand', async ({ page }) => {
	const { zipSync } = await import('fflate');
	const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const XPT = resolve(import.meta.dirname, '../../../shared/data/cdiscpilot01-xpt');
	const dir = mkdtempSync(`${tmpdir()}/dosewatch-zip-`);
	const zip = zipSync({
		'delivery/dm.xpt': new Uint8Array(readFileSync(`${XPT}/dm.xpt`)),
		'delivery/ex.xpt': new Uint8Array(readFileSync(`${XPT}/ex.xpt`)),
		'delivery/adverse_events.xpt': new Uint8Array(readFileSync(`${XPT}/ae.xpt`)),
		'delivery/suppae.xpt': new Uint8Array(readFileSync(`${XPT}/suppae.xpt`))
	});
	writeFileSync(`${dir}/delivery.zip`, zip);
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await page.goto('/import');
	await page.getByLabel(/^Or many files at once/).setInputFiles(`${dir}/delivery.zip`);
	await page.getByRole('button', { name: 'Check the files' }).click();
	const files = page.getByRole('table', { name: /How each file is read/ });
	await expect(files.getByRole('row', { name: /dm\.xpt DM file name/ })).toBeVisible();
	// The AE file's name says nothing, but its DOMAIN column does.
	await expect(files.getByRole('row', { name: /adverse_events\.xpt .*DOMAIN column/ })).toBeVisible();
	await expect(page.getByText('suppae.xpt merged into adverse_events.xpt: AETRTEM')).toBeVisible();
	await shot(page, 'import-zip');
	// A domain chosen by hand re-reads the files with it.
	await page.getByLabel('Domain of ex.xpt').selectOption('');
	await expect(files.getByRole('row', { name: /ex\.xpt .*chosen/ })).toBeVisible();
	await page.getByLabel('Domain of ex.xpt').selectOption('EX');
	await expect(page.getByRole('heading', { name: '4. Confirm' })).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 306 subjects, 591 dose records and 1191 adverse events');
});

test('the pilot’s ADaM in Dataset-JSON imports as DM and AE; the settings step puts its levels in dose order before writing', async ({ page }) => {
	const DSJ = resolve(import.meta.dirname, '../../../shared/data/dataset-json/adam-cdiscpilot01');
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await page.goto('/import');
	await page.getByLabel(/^Or many files at once/).setInputFiles([`${DSJ}/adsl.dsjc`, `${DSJ}/adae.ndjson`]);
	await page.getByRole('button', { name: 'Check the files' }).click();
	await expect(page.getByText('adae.ndjson: Dataset-JSON dataset ADAE')).toBeVisible();
	const step = page.getByRole('region', { name: '3. Study settings' });
	const order = step.getByRole('table', { name: /Dose levels in the order/ }).getByRole('rowheader');
	// ADaM carries no EX, so no dose decides the order: the names' order is shown, and the person corrects it here.
	await expect(order).toHaveText(['Placebo', 'Xanomeline High Dose', 'Xanomeline Low Dose']);
	await expect(step.getByRole('checkbox', { name: 'Placebo is a control or placebo arm' })).toBeChecked();
	await step.getByRole('button', { name: 'Move Xanomeline Low Dose earlier (lower dose)' }).click();
	await expect(order).toHaveText(['Placebo', 'Xanomeline Low Dose', 'Xanomeline High Dose']);
	await expect(step.getByRole('button', { name: 'Move Xanomeline Low Dose earlier (lower dose)' })).toBeFocused();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 254 subjects, 0 dose records and 1191 adverse events');
	await page.getByRole('status').filter({ hasText: 'Imported' }).getByRole('link').first().click();
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Escalation' }).click();
	await expect(page.getByRole('main')).toContainText('dose 1 (Xanomeline Low Dose)');
	await expect(page.getByRole('main')).not.toContainText('MTD: Placebo');
});
