import { expect, test } from '@playwright/test';
import { openWithDemo, setReviewer } from './helpers';

test('two tabs edit the same AE: the second save sees a conflict with both values, nothing is lost', async ({ context }) => {
	const a = await context.newPage();
	await openWithDemo(a);
	await setReviewer(a, 'Dr Tab A');
	const b = await context.newPage();
	const url = '/study/demo-bat4706-bat1308/subjects/BAT-001-0103';
	for (const p of [a, b]) {
		await p.goto(url);
		await p.getByRole('button', { name: 'Edit AE 1 Nausea' }).click();
	}
	await a.getByLabel('Outcome').selectOption('RECOVERING/RESOLVING');
	await a.getByLabel('Reason for change (kept in the audit trail)').fill('tab A');
	await a.getByRole('button', { name: 'Save changes' }).click();
	await expect(a.getByRole('heading', { name: 'Edit AE 1' })).toHaveCount(0);

	await b.getByLabel('Outcome').selectOption('FATAL');
	await b.getByLabel('Reason for change (kept in the audit trail)').fill('tab B');
	await b.getByRole('button', { name: 'Save changes' }).click();
	const alert = b.getByRole('alert').filter({ hasText: 'Not saved: this AE was changed elsewhere' });
	await expect(alert).toBeVisible();
	await expect(alert.getByRole('row', { name: /outcome/ })).toContainText('RECOVERING/RESOLVING');
	await expect(alert.getByRole('row', { name: /outcome/ })).toContainText('FATAL');

	// Tab A's value is what is stored.
	await a.reload();
	const row = a.getByRole('table').filter({ hasText: 'Related to BAT4706' }).getByRole('row', { name: /Nausea/ });
	await expect(row).toContainText('recovering/resolving');
});
