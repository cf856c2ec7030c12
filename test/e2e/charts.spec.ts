import { expect, test } from '@playwright/test';
import { importPilot, openWithDemo, setReviewer, SCREENS } from './helpers';

/**
 * Compares a chart with its reference image in test/e2e/reference/ (a visual regression fails the run; after an
 * intended change, `npx playwright test -c test/playwright.config.ts charts --update-snapshots` and look at the
 * new images before committing them), and keeps this run's image in __screenshots__.
 */
async function chartShot(page: import('@playwright/test').Page, name: string, figure: string, compare = true) {
	const chart = page.getByRole('figure', { name: figure });
	await chart.screenshot({ path: `${SCREENS}/chart-${name}.png` });
	if (compare) await expect(chart).toHaveScreenshot(`chart-${name}.png`, { maxDiffPixelRatio: 0.01 });
}

test('demo: the overview and DLT charts draw, explain themselves and respond to keyboard and filters', async ({ page }) => {
	await openWithDemo(page);
	await page.goto('/study/demo-bat4706-bat1308');
	// Protocol 001 counts AEs through study completion: the facts say so rather than "up to  days".
	const facts = page.getByRole('region', { name: 'Study settings' });
	await expect(facts.getByText('from the first dose through study completion (no limit after the last dose)')).toBeVisible();
	const bars = page.getByRole('figure', { name: 'DLTs per dose level' });
	await expect(bars.locator('a.bar')).toHaveCount(5);
	await bars.getByRole('link', { name: /^DL5: 6 subjects/ }).focus();
	await expect(page.getByRole('tooltip')).toContainText('Design standing: stop');
	await chartShot(page, 'dlt-bars-demo', 'DLTs per dose level');

	const heat = page.getByRole('figure', { name: 'AE incidence by dose level' });
	await expect(heat.getByRole('link', { name: 'Neutrophil count decreased, DL5: 2 of 5 subjects (40%), worst grade 4' })).toBeVisible();
	await page.getByLabel('Minimum grade').selectOption('4');
	await expect(page).toHaveURL(/grade=4/);
	await expect(heat.getByRole('button', { name: /Gastrointestinal disorders/ })).toHaveCount(0);
	await chartShot(page, 'incidence-demo-grade4', 'AE incidence by dose level');
	await heat.getByRole('link', { name: /Neutrophil count decreased, DL5/ }).click();
	await expect(page).toHaveURL(/\/aes\?level=DL5&grade=4&q=Neutrophil/);
	await expect(page.getByText('Showing 1 of 37 adverse events.')).toBeVisible();

	await page.goto('/study/demo-bat4706-bat1308/dlt');
	const swimmer = page.getByRole('figure', { name: 'Onset relative to dosing' });
	// The DLT window ± 1 week is drawn: 35 of the 36 events (the day-30 onset is outside it), as paths, with one
	// focus target per lane with an event in the span (24 of the 26 dosed subjects).
	const drawn = () => swimmer.locator('path.seg').evaluateAll((ps) => ps.reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0));
	await expect(swimmer).toContainText('36 events, 35 in the span shown');
	const inWindow = await drawn();
	await expect(swimmer.locator('a.ae')).toHaveCount(24);
	await swimmer.getByRole('radio', { name: 'Whole treatment' }).check();
	await expect(swimmer).toContainText('36 events drawn');
	await expect.poll(drawn).toBeGreaterThan(inWindow);
	await swimmer.getByRole('radio', { name: 'DLT window ± 1 week' }).check();
	// The pointer over a bar shows it in words, as the keyboard does.
	const bar = swimmer.locator('a.ae.serious').first();
	const box = (await bar.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await expect(page.getByRole('tooltip')).toContainText('BAT-001-0204 AE 1: Diarrhea');
	await page.mouse.move(5, 5);
	await swimmer.locator('a.ae.serious').first().focus();
	await expect(page.getByRole('tooltip')).toContainText('BAT-001-0204 AE 1: Diarrhea');
	await expect(page.getByRole('tooltip')).toContainText('Engine: DLT (rule 1)');
	await chartShot(page, 'swimmer-demo', 'Onset relative to dosing');
	const since = page.getByRole('figure', { name: 'Time from the last dose to onset' });
	await expect(since.getByRole('link', { name: 'BAT-001-0501 AE 1: Infusion related reaction, grade 3, 0.3 hours after the last dose' })).toBeVisible();
	await chartShot(page, 'since-last-dose-demo', 'Time from the last dose to onset');
	await page.getByLabel('DLT window only').check();
	await expect(page).toHaveURL(/window=1/);
	await expect(swimmer).toContainText('33 events'); // 36 less day -5, day 22 and day 30 onsets
	await page.getByRole('radio', { name: 'Calendar date' }).check();
	await expect(page).toHaveURL(/x=date/);
	await chartShot(page, 'swimmer-demo-calendar', 'Onset relative to dosing');
	await swimmer.locator('a.ae').first().click();
	await expect(page.getByRole('heading', { name: /^Subject BAT-001-/ })).toBeVisible();
	await expect(page.getByRole('figure', { name: 'Timeline' })).toBeVisible();
	await chartShot(page, 'timeline-subject', 'Timeline');
});

