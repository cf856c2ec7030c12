import { resolve } from 'node:path';
import type { Page } from '@playwright/test';

export const PILOT = resolve(import.meta.dirname, '../../../shared/data/cdiscpilot01');
export const FIXTURES = resolve(import.meta.dirname, '../fixtures');
export const SCREENS = resolve(import.meta.dirname, '__screenshots__');

/** Opens the app and waits until the demo (loaded on first start) is listed. */
export async function openWithDemo(page: Page) {
	await page.goto('/');
	await page.getByRole('heading', { name: 'Studies', level: 1 }).waitFor();
	await page.getByRole('link', { name: /BAT4706 \+ BAT1308/ }).waitFor();
}

export async function setReviewer(page: Page, name: string) {
	await page.goto('/settings');
	await page.getByLabel('Your name', { exact: true }).fill(name);
	await page.getByRole('button', { name: 'Save name' }).click();
	await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
}

export function shot(page: Page, name: string) {
	return page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/** Imports the three CDISC pilot files through the import page (needs a reviewer name) and opens the study. */
export async function importPilot(page: Page) {
	await page.goto('/import');
	await page.getByLabel('DM: demographics (required)').setInputFiles(`${PILOT}/dm.csv`);
	await page.getByLabel('EX: exposure (dosing)').setInputFiles(`${PILOT}/ex.csv`);
	await page.getByLabel('AE: adverse events').setInputFiles(`${PILOT}/ae.csv`);
	await page.getByRole('button', { name: 'Check the files' }).click();
}

export const PASSPHRASE = 'correct horse battery';

/** Creates a reviewer profile (printed name, role, passphrase) on the Settings page: signing needs one. */
export async function createProfile(page: Page, name: string, role = 'SRC chair', passphrase = PASSPHRASE) {
	await page.goto('/settings');
	await page.getByLabel('Printed name').fill(name);
	await page.getByLabel('Role (optional)').fill(role);
	await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
	await page.getByLabel('Passphrase again').fill(passphrase);
	await page.getByRole('button', { name: 'Create profile' }).click();
	await page.getByRole('status').filter({ hasText: `Profile created for ${name}.` }).waitFor({ timeout: 30_000 });
}

/** Sets the reviewer name and creates a matching signing profile. */
export async function setSigner(page: Page, name: string, role = 'SRC chair') {
	await setReviewer(page, name);
	await createProfile(page, name, role);
}
