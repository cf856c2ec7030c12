import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openWithDemo, PASSPHRASE, SCREENS, setReviewer, setSigner, shot } from './helpers';

const STUDY = '/study/demo-bat4706-bat1308';

/** Page sizes (width × height, points) of every page in a PDF, read from its MediaBoxes. */
function pageSizes(pdf: Buffer): [number, number][] {
	const boxes = pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g);
	return [...boxes].map((m) => [Math.round(Number(m[3]) - Number(m[1])), Math.round(Number(m[4]) - Number(m[2]))]);
}

async function editAeOnset(page: Page, usubjid: string, term: string, onset: string, reason: string) {
	await page.goto(`${STUDY}/subjects/${usubjid}`);
	await page.getByRole('button', { name: `Edit AE 1 ${term}` }).click();
	await page.getByLabel('Onset').fill(onset);
	await page.getByLabel('Reason for change (kept in the audit trail)').fill(reason);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
}

test('a committee holds a meeting, signs it, and a later change leaves it untouched and shows as new for the next one', async ({ page }) => {
	await openWithDemo(page);
	await setSigner(page, 'Dr Grace Monitor', 'SRC chair');

	// Before any signed meeting the overview says so.
	await page.goto(STUDY);
	await expect(page.getByRole('region', { name: 'Since the last review' })).toContainText('No review meeting has been signed');

	// Start the meeting: the record opens with today's date, the study's cut-off and the dose under review.
	await page.getByRole('link', { name: 'Review meetings' }).click();
	await page.getByRole('button', { name: 'Start a meeting record' }).click();
	await expect(page.getByRole('heading', { name: /Safety review meeting of/ })).toBeVisible();
	const form = page.getByRole('form', { name: 'Meeting record' });
	await form.getByLabel('Meeting date').fill('2026-11-20');
	await form.getByLabel('Attendees').fill('Dr Grace Monitor (medical monitor)\nDr Ada Stat (statistician)\nDr Lin Chair (chair)');
	await form.getByRole('checkbox', { name: 'DL4' }).check();

	// The committee works through the queue in the meeting: it overrules 0503's DLT.
	const queue = page.getByRole('region', { name: /Awaiting the committee/ });
	await queue.getByRole('button', { name: 'Overrule AE 1 of BAT-001-0503: not a DLT' }).click();
	await page.getByLabel('Reason (overrule: not a dlt)').fill('Fever was a line infection');
	await page.getByLabel('Passphrase').fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Overrule: not a DLT and sign' }).click();
	await expect(page.getByRole('table', { name: /Adjudications recorded for this meeting \(1\)/ })).toContainText('Fever was a line infection');

	// The standard 3+3 stops with DL4 (1 DLT in 6) as the MTD; the committee prefers to expand DL4 first, which needs a reason.
	await expect(page.locator('dl.decision dd').first()).toContainText('Stop the escalation: MTD DL4');
	await form.getByLabel('Escalation decision').selectOption('next:DL4');
	await expect(form.getByText('Required before signing.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign and freeze the meeting' })).toBeDisabled();
	await form.getByLabel('Why the committee differs from the recommendation').fill('Expand DL4 to 9 before declaring it the MTD');
	await form.getByLabel('Minutes').fill('DL5: one DLT overruled (line infection).\nNext cohort at DL4.');
	await form.getByRole('button', { name: 'Save the meeting record' }).click();
	await expect(form.getByRole('status')).toHaveText('Saved.');

	// What the committee saw for the pending event, before signing.
	const candidates = page.getByRole('table', { name: /DLT candidates/ });
	const pendingRow = candidates.getByRole('row', { name: /BAT-001-0505 #1/ });
	await expect(pendingRow).toContainText('Pending');
	await expect(pendingRow).toContainText('Nov 2026');
	const cohort = page.getByRole('table', { name: 'DLTs per dose level' });
	const dl5 = cohort.getByRole('row', { name: /^DL5/ });
	// DL5 at the cut-off: 3 evaluable, 2 DLTs (one overruled, marked †), 2 pending.
	await expect(dl5.getByRole('cell').nth(1)).toHaveText('3');
	await expect(dl5.getByRole('cell').nth(2)).toHaveText('2 †');
	await expect(dl5.getByRole('cell').nth(3)).toHaveText('2');
	const dl5Before = await dl5.textContent();

	// Sign-off waits for every DLT candidate: the 10 still undecided (one of them lab-defined) are deferred, each with a reason.
	const signOff = page.getByRole('region', { name: 'Sign-off' });
	await expect(signOff).toContainText('10 DLT candidates await the committee');
	await expect(page.getByRole('button', { name: 'Sign and freeze the meeting' })).toBeDisabled();
	const undecided = page.getByRole('region', { name: /Undecided at this meeting/ });
	await undecided.getByRole('button', { name: 'Defer to a later meeting' }).first().click();
	await expect(undecided.getByRole('alert').first()).toContainText('Give the reason for deferring');
	await shot(page, 'meeting-defer');
	for (let left = 10; left > 0; left--) {
		await undecided.getByRole('textbox').first().fill('Next meeting: awaiting the site’s source documents');
		await undecided.getByRole('button', { name: 'Defer to a later meeting' }).first().click();
		await expect(undecided.getByRole('textbox')).toHaveCount(left - 1);
	}
	await expect(undecided).toContainText('Deferred: Next meeting: awaiting the site’s source documents');
	await page.getByLabel('Passphrase').fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Sign and freeze the meeting' }).click();
	await expect(page.getByText(/Signed by Dr Grace Monitor, SRC chair \(approved as chair\) on/)).toBeVisible();
	await expect(page.getByRole('form', { name: 'Meeting record' })).toHaveCount(0);
	const meetingUrl = page.url();
	await shot(page, 'meeting-signed');

	// After the meeting the site sends the full onset date: the event becomes a DLT in the live data.
	await editAeOnset(page, 'BAT-001-0505', 'Alanine aminotransferase increased', '2026-11-09', 'Site query resolved: onset 9 Nov');
	await page.goto(`${STUDY}/dlt`);
	const liveDl5 = page.getByRole('table', { name: 'DLTs per dose level' }).getByRole('row', { name: /^DL5/ });
	await expect(liveDl5.getByRole('cell').nth(2)).toHaveText('3 †');
	await expect(liveDl5.getByRole('cell').nth(3)).toHaveText('1');

	// The signed meeting is unchanged: still pending with the partial date, the same counts.
	await page.goto(meetingUrl);
	await expect(page.getByText(/Signed by Dr Grace Monitor, SRC chair \(approved as chair\) on/)).toBeVisible();
	await expect(candidates.getByRole('row', { name: /BAT-001-0505 #1/ })).toContainText('Pending');
	await expect(candidates.getByRole('row', { name: /BAT-001-0505 #1/ })).toContainText('Nov 2026');
	expect(await dl5.textContent()).toBe(dl5Before);
	await expect(dl5.getByRole('cell').nth(2)).toHaveText('2 †');
	await expect(dl5.getByRole('cell').nth(3)).toHaveText('2');
	await expect(page.locator('dl.decision')).toContainText('DL4');

	// The overview counts the change; the listing highlights it with from → to.
	await page.goto(STUDY);
	const since = page.getByRole('region', { name: 'Since the last review' });
	await expect(since).toContainText('1 AE is new or changed since the meeting of 20 Nov 2026');
	await shot(page, 'overview-since-review');
	await since.getByRole('link', { name: 'List what changed' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Showing 1 of' })).toBeVisible();
	const row = page.getByRole('row', { name: /BAT-001-0505/ });
	await expect(row).toContainText('Onset: Nov 2026 → 9 Nov 2026');
	await expect(row).toContainText('DLT verdict: pending → DLT');
	await shot(page, 'aes-since-review');

	// On the DLT page's swimmer the changed event is outlined and its tooltip says what changed.
	await page.goto(`${STUDY}/dlt`);
	const swimmer = page.getByRole('figure', { name: 'Onset relative to dosing' });
	await expect(swimmer).toContainText('new or changed since the last review');
	await swimmer.locator('.viewport').evaluate((el) => (el.scrollTop = el.scrollHeight));
	const changedMark = swimmer.locator('a.ae.changed[data-key="BAT-001-0505|1"]');
	await expect(changedMark).toHaveCount(1);
	await expect(swimmer.locator('a.ae.changed')).toHaveCount(1);
	await expect(swimmer.locator('path.changed')).toHaveCount(1);
	await changedMark.focus();
	await expect(page.getByRole('tooltip')).toContainText('Since the last review: Onset Nov 2026 → 9 Nov 2026; DLT verdict pending → DLT');

	// The next meeting lists it as new.
	await page.goto(`${STUDY}/meetings`);
	await page.getByRole('button', { name: 'Start a meeting record' }).click();
	const changes = page.getByRole('table', { name: /AEs new or changed since the meeting of 20 Nov 2026/ });
	await expect(changes.getByRole('row', { name: /BAT-001-0505/ })).toContainText('DLT verdict: pending → DLT');
	await shot(page, 'meeting-next-draft');

	// The signed meeting's pack prints: portrait pages for the tables, a landscape page for the charts.
	await page.goto(`${meetingUrl}/pack`);
	await expect(page.getByText(/Signed by Dr Grace Monitor, \d{4}-\d{2}-\d{2}/).first()).toBeVisible();
	// The electronic signature and the audit chain head, with the command that checks a later file against the paper.
	await expect(page.getByText(/Signed electronically by Dr Grace Monitor, SRC chair/)).toBeVisible();
	await expect(page.getByText(/Meaning: approved as chair/)).toBeVisible();
	await expect(page.getByText(/dosewatch verify backup\.json --head demo-bat4706-bat1308:\d+:[0-9a-f]{16}/)).toBeVisible();
	await expect(page.getByRole('table', { name: /DLT candidates/ }).getByRole('row', { name: /BAT-001-0505 #1/ })).toContainText('Pending');
	// The benefit–risk page was frozen with the signature: no note that it reads live data.
	await expect(page.getByRole('heading', { name: /^6\. Benefit and risk per dose level/ })).toBeVisible();
	await expect(page.getByText(/signed before DoseWatch froze this page/)).toHaveCount(0);
	await shot(page, 'meeting-pack');
	for (const [paper, portrait] of [
		['a4', [595, 842]],
		['letter', [612, 792]]
	] as const) {
		await page.getByRole('radio', { name: paper === 'a4' ? 'A4' : 'US Letter' }).check();
		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		writeFileSync(`${SCREENS}/meeting-pack-${paper}.pdf`, pdf);
		const sizes = pageSizes(pdf);
		expect(sizes.length, `${paper}: pages`).toBeGreaterThan(1);
		// About nine pages on the demo: the portrait tables, the benefit–risk page (five levels, 28 subjects) and the landscape charts.
		expect(sizes.length, `${paper}: pages`).toBeLessThanOrEqual(11);
		expect(sizes.filter(([w, h]) => Math.abs(w - portrait[0]) <= 1 && Math.abs(h - portrait[1]) <= 1).length, `${paper}: portrait pages`).toBeGreaterThan(0);
		expect(sizes.filter(([w, h]) => Math.abs(w - portrait[1]) <= 1 && Math.abs(h - portrait[0]) <= 1).length, `${paper}: landscape pages`).toBeGreaterThan(0);
	}
});
