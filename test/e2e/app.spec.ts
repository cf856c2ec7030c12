import { expect, test } from '@playwright/test';
import { FIXTURES, importPilot, openWithDemo, PASSPHRASE, SCREENS, setReviewer, setSigner, shot } from './helpers';

test('first start loads the demo and says plainly that it is demo data', async ({ page }) => {
	await openWithDemo(page);
	await expect(page.getByRole('note')).toContainText('Demo data loaded');
	await expect(page.getByRole('link', { name: /Gentuximab/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /SK-NK cells/ })).toBeVisible();
	await shot(page, 'home');

	await page.getByRole('link', { name: /BAT4706 \+ BAT1308/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('BAT4706 + BAT1308 in advanced solid tumours (Phase 1, 3+3)');
	await expect(page.getByRole('note')).toContainText('This study is synthetic');
	await expect(page.getByRole('heading', { name: /DL5: BAT4706 6 \+ BAT1308 3 mg\/kg/ })).toBeVisible();
	await shot(page, 'overview');

	await page.getByRole('link', { name: 'BAT-001-0401' }).click();
	await expect(page.getByRole('heading', { name: 'Subject BAT-001-0401' })).toBeVisible();
	const chronology = page.getByRole('region', { name: 'Chronology' }).getByRole('table');
	await expect(chronology.getByRole('row', { name: /AE 1 grade change.*now G4/ })).toContainText('8');
	await shot(page, 'subject');
});

test('imports the real CDISC pilot files: all 306 subjects and 1,191 AEs, kept after a reload', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await importPilot(page);
	await expect(page.getByRole('status').filter({ hasText: 'No errors found' })).toBeVisible();
	await expect(page.getByText('1191: 1191 grades derived from AESEV')).toBeVisible();
	await shot(page, 'import-preview');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 306 subjects, 591 dose records and 1191 adverse events');
	await page.getByRole('link', { name: 'CDISCPILOT01' }).click();
	await page.getByRole('link', { name: 'Adverse events' }).click();
	await expect(page.getByText('Showing 1191 of 1191 adverse events.')).toBeVisible();
	// A long listing is built 200 rows at a time; the filters, the sort and the CSV work on every row.
	const body = page.getByRole('table').locator('tbody tr');
	await expect(body).toHaveCount(200);
	await expect(page.getByText('Listed: the first 200 of these 1191, in this order. The CSV download holds all 1191.')).toBeVisible();
	await page.getByRole('button', { name: 'Show 200 more' }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: `${SCREENS}/aes-listing-more.png` });
	await page.getByRole('button', { name: 'Show 200 more' }).click();
	await expect(body).toHaveCount(400);
	await page.getByRole('button', { name: 'Show all 1191' }).click();
	await expect(body).toHaveCount(1191);
	await expect(page.getByRole('button', { name: /^Show/ })).toHaveCount(0);
	await page.getByRole('button', { name: 'Grade' }).click();
	await expect(body).toHaveCount(200);

	await page.reload();
	await expect(page.getByText('Showing 1191 of 1191 adverse events.')).toBeVisible();
	await page.getByLabel('Term, SOC or subject').fill('01-701-1015');
	await expect(page.getByText('Showing 3 of 1191 adverse events.')).toBeVisible();
	expect(page.url()).toContain('q=01-701-1015');
	await page.getByRole('link', { name: 'Overview' }).click();
	const total = async () =>
		(await page.getByRole('heading', { level: 3 }).allTextContents())
			.map((t) => Number(/(\d+) subjects?/.exec(t)?.[1] ?? 0))
			.reduce((a, b) => a + b, 0);
	await expect.poll(total).toBe(306);
});

test('a broken file is refused with file, row and column, and nothing is written', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await page.goto('/import');
	await page.getByLabel('DM: demographics (required)').setInputFiles(`${FIXTURES}/small/dm.csv`);
	await page.getByLabel('AE: adverse events').setInputFiles(`${FIXTURES}/broken/01-impossible-date.ae.csv`);
	await page.getByRole('button', { name: 'Check the files' }).click();
	const problems = page.getByRole('table').filter({ hasText: 'Problem' });
	await expect(problems.getByRole('row', { name: /01-impossible-date\.ae\.csv 3 AESTDTC .*no month 13/ })).toBeVisible();
	await expect(page.getByText('Nothing can be imported until the errors above are fixed')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
	await shot(page, 'import-refused');
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'TST01' })).toHaveCount(0);
});

