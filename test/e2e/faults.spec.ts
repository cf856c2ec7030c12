/**
 * Faults a committee's data must survive: the tab reloaded or closed, or Cancel pressed, in the middle of a large
 * import or restore, and a full disk. Each test proves the fault happened mid-write (the worker's progress counts
 * records handed to the transaction; the page's own IndexedDB writes are counted for the full disk) and then
 * compares every stored record with what was there before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateStudy } from '../../src/lib/bench/generate-study';
import { studyToSdtmCsv } from '../../src/lib/bench/study-csv';
import { serializeBackup } from '../../src/lib/io/backup';
import { openWithDemo, setReviewer } from './helpers';

const WORK = mkdtempSync(join(tmpdir(), 'dosewatch-faults-'));
const big = generateStudy({ subjects: 400, aes: 40_000, doses: 4_000, seed: 3 });

/** Counts every IndexedDB add/put; with `__failWrites` set, each one fails as a full disk does. */
function instrument(page: Page) {
	return page.addInitScript(() => {
		const w = window as unknown as { __writes: number; __failWrites: boolean };
		w.__writes = 0;
		w.__failWrites = false;
		for (const method of ['add', 'put'] as const) {
			const original = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
				w.__writes++;
				if (w.__failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return original.apply(this, args);
			};
		}
	});
}

/** Every table's record count and a SHA-256 of all its records, read straight from IndexedDB. */
function dump(page: Page): Promise<Record<string, string>> {
	return page.evaluate(async () => {
		const db: IDBDatabase = await new Promise((resolve, reject) => {
			const r = indexedDB.open('dosewatch');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		const out: Record<string, string> = {};
		for (const name of Array.from(db.objectStoreNames).sort()) {
			const rows: unknown[] = await new Promise((resolve, reject) => {
				const r = db.transaction(name).objectStore(name).getAll();
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
			const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(rows)));
			out[name] = `${rows.length} records, sha256 ${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
		}
		db.close();
		return out;
	});
}

/** Waits until the background write has handed thousands of records to its transaction and not finished. */
const midWrite = (page: Page) =>
	page.waitForFunction(
		() => {
			const p = document.querySelector<HTMLProgressElement>('#job-progress');
			return Boolean(p && p.labels[0]?.textContent?.includes('writing') && p.max > 1 && p.value >= 5_000 && p.value < p.max);
		},
		null,
		{ polling: 10 }
	);

/** Opens the demo as a reviewer, takes the database's fingerprint, checks the big study's files and starts writing them. */
async function startBigImport(page: Page): Promise<Record<string, string>> {
	const files = studyToSdtmCsv(big);
	for (const [k, text] of Object.entries(files)) writeFileSync(join(WORK, `${k}.csv`), text);
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	const before = await dump(page);
	await page.goto('/import');
	await page.getByLabel('DM: demographics (required)').setInputFiles(join(WORK, 'dm.csv'));
	await page.getByLabel('EX: exposure (dosing)').setInputFiles(join(WORK, 'ex.csv'));
	await page.getByLabel('AE: adverse events').setInputFiles(join(WORK, 'ae.csv'));
	await page.getByRole('button', { name: 'Check the files' }).click();
	await expect(page.getByRole('heading', { name: '4. Confirm' })).toBeVisible({ timeout: 60_000 });
	await expect(page.getByText(/40,000|40000/).first()).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	return before;
}

test('reloading the page in the middle of a large import leaves the database exactly as before', async ({ page }) => {
	test.setTimeout(120_000);
	const before = await startBigImport(page);
	// The write runs in a worker; its progress bar counts records handed to the transaction. Thousands are, and it
	// has not finished: reload now. (Had it finished, the study would be stored and the comparison below would
	// fail, so this cannot pass by luck.)
	await midWrite(page);
	await expect(page.getByText('Nothing was written')).toHaveCount(0);
	await expect(page.getByText(/^Imported \d+ subjects/)).toHaveCount(0);
	await page.reload();

	await page.getByRole('heading', { name: 'Import a study', level: 1 }).waitFor();
	expect(await dump(page)).toEqual(before);
});

test('Cancel in the middle of a large import stops it, says so, and nothing is written', async ({ page }) => {
	test.setTimeout(120_000);
	const before = await startBigImport(page);
	await expect(page.getByRole('button', { name: 'Importing…' })).toBeDisabled();
	await midWrite(page);
	await page.getByRole('button', { name: 'Cancel', exact: true }).last().click();
	await expect(page.getByRole('alert').filter({ hasText: 'Cancelled: nothing was written.' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();
	expect(await dump(page)).toEqual(before);
});

test('closing the tab in the middle of a large restore leaves the database exactly as before', async ({ page, context }) => {
	test.setTimeout(120_000);
	const data = { studies: [big.study], subjects: big.subjects, doses: big.doses, aes: big.aes, audit: [], adjudications: [], ruleSets: [], meetings: [], reviewers: [], safety: [] };
	const file = join(WORK, 'big-backup.json');
	writeFileSync(file, await serializeBackup(data, { schemaVersion: 6, exportedAt: '2026-11-22T00:00:00Z', exportedBy: 'fault test' }));
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	const before = await dump(page);

	await page.goto('/settings');
	await page.getByLabel('Restore from a backup file').setInputFiles(file);
	// The backup does not hold the demo's audit entries: restoring over them needs the confirmation.
	await page.getByRole('checkbox', { name: /Restore anyway/ }).check({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Replace with this backup' }).click();
	await midWrite(page);
	await expect(page.getByText(/^Restored /)).toHaveCount(0);
	await page.close({ runBeforeUnload: false });

	const again = await context.newPage();
	await again.goto('/settings');
	await again.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
	expect(await dump(again)).toEqual(before);
});

test('a full disk: the save fails with a clear message pointing to the backup, and nothing stored is lost', async ({ page }) => {
	await instrument(page);
	await openWithDemo(page);
	await setReviewer(page, 'Dr Grace Monitor');
	await page.goto('/study/demo-bat4706-bat1308/subjects/BAT-001-0305');
	await page.getByRole('heading', { name: /BAT-001-0305/ }).first().waitFor();
	const before = await dump(page);

	await page.getByRole('button', { name: 'Edit AE 1 Aspartate aminotransferase increased' }).click();
	await page.getByLabel('Related to BAT4706 Injection').selectOption('probable');
	await page.getByLabel('Reason for change (kept in the audit trail)').fill('Positive rechallenge');
	await page.evaluate(() => ((window as unknown as { __failWrites: boolean }).__failWrites = true));
	await page.getByRole('button', { name: 'Save changes' }).click();
	const alert = page.getByRole('alert').filter({ hasText: 'no more storage space' });
	await expect(alert).toContainText('Nothing was changed: everything stored before is intact.');
	await expect(alert).toContainText('Download a backup (Settings → Backup)');
	await page.evaluate(() => ((window as unknown as { __failWrites: boolean }).__failWrites = false));

	await page.reload();
	await page.getByRole('heading', { name: /BAT-001-0305/ }).first().waitFor();
	expect(await dump(page)).toEqual(before);
	const aes = page.getByRole('table').filter({ hasText: 'Related to BAT4706' });
	await expect(aes.getByRole('row', { name: /Aspartate aminotransferase increased/ })).toContainText('Unlikely');
});
