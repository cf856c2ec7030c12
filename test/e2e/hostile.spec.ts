import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { FIXTURES, openWithDemo, setReviewer } from './helpers';

test('hostile text from files is shown as text everywhere and neutralised in CSV exports', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', async (d) => {
		dialogs.push(d.message());
		await d.dismiss();
	});
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await page.goto('/import');
	await page.getByLabel('DM: demographics (required)').setInputFiles(`${FIXTURES}/hostile/dm.csv`);
	await page.getByLabel('EX: exposure (dosing)').setInputFiles(`${FIXTURES}/hostile/ex.csv`);
	await page.getByLabel('AE: adverse events').setInputFiles(`${FIXTURES}/hostile/ae.csv`);
	await page.getByRole('button', { name: 'Check the files' }).click();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: 'HOSTILE' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('HOSTILE');

	// Pages that show the term must show it literally; every page must render no markup from the data.
	const pages = ['', '/aes', '/dlt', '/attribution', '/subjects/H-001'];
	const studyUrl = page.url().replace(/\/$/, '');
	for (const p of pages) {
		await page.goto(studyUrl + p);
		await page.getByRole('heading', { level: 1 }).waitFor();
		if (p !== '/attribution')
			await expect(page.getByText('<img src=x onerror=alert(1)>').filter({ visible: true }).first(), `${p}`).toBeVisible();
		expect(await page.locator('main img, main script, main b').count(), `${p}: markup from data was rendered`).toBe(0);
	}
	await page.goto(`${studyUrl}/aes`);
	await expect(page.getByText('=HYPERLINK("http://x")').first()).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download these rows as CSV' }).click();
	const csv = readFileSync((await (await download).path())!, 'utf8');
	expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
	expect(csv).toContain(`"'+1+1"`);
	expect(csv).toContain(`"'@SUM(A1)"`);
	expect(csv).toContain('"<img src=x onerror=alert(1)>"');
	expect(dialogs).toEqual([]);
});