test('a reviewer edits an AE attribution; the revision is kept with who and why', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	await page.goto('/study/demo-bat4706-bat1308/subjects/BAT-001-0305');
	await page.getByRole('button', { name: 'Edit AE 1 Aspartate aminotransferase increased' }).click();
	await page.getByLabel('Related to BAT4706 Injection').selectOption('probable');
	await page.getByLabel('Reason for change (kept in the audit trail)').fill('Positive rechallenge');
	await shot(page, 'ae-form');
	await page.getByRole('button', { name: 'Save changes' }).click();
	const row = page.getByRole('table').filter({ hasText: 'Related to BAT4706' }).getByRole('row', { name: /Aspartate aminotransferase increased/ });
	await expect(row).toContainText('Probable');
	await row.getByText('1 revision').click();
	await expect(row).toContainText('Unlikely → Probable, Dr Grace Monitor');
	await expect(row).toContainText('Positive rechallenge');
	await shot(page, 'subject-after-edit');
});

test('adds an AE by hand with the CTCAE picker, using only the keyboard for the term', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	await page.goto('/study/demo-sk-nk/subjects/SKNK-002-1201');
	await page.getByRole('button', { name: 'Add an adverse event' }).click();
	await page.getByRole('combobox', { name: 'CTCAE v5.0 term' }).pressSequentially('cytokine');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('System organ class')).toHaveValue('Immune system disorders');
	await page.getByLabel('Grade (worst)').selectOption('2');
	await expect(page.getByRole('row', { name: /G2 Hypotension responding to fluids/ })).toBeVisible();
	await page.getByLabel('Onset').fill('2026-09-29T14:00');
	await page.getByLabel('Related to SK-NK Injection').selectOption('probable');
	await shot(page, 'ae-form-new');
	await page.getByRole('button', { name: 'Add adverse event' }).click();
	const aes = page.getByRole('table').filter({ hasText: 'Related to SK-NK' });
	await expect(aes.getByRole('row', { name: /Cytokine release syndrome/ })).toContainText('Probable');
});

test('after one visit the app works offline, deep links included', async ({ page, context }) => {
	await openWithDemo(page);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

	await context.setOffline(true);
	await page.goto('/study/demo-bat4706-bat1308/aes?grade=4');
	await expect(page.getByText('Showing 4 of 37 adverse events.')).toBeVisible();
	await page.reload();
	await expect(page.getByText('Showing 4 of 37 adverse events.')).toBeVisible();
	await page.getByRole('link', { name: 'BAT-001-0504' }).click();
	await expect(page.getByRole('heading', { name: 'Subject BAT-001-0504' })).toBeVisible();
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
	await expect(page.getByRole('heading', { name: 'Import a study' })).toBeVisible();
	await shot(page, 'offline-import');
	await context.setOffline(false);
});

test('backup downloads, and a damaged backup is refused with nothing changed', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download a backup' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^dosewatch-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
	await page.getByLabel('Restore from a backup file').setInputFiles({
		name: 'truncated.json',
		mimeType: 'application/json',
		buffer: Buffer.from(text.slice(0, 5000))
	});
	await expect(page.getByRole('alert')).toHaveText('truncated.json cannot be restored: it is not valid JSON (the file may be truncated or damaged). Nothing was changed.');
	await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(text) });
	await expect(page.getByRole('alertdialog')).toContainText('holds 3 studies');
	await shot(page, 'settings');
	await page.getByRole('button', { name: 'Replace with this backup' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored good.json' })).toBeVisible();
});