test('pilot: the charts draw the real CDISC pilot study', async ({ page }) => {
	test.setTimeout(120_000);
	await openWithDemo(page);
	await setReviewer(page, 'Dr Ada Import');
	await importPilot(page);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: 'CDISCPILOT01' }).click();
	const bars = page.getByRole('figure', { name: 'DLTs per dose level' });
	await expect(bars.locator('a.bar')).toHaveCount(3);
	await chartShot(page, 'dlt-bars-pilot', 'DLTs per dose level');
	const heat = page.getByRole('figure', { name: 'AE incidence by dose level' });
	await expect(heat.getByRole('columnheader', { name: /Pbo n = 86/ })).toBeVisible();
	await chartShot(page, 'incidence-pilot', 'AE incidence by dose level');
	// A level far larger than a cohort shows its first 12 subjects; the rest are one button away (issue 14).
	const placebo = page.getByRole('region', { name: /^Placebo/ });
	await expect(placebo.getByRole('row')).toHaveCount(13);
	await placebo.getByRole('button', { name: 'Show all 86 subjects of Placebo' }).click();
	await expect(placebo.getByRole('row')).toHaveCount(87);
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'DLTs' }).click();
	const swimmer = page.getByRole('figure', { name: 'Onset relative to dosing' });
	await expect(swimmer).toContainText('with a partial or missing onset date are not drawn');
	const drawnAtFirst = await swimmer.locator('g.lane').count();
	expect(drawnAtFirst).toBeLessThan(120); // 254 dosed subjects, only those in view are drawn
	await swimmer.locator('.viewport').evaluate((el) => (el.scrollTop = 4000));
	await expect(swimmer.getByRole('link', { name: /^01-7(0[4-9]|1\d)-/ }).first()).toBeVisible();
	await page.getByRole('radio', { name: 'Whole treatment' }).check();
	await chartShot(page, 'swimmer-pilot', 'Onset relative to dosing');
	await chartShot(page, 'since-last-dose-pilot', 'Time from the last dose to onset');
	// Over a thousand AEs drawn as paths, with one focus target per arm; the arrow keys walk its events in time.
	const sinceLast = page.getByRole('figure', { name: 'Time from the last dose to onset' });
	await expect(sinceLast.getByRole('link')).toHaveCount(3 + 1); // the three arms and the skip link
	const pbo = sinceLast.getByRole('link', { name: /\(Pbo: \d+ events; arrow keys move between them\)$/ });
	await pbo.focus();
	const first = await pbo.getAttribute('aria-label');
	await page.keyboard.press('ArrowRight');
	await expect(sinceLast.getByRole('link', { name: /\(Pbo: / })).toBeFocused();
	expect(await sinceLast.getByRole('link', { name: /\(Pbo: / }).getAttribute('aria-label')).not.toBe(first);
	await expect(page.getByRole('tooltip')).toContainText('after the last dose');
	// The span chosen stays through a tab switch; a chart's table is built when opened.
	await expect(sinceLast.getByRole('table')).toHaveCount(0);
	await sinceLast.getByText('Show the data as a table').click();
	await expect(sinceLast.getByRole('table')).toHaveCount(1);
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Overview' }).click();
	await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'DLTs' }).click();
	await expect(page.getByRole('radio', { name: 'Whole treatment' })).toBeChecked();
	await page.getByRole('link', { name: 'Attribution' }).click();
	await expect(page.getByRole('figure', { name: 'Relatedness to XANOMELINE by month of onset' })).toBeVisible();
	await chartShot(page, 'attribution-pilot', 'Relatedness to XANOMELINE by month of onset');
});

