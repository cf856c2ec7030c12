/**
 * Issue 13 in a real browser: a signature with a wrong passphrase signs nothing; a renumbered EDC re-export keeps the
 * committee's decision with its event; a backup edited by hand is refused; restoring an older backup over newer
 * history needs confirmation and is itself in the trail.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openWithDemo, PASSPHRASE, SCREENS, setSigner, shot } from './helpers';

const STUDY = '/study/demo-bat4706-bat1308';
const DEMO = resolve(import.meta.dirname, '../../static/demo/bat4706-bat1308');
const WORK = mkdtempSync(join(tmpdir(), 'dosewatch-records-'));

async function download(page: Page): Promise<string> {
	await page.goto('/settings');
	const dl = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download a backup' }).click();
	return readFileSync((await (await dl).path())!, 'utf8');
}

async function confirmNeutropenia(page: Page, passphrase: string) {
	const queue = page.getByRole('region', { name: /Awaiting the committee/ });
	await queue.getByRole('button', { name: 'Confirm AE 1 of BAT-001-0503 as a DLT' }).click();
	// Focus moves into the form when it opens.
	await expect(page.getByLabel('Reason (confirm as dlt)')).toBeFocused();
	await page.getByLabel('Reason (confirm as dlt)').fill('Grade 3 neutropenia with fever: a DLT');
	await page.getByLabel('Passphrase').fill(passphrase);
	await page.getByRole('button', { name: 'Confirm as DLT and sign' }).click();
}

test('a wrong passphrase signs nothing; the right one signs with the printed name, role and meaning', async ({ page }) => {
	await openWithDemo(page);
	await setSigner(page, 'Dr Grace Monitor', 'medical monitor');
	await page.goto(`${STUDY}/dlt`);
	const queue = page.getByRole('region', { name: /Awaiting the committee/ });
	await expect(queue.getByRole('heading')).toHaveText('Awaiting the committee (11)');
	await confirmNeutropenia(page, 'not my passphrase');
	await expect(page.getByText("The passphrase is not Dr Grace Monitor's. Nothing was signed.")).toBeVisible();
	await expect(page.getByLabel('Passphrase')).toBeFocused();
	await expect(queue.getByRole('heading')).toHaveText('Awaiting the committee (11)');
	await page.locator('form.adjudicate').screenshot({ path: `${SCREENS}/signature-wrong-passphrase.png` });
	await page.getByLabel('Passphrase').fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Confirm as DLT and sign' }).click();
	await expect(queue.getByRole('heading')).toHaveText('Awaiting the committee (10)');
	await expect(page.getByText(/Committee: DLT \(Dr Grace Monitor, medical monitor, signed, \d{4}-\d{2}-\d{2}\)/).first()).toBeVisible();
});

test('a renumbered EDC re-export keeps the committee decision with its event, and the preview says what it changes', async ({ page }) => {
	await openWithDemo(page);
	await setSigner(page, 'Dr Grace Monitor', 'medical monitor');
	await page.goto(`${STUDY}/dlt`);
	await confirmNeutropenia(page, PASSPHRASE);
	await expect(page.getByRole('region', { name: /Awaiting the committee/ }).getByRole('heading')).toHaveText('Awaiting the committee (10)');

	// The EDC re-export: a headache recorded late takes AESEQ 1 of BAT-001-0503; the neutropenia becomes 2, the fever 3.
	const lines = readFileSync(`${DEMO}/ae.csv`, 'utf8').trimEnd().split('\n');
	const out: string[] = [];
	for (const l of lines) {
		const m = /^BAT-001,AE,BAT-001-0503,(\d+),(.*)$/.exec(l);
		if (!m) out.push(l);
		else {
			if (m[1] === '1') out.push('BAT-001,AE,BAT-001-0503,1,HEADACHE,Headache,Nervous system disorders,1,N,N,NOT RELATED,NOT RELATED,DOSE NOT CHANGED,N,RECOVERED/RESOLVED,2026-10-15,2026-10-15,');
			out.push(`BAT-001,AE,BAT-001-0503,${Number(m[1]) + 1},${m[2]}`);
		}
	}
	writeFileSync(join(WORK, 'ae.csv'), out.join('\n') + '\n');
	await page.goto('/import');
	await page.getByLabel('DM: demographics (required)').setInputFiles(`${DEMO}/dm.csv`);
	await page.getByLabel('EX: exposure (dosing)').setInputFiles(`${DEMO}/ex.csv`);
	await page.getByLabel('AE: adverse events').setInputFiles(join(WORK, 'ae.csv'));
	await page.getByLabel('Import into').selectOption('demo-bat4706-bat1308');
	await page.getByRole('button', { name: 'Check the files' }).click();
	const changes = page.getByRole('region', { name: 'What this import changes in the stored study' });
	await expect(changes.getByRole('row', { name: /^Adverse events/ })).toContainText(/\d+\s*2\s*1\s*0/); // unchanged, 2 changed (renumbered), 1 new, 0 removed
	await expect(changes).toContainText('BAT-001-0503 AESEQ 1 named Neutrophil count decreased (onset 2026-10-20, grade 3); it now names Headache (onset 2026-10-15, grade 1)');
	await shot(page, 'reimport-preview');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText(/^Imported \d+ subjects/)).toBeVisible({ timeout: 30_000 });

	// The decision stayed with the neutropenia (now AE 2); the headache is not a confirmed DLT.
	await page.goto(`${STUDY}/subjects/BAT-001-0503`);
	const aes = page.getByRole('region', { name: /^Adverse events \(/ });
	const neutropenia = aes.getByRole('row').filter({ hasText: 'Neutrophil count decreased' });
	await neutropenia.getByText(/^Why/).click();
	await expect(neutropenia).toContainText('Committee: DLT, Dr Grace Monitor, medical monitor (e-signed): Grade 3 neutropenia with fever: a DLT');
	await expect(neutropenia.getByRole('rowheader')).toContainText('2');
	await expect(aes.getByRole('row').filter({ hasText: 'Headache' })).not.toContainText('Committee');
	await shot(page, 'reimport-subject');
	await page.goto(`${STUDY}/audit`);
	await expect(page.getByRole('table', { name: /Audit trail/ })).toContainText('AESEQ renumbered');
});

test('a backup edited by hand (checksum recomputed) is refused; an older one needs confirmation and is in the trail', async ({ page }) => {
	await openWithDemo(page);
	await setSigner(page, 'Dr Grace Monitor', 'medical monitor');
	const older = await download(page);
	await page.goto(`${STUDY}/dlt`);
	await confirmNeutropenia(page, PASSPHRASE);
	await expect(page.getByRole('region', { name: /Awaiting the committee/ }).getByRole('heading')).toHaveText('Awaiting the committee (10)');
	const current = await download(page);

	// Tampered: the signed decision turned round, the checksum recomputed to match.
	const file = JSON.parse(current);
	file.data.adjudications[0].decision = 'not_dlt';
	file.checksum = createHash('sha256').update(JSON.stringify(file.data)).digest('hex');
	writeFileSync(join(WORK, 'tampered.json'), JSON.stringify(file));
	await page.getByLabel('Restore from a backup file').setInputFiles(join(WORK, 'tampered.json'));
	await expect(page.getByRole('alert').filter({ hasText: 'tampered.json cannot be restored: a signature does not hold' })).toContainText('the signed content was changed after Dr Grace Monitor signed it');
	await shot(page, 'restore-tampered');

	// Older: restoring it would drop the decision's audit entries: it says so and waits for confirmation.
	writeFileSync(join(WORK, 'older.json'), older);
	await page.getByLabel('Restore from a backup file').setInputFiles(join(WORK, 'older.json'));
	const dialog = page.getByRole('alertdialog');
	await expect(dialog).toContainText(/This backup is older than the history here: \d+ audit entr/);
	const replace = page.getByRole('button', { name: 'Replace with this backup' });
	await expect(replace).toBeDisabled();
	await shot(page, 'restore-older');
	await dialog.getByRole('checkbox', { name: /Restore anyway/ }).check();
	await replace.click();
	await expect(page.getByText(/^Restored older\.json\. The restore is recorded in the audit trail\./)).toBeVisible({ timeout: 30_000 });

	// The restore is in the study's trail, with the entries it replaced kept inside it; the chain holds.
	await page.goto(`${STUDY}/audit`);
	const restoreRow = page.getByRole('table', { name: /Audit trail/ }).getByRole('row', { name: /Restored database \(whole database\)/ });
	await expect(restoreRow).toContainText(/audit entr(y|ies) recorded here after that backup (is|are) kept inside this entry/);
	await expect(page.getByRole('status').filter({ hasText: /^Audit trail verified/ })).toBeVisible();
	await shot(page, 'audit-after-restore');
});

test('the printed pack isolates user text: a right-to-left override cannot reorder it, and a long word wraps', async ({ page }) => {
	await openWithDemo(page);
	await setSigner(page, 'Dr Grace Monitor', 'medical monitor');
	await page.goto(`${STUDY}/meetings`);
	await page.getByRole('button', { name: 'Start a meeting record' }).click();
	const form = page.getByRole('form', { name: 'Meeting record' });
	const rlo = 'Dr \u202EEve Adams';
	await form.getByLabel('Attendees').fill(`${rlo}\nDr Ada Stat`);
	const word = 'x'.repeat(400);
	await form.getByLabel('Minutes').fill(`Discussed ${word} at length.`);
	await form.getByRole('button', { name: 'Save the meeting record' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved.');
	await page.getByRole('link', { name: /Meeting pack/ }).click();
	await page.setViewportSize({ width: 718, height: 1000 });
	await page.emulateMedia({ media: 'print' });
	const attendees = page.locator('dd').filter({ hasText: 'Dr Ada Stat' });
	await expect(attendees.locator('bdi')).toHaveCount(2);
	// The override stays inside its name: the next attendee is still drawn to its right.
	const [first, second] = await attendees.locator('bdi').evaluateAll((els) => els.map((e) => ({ x: e.getBoundingClientRect().left, bidi: getComputedStyle(e).unicodeBidi })));
	expect(first!.bidi).toBe('isolate');
	expect(second!.x).toBeGreaterThan(first!.x);
	const minutes = page.locator('p.minutes');
	expect(await minutes.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
	await shot(page, 'pack-hostile-text');
});

test('unsaved minutes are warned about on leave, kept when another tab deletes the draft, and deleting asks first', async ({ page, context }) => {
	await openWithDemo(page);
	await setSigner(page, 'Dr Grace Monitor', 'medical monitor');
	await page.goto(`${STUDY}/meetings`);
	await page.getByRole('button', { name: 'Start a meeting record' }).click();
	const form = page.getByRole('form', { name: 'Meeting record' });
	await form.getByRole('button', { name: 'Save the meeting record' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved.');
	const url = page.url();
	await form.getByLabel('Minutes').fill('Long minutes typed during the meeting.');
	await expect(form.getByRole('status')).toHaveText('Unsaved changes');

	// Leaving asks first; staying keeps the text.
	let asked = '';
	page.once('dialog', (d) => {
		asked = d.message();
		void d.dismiss();
	});
	await page.getByRole('link', { name: 'Audit trail' }).click();
	await expect.poll(() => asked).toBe('The meeting record has unsaved changes. Leave this page and lose them?');
	expect(page.url()).toBe(url);
	await expect(form.getByLabel('Minutes')).toHaveValue('Long minutes typed during the meeting.');

	// Another tab saves the record: this tab keeps its edits and says saving would be refused.
	const other = await context.newPage();
	await other.goto(url);
	const otherForm = other.getByRole('form', { name: 'Meeting record' });
	await otherForm.getByLabel('Attendees').fill('Dr Other Tab');
	await otherForm.getByRole('button', { name: 'Save the meeting record' }).click();
	await expect(otherForm.getByRole('status')).toHaveText('Saved.');
	await expect(page.getByRole('alert').filter({ hasText: 'This record was changed in another tab or window since you opened it.' })).toBeVisible();
	await expect(form.getByLabel('Minutes')).toHaveValue('Long minutes typed during the meeting.');

	// Another tab deletes the draft (it asks first there): this tab keeps the text, and says so.
	await other.getByRole('button', { name: 'Delete this draft' }).click();
	await expect(other.getByRole('alert').filter({ hasText: 'Delete this draft and its minutes? This cannot be undone.' })).toBeVisible();
	await other.getByRole('button', { name: 'Yes, delete the draft' }).click();
	await expect(other).toHaveURL(/\/meetings$/);
	await expect(page.getByRole('alert').filter({ hasText: 'This meeting record was deleted in another tab or window.' })).toBeVisible();
	await expect(form.getByLabel('Minutes')).toHaveValue('Long minutes typed during the meeting.');
	await shot(page, 'meeting-removed-elsewhere');
});

test('an AE edit not saved is warned about on leave', async ({ page }) => {
	await openWithDemo(page);
	await setSigner(page, 'Dr Grace Monitor', 'medical monitor');
	await page.goto(`${STUDY}/subjects/BAT-001-0103`);
	await page.getByRole('button', { name: 'Edit AE 1 Nausea' }).click();
	await page.getByLabel('Action taken with study treatment').fill('DOSE REDUCED');
	let asked = '';
	page.once('dialog', (d) => {
		asked = d.message();
		void d.dismiss();
	});
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Overview' }).click();
	await expect.poll(() => asked).toBe('The adverse event form has unsaved changes. Leave this page and lose them?');
	await expect(page.getByLabel('Action taken with study treatment')).toHaveValue('DOSE REDUCED');
});