test('the committee overrules a DLT with a reason; counts and audit trail follow, the engine verdict stays', async ({ page }) => {
	await openWithDemo(page);
	await setSigner(page, 'Dr Grace Monitor', 'medical monitor');
	await page.goto('/study/demo-bat4706-bat1308/dlt');
	const summary = page.getByRole('table', { name: 'DLTs per dose level' });
	const dl5 = summary.getByRole('row', { name: /^DL5/ });
	// The design's answer at DL5, as the Escalation tab gives it: too toxic, MTD DL4 (1 DLT in 6).
	await expect(dl5).toContainText('Stop');
	await expect(dl5).toContainText('MTD = dose 4 (DL4)');
	await expect(dl5.getByRole('cell').nth(2)).toHaveText('3');
	await shot(page, 'dlt-page');

	// The committee works through the queue: 8 DLTs and 3 pending candidates in the demo (one lab-defined, from 0505's neutrophils).
	const queue = page.getByRole('region', { name: /Awaiting the committee/ });
	await expect(queue.getByRole('heading')).toHaveText('Awaiting the committee (11)');
	// 0503 has one DLT: grade 3 neutropenia with fever.
	const reason = page.getByText(/Grade 3 neutrophil count decreased starting on day 9 \(20 Oct 2026\), with Fever/).last();
	await expect(reason).toBeVisible();
	await queue.getByRole('button', { name: 'Overrule AE 1 of BAT-001-0503: not a DLT' }).click();
	await page.getByRole('button', { name: 'Overrule: not a DLT' }).click();
	await expect(page.getByText('Give the committee’s reason')).toBeVisible();
	await page.getByLabel('Reason (overrule: not a dlt)').fill('Fever was a line infection; the committee judges the neutropenia alone');
	await page.getByLabel('Passphrase').fill(PASSPHRASE);
	await shot(page, 'dlt-adjudicating');
	await page.getByRole('button', { name: 'Overrule: not a DLT and sign' }).click();

	await expect(page.getByText(/Committee: not a DLT \(Dr Grace Monitor, medical monitor, signed, \d{4}-\d{2}-\d{2}\): Fever was a line infection/)).toBeVisible();
	await expect(reason).toBeVisible(); // the engine's verdict and reason stay
	await expect(dl5.getByRole('cell').nth(2)).toHaveText('2 †');
	// The swimmer crosses out the overruled call; the subject's lane label no longer says DLT.
	const swimmer = page.getByRole('figure', { name: 'Onset relative to dosing' });
	const label0503 = swimmer.locator('a.label', { hasText: 'BAT-001-0503' });
	await label0503.scrollIntoViewIfNeeded();
	await expect(label0503).toHaveAccessibleName('BAT-001-0503, no DLT');
	await expect(swimmer.locator('g.lane').filter({ has: page.locator('a.label', { hasText: 'BAT-001-0503' }) }).locator('g.mark.overruled')).toHaveCount(1);
	await swimmer.screenshot({ path: `${SCREENS}/swimmer-overruled.png` });
	await expect(page.getByText('† The committee\'s decision replaces the engine\'s verdict')).toBeVisible();

	// A pending candidate confirmed as a DLT.
	await queue.getByRole('button', { name: 'Confirm AE 1 of BAT-001-0505 as a DLT' }).click();
	await page.getByLabel('Reason (confirm as dlt)').fill('Onset confirmed on day 6 by the site');
	await page.getByLabel('Passphrase').fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Confirm as DLT and sign' }).click();
	await expect(dl5.getByRole('cell').nth(2)).toHaveText('3 †');
	await expect(queue.getByRole('heading')).toHaveText('Awaiting the committee (9)');
	await shot(page, 'dlt-after-adjudication');

	await page.getByRole('link', { name: 'Audit trail' }).click();
	const audit = page.getByRole('table', { name: /Audit trail/ });
	await expect(audit.getByRole('row', { name: /Dr Grace Monitor Committee decision BAT-001-0503 AE 1 engine: DLT \(rule 2a\) → committee: not a DLT signed by Dr Grace Monitor \(decided as committee\) Fever was a line infection/ })).toBeVisible();
	await expect(audit.getByRole('row', { name: /BAT-001-0505 AE 1 engine: pending → committee: DLT/ })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /Audit trail verified: \d+ entries, each linked to the one before/ })).toBeVisible();
	await shot(page, 'audit');
});