test('demo: a re-attribution toward the drug shows on the Attribution page, with who, when and why', async ({ page }) => {
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	await page.goto('/study/demo-bat4706-bat1308/subjects/BAT-001-0305');
	await page.getByRole('button', { name: 'Edit AE 1 Aspartate aminotransferase increased' }).click();
	await page.getByLabel('Related to BAT4706 Injection').selectOption('probable');
	await page.getByLabel('Reason for change (kept in the audit trail)').fill('Positive rechallenge');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('button', { name: 'Edit AE 1 Aspartate aminotransferase increased' })).toBeVisible();
	await page.getByRole('link', { name: 'Attribution' }).click();
	const chart = page.getByRole('figure', { name: 'Attribution revisions' });
	await expect(chart).toHaveAccessibleDescription(/1 revision of an earlier assessment: 1 toward a drug/);
	await expect(page.getByRole('table', { name: 'Revisions, oldest first' }).getByRole('row', { name: /BAT-001-0305 AE 1 .* BAT4706 Unlikely → Probable toward the drug Dr Grace Monitor Positive rechallenge/ })).toBeVisible();
	// Drawn by the month the test itself revises in, so it changes with the calendar: kept, not compared.
	await chartShot(page, 'revisions-demo', 'Attribution revisions', false);
	const stack = page.getByRole('figure', { name: 'Relatedness to BAT4706 by month of onset' });
	await expect(stack.locator('a.col')).toHaveCount(10); // Feb (a pre-dose onset) to Nov 2026
	await chartShot(page, 'attribution-demo', 'Relatedness to BAT4706 by month of onset');
	await expect(page.getByRole('figure', { name: 'Relatedness to BAT1308 by month of onset' })).toBeVisible();

	// The shared filters apply here too, and live in the URL.
	await page.getByLabel('Dose level').selectOption('DL1');
	await expect(page).toHaveURL(/level=DL1/);
	// DL1's onsets span under 16 weeks, so the chart counts by ISO week: 27 Feb (W09), 3–4 Mar (W10), 9–15 Mar (W11).
	const weekly = page.getByRole('figure', { name: 'Relatedness to BAT4706 by week of onset' });
	await expect(weekly.locator('a.col')).toHaveCount(3);
	await expect(page.getByRole('figure', { name: 'Attribution revisions' })).toHaveAccessibleDescription(/^0 revisions/);
});

test('demo: the DLT page swimmer shows the lanes the committee asks for, DLT first, and draws the data cut-off', async ({ page }) => {
	await openWithDemo(page);
	await page.goto('/study/demo-bat4706-bat1308/dlt');
	const swimmer = page.getByRole('figure', { name: 'Onset relative to dosing' });
	await expect(swimmer.locator('line.cutoff').first()).toBeAttached();
	await page.getByLabel('Lanes').selectOption('Subjects with a DLT');
	await expect(page.getByRole('status').filter({ hasText: 'dosed subjects shown' })).toHaveText('6 of 26 dosed subjects shown');
	await expect(swimmer.locator('g.lane')).toHaveCount(6);
	await page.getByLabel('Lanes').selectOption('All dosed subjects');
	await page.getByLabel('Order within a dose level').selectOption('DLT first, then pending');
	// DL5: the three DLTs (0501–0503), then the two pending (0504, 0505).
	const dl5 = swimmer.locator('g.lane a.label').filter({ hasText: /BAT-001-05/ });
	await expect(dl5).toHaveText(['BAT-001-0501', 'BAT-001-0502', 'BAT-001-0503', 'BAT-001-0504', 'BAT-001-0505']);
	// Each lane's label says the subject's status; a DLT or pending subject is marked in the call's colour.
	await expect(dl5.first()).toHaveAccessibleName('BAT-001-0501, DLT');
	await expect(dl5.nth(3)).toHaveAccessibleName('BAT-001-0504, pending');
	await dl5.nth(4).scrollIntoViewIfNeeded();
	const lane = (u: string) => swimmer.locator('g.lane').filter({ has: page.locator('a.label', { hasText: u }) });
	await expect(lane('BAT-001-0501').locator('rect.status')).toHaveAttribute('fill', '#a4161a');
	await expect(lane('BAT-001-0504').locator('rect.status')).toHaveAttribute('fill', '#b36b00');
	await expect(lane('BAT-001-0504').locator('g.mark.pending')).toHaveCount(1);
	await expect(lane('BAT-001-0501').locator('g.mark.dlt')).not.toHaveCount(0);
	// The lane's events are one Tab stop; the arrow keys walk them, and down to the next lane.
	const stops = lane('BAT-001-0502').locator('a.ae');
	await expect(stops).toHaveCount(1);
	await stops.focus();
	const plot = swimmer.locator('svg[role="img"]');
	const [bar1, plot1] = [(await stops.boundingBox())!, (await plot.boundingBox())!];
	const before = await page.getByRole('tooltip').textContent();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tooltip')).toContainText('BAT-001-0502 AE');
	expect(await page.getByRole('tooltip').textContent()).not.toBe(before);
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('tooltip')).toContainText('BAT-001-0503 AE');
	await expect(lane('BAT-001-0503').locator('a.ae:focus')).toHaveCount(1);
	await page.keyboard.press('Escape');
	await page.mouse.click(5, 5);
	await chartShot(page, 'swimmer-demo-dlt-first', 'Onset relative to dosing', false);
	// A click on a bar that is not its lane's focus target (drawn as a path) still opens the subject.
	await expect(lane('BAT-001-0502').locator('a.ae')).not.toHaveAttribute('data-key', 'BAT-001-0502|1');
	const plot2 = (await plot.boundingBox())!;
	await page.mouse.click(bar1.x - plot1.x + plot2.x + bar1.width / 2, bar1.y - plot1.y + plot2.y + bar1.height / 2);
	await expect(page.getByRole('heading', { name: 'Subject BAT-001-0502' })).toBeVisible();
});
