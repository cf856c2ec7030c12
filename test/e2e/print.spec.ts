import { expect, test } from '@playwright/test';
import { openWithDemo } from './helpers';

// A4 portrait at 96 dpi is 794 px wide; with 10 mm margins about 718 px is printable.
const PRINTABLE_WIDTH = 718;

const pages = [
	'/study/demo-bat4706-bat1308',
	'/study/demo-bat4706-bat1308/dlt',
	'/study/demo-bat4706-bat1308/escalation',
	'/study/demo-bat4706-bat1308/aes',
	'/study/demo-bat4706-bat1308/subjects/BAT-001-0504',
	'/study/demo-bat4706-bat1308/audit',
	'/study/demo-bat4706-bat1308/attribution',
	'/study/demo-bat4706-bat1308/labs'
];

test('every study page prints on A4 without a table or chart running off the page, and without controls', async ({ page }) => {
	await openWithDemo(page);
	await page.setViewportSize({ width: PRINTABLE_WIDTH, height: 1000 });
	await page.emulateMedia({ media: 'print' });
	for (const path of pages) {
		await page.goto(path);
		await page.getByRole('heading', { level: 1 }).waitFor();
		await page.locator('table, figure').filter({ visible: true }).first().waitFor();
		const overflow = await page.evaluate(() =>
			[...document.querySelectorAll('table, figure svg')]
				.filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
				.map((t) => `${t.querySelector('caption')?.textContent?.trim() ?? t.closest('figure')?.querySelector('h3')?.textContent ?? t.tagName} (${Math.round(t.getBoundingClientRect().right)} px)`)
		);
		expect(overflow, `${path}: tables wider than the printed page`).toEqual([]);
		const visibleButtons = await page.locator('button:not(.keep-print):visible').count();
		expect(visibleButtons, `${path}: buttons print`).toBe(0);
		const emptyHeaders = await page.evaluate(() =>
			[...document.querySelectorAll('thead th')].filter((th) => {
				const box = th.getBoundingClientRect();
				const hidden = th.closest('.visually-hidden, details:not([open])') !== null;
				return !hidden && box.width > 0 && (th as HTMLElement).innerText.trim() === '' && !th.querySelector('.visually-hidden');
			}).length
		);
		expect(emptyHeaders, `${path}: column headers printed empty`).toBe(0);
	}
	await page.goto('/study/demo-bat4706-bat1308/dlt');
	await page.getByRole('table', { name: 'DLTs per dose level' }).waitFor();
	const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
	const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	expect(pageCount).toBeGreaterThan(0);
	// The DLT page of the 001 demo: its committee list, cohorts and every subject's verdicts, lab-defined candidates included.
	expect(pageCount).toBeLessThanOrEqual(7);
});