test('the DLT rules are edited as a form: an amendment judges subjects dosed from its date, a correction everyone', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	await page.goto('/study/demo-bat4706-bat1308/dlt');
	const dl2 = page.getByRole('table', { name: 'DLTs per dose level' }).getByRole('row', { name: /^DL2/ });
	await expect(dl2.getByRole('cell').nth(2)).toHaveText('1');
	await page.getByText('DLT rules:').click();
	await page.getByRole('button', { name: 'Edit the rules for this study…' }).click();
	const form = page.getByRole('form', { name: 'Edit the DLT rules' });
	const exception1a = form.getByRole('group', { name: 'Exception 1a' });
	// Amendment 3: nausea, vomiting and diarrhoea relieved within 4 days (not 3) are excepted, for subjects dosed from 21 April.
	await exception1a.getByLabel('Relieved within (hours)').fill('96');
	await exception1a.getByLabel('In words').fill('4 days');
	await expect(form.getByRole('group', { name: /^Rule 1: / }).getByText(/relieved within 96 h \(exception 1a\)/)).toBeVisible();
	await form.getByLabel('Effective for subjects first dosed from').fill('2026-04-21');
	await form.getByRole('button', { name: 'Save as version 3' }).click();
	// Every problem is listed by field, and focus goes to the first.
	const problems = form.getByRole('alert');
	await expect(problems).toContainText('2 problems to fix before saving');
	await expect(problems).toContainText('Name the amendment that takes effect on that date');
	await expect(form.getByLabel('Protocol amendment')).toBeFocused();
	await form.getByLabel('Protocol amendment').fill('Amendment 3');
	await form.getByLabel('Reason for the change').fill('Amendment 3 approved: relief within 4 days');
	await shot(page, 'dlt-rules-form');
	await form.getByRole('button', { name: 'Save as version 3' }).click();

	// BAT-001-0204 was dosed on 20 April, before the amendment: its diarrhoea relieved in 4 days stays a DLT under version 2.
	await expect(page.getByText('(study-demo-bat4706-bat1308 version 3; 2 versions in force after an amendment)')).toBeVisible();
	await expect(dl2.getByRole('cell').nth(2)).toHaveText('1');
	await expect(page.getByRole('note').filter({ hasText: 'A protocol amendment changed the DLT rules' })).toContainText('study-demo-bat4706-bat1308 v3 (Amendment 3, subjects first dosed from 2026-04-21)');
	const s0204 = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'BAT-001-0204' }) });
	await expect(s0204).toContainText('Judged by bat4706-bat1308 v2.');
	const versions = page.getByRole('table', { name: /Versions in force/ });
	await expect(versions.getByRole('row', { name: /bat4706-bat1308 v2 before 21 Apr 2026/ })).toContainText('7');
	await expect(versions.getByRole('row', { name: /v3 from 21 Apr 2026 Amendment 3/ })).toContainText('20');
	await shot(page, 'dlt-rules-versions');

	// A correction (no effective date) judges every subject: the diarrhoea is now excepted for BAT-001-0204 too.
	await page.getByRole('button', { name: 'Edit the rules for this study…' }).click();
	await form.getByLabel('Reason for the change').fill('Committee ruling: the 4-day relief applies to every subject');
	await form.getByRole('button', { name: 'Save as version 4' }).click();
	await expect(page.getByText('(study-demo-bat4706-bat1308 version 4)')).toBeVisible();
	await expect(dl2.getByRole('cell').nth(2)).toHaveText('0');
	await expect(page.getByText(/Grade 3 diarrhea starting on day 5 .*relieved in 4 days with treatment, within 4 days: excepted by rule 1a/).first()).toBeVisible();

	// A field that makes no sense is refused, naming the rule; focus goes to it.
	await page.getByRole('button', { name: 'Edit the rules for this study…' }).click();
	await form.getByRole('group', { name: /^Rule 2b: / }).getByLabel('For at least (days)').fill('0');
	await form.getByLabel('Reason for the change').fill('test');
	await form.getByRole('button', { name: 'Save as version 5' }).click();
	await expect(form.getByRole('alert')).toContainText('Rule 2b: the duration must be a whole number of days, 1 or more');
	await expect(form.getByRole('group', { name: /^Rule 2b: / }).getByLabel('For at least (days)')).toBeFocused();
});

test('deleting a dose asks for a reason and the audit trail keeps it', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await page.goto('/study/demo-gentuximab/subjects/GTX-000-0101');
	await expect(page.getByRole('heading', { name: /^Doses \(\d+\)$/ })).toBeVisible();
	const before = Number(/\((\d+)\)/.exec(await page.getByRole('heading', { name: /^Doses/ }).innerText())![1]);
	await page.getByRole('button', { name: 'Delete dose 1', exact: true }).click();
	await page.getByLabel('Reason', { exact: true }).fill('Duplicate entry from the EDC');
	await page.getByRole('alertdialog').getByRole('button', { name: 'Delete dose' }).click();
	await expect(page.getByRole('heading', { name: `Doses (${before - 1})` })).toBeVisible();
	await page.getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('row', { name: /Deleted dose GTX-000-0101 dose 1 .*Duplicate entry from the EDC/ })).toBeVisible();
});

test('the audit trail filters by subject, field and reviewer, and exports what it shows', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	await page.goto('/study/demo-bat4706-bat1308/subjects/BAT-001-0103');
	await page.getByRole('button', { name: 'Edit AE 1 Nausea' }).click();
	await page.getByLabel('Action taken with study treatment').fill('DOSE REDUCED');
	await page.getByLabel('Reason for change (kept in the audit trail)').fill('Source data verification');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('heading', { name: 'Edit AE 1' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Showing 2 of 2 entries/ })).toBeVisible();
	await page.getByLabel('Field changed').selectOption('action');
	await page.getByLabel('Reviewer').selectOption('Dr Grace Monitor');
	await page.getByLabel('Subject').fill('0103');
	await expect(page.getByRole('status').filter({ hasText: 'Showing 1 of 2 entries.' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Dr Grace Monitor Changed AE BAT-001-0103 AE 1 action: DOSE NOT CHANGED → DOSE REDUCED Source data verification/ })).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download these entries as CSV' }).click();
	const { readFileSync } = await import('node:fs');
	const csv = readFileSync((await (await download).path())!, 'utf8');
	expect(csv.trim().split('\r\n')).toHaveLength(2);
	expect(csv).toContain('"BAT-001-0103 AE 1","action"');
});

test('changes not in a recent backup bring a reminder; a backup clears it; Settings shows the storage', async ({ page }) => {
	await openWithDemo(page);
	const reminder = page.getByRole('status').filter({ hasText: 'Back up your data.' });
	await expect(page.getByRole('heading', { name: 'Studies', level: 1 })).toBeVisible();
	await expect(reminder).toHaveCount(0); // the demo alone needs no backup
	await setReviewer(page, 'Dr Ada Import');
	await page.goto('/study/demo-bat4706-bat1308/subjects/BAT-001-0103');
	await page.getByRole('button', { name: 'Edit AE 1 Nausea' }).click();
	await page.getByLabel('Notes').fill('Checked against source');
	await page.getByLabel('Reason for change (kept in the audit trail)').fill('SDV');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(reminder).toContainText('Your changes are not in any backup yet.');

	await page.goto('/settings');
	await expect(page.getByText(/ of .* available to this site/)).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download a backup' }).click();
	await download;
	await expect(reminder).toHaveCount(0);

	// A backup ten days older than the last change brings the reminder back.
	await page.evaluate(
		() =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('dosewatch');
				open.onsuccess = () => {
					const tx = open.result.transaction('settings', 'readwrite');
					tx.objectStore('settings').put({ key: 'lastBackupAt', value: new Date(Date.now() - 10 * 86_400_000).toISOString() });
					tx.oncomplete = () => done();
					tx.onerror = () => fail(tx.error);
				};
			})
	);
	await page.reload();
	await expect(reminder).toContainText('is more than a week older than your last change');
	await shot(page, 'settings-storage');
});

test('a subject who left during the DLT window without a DLT is not evaluable, and the cohort count follows', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	await page.goto('/study/demo-bat4706-bat1308/dlt');
	const dl4 = page.getByRole('table', { name: 'DLTs per dose level' }).getByRole('row', { name: /^DL4/ });
	await expect(dl4.getByRole('cell').nth(1)).toHaveText('6'); // evaluable
	await expect(dl4).toContainText('Stop'); // DL5 is too toxic and DL4 has 1 DLT in 6: the MTD

	// BAT-001-0402 had day 1 on 5 Aug 2026; the site reports she withdrew on day 10.
	await page.goto('/study/demo-bat4706-bat1308/subjects/BAT-001-0402');
	await page.getByRole('button', { name: 'Edit subject' }).click();
	await page.getByLabel('Left the study on').fill('2026-08-14');
	await page.getByLabel('Reason for leaving').fill('Withdrawal by subject');
	await page.getByLabel('Reason for change (kept in the audit trail)').fill('DS form received from site 102');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('14 Aug 2026 (withdrawal by subject)')).toBeVisible();

	await page.goto('/study/demo-bat4706-bat1308/dlt');
	await expect(dl4.getByRole('cell').nth(1)).toHaveText('5');
	await expect(dl4.getByRole('cell').nth(4)).toHaveText('1'); // not evaluable
	await expect(dl4).toContainText('Expand to 6');
	await expect(dl4).toContainText('1 of 5 evaluable with a DLT; the design: next cohort at dose 4 (DL4).');
	await expect(
		page.getByText('Left the study on 14 Aug 2026 (day 10, withdrawal by subject), before the DLT window ended on 25 Aug 2026, without a DLT: did not complete the window, not evaluable.')
	).toBeVisible();
	await shot(page, 'dlt-withdrawal');
});
