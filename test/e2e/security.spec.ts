import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { openWithDemo } from './helpers';

const PAGES = [
	'/',
	'/import',
	'/settings',
	'/study/demo-bat4706-bat1308',
	'/study/demo-bat4706-bat1308/dlt',
	'/study/demo-bat4706-bat1308/escalation',
	'/study/demo-bat4706-bat1308/aes',
	'/study/demo-bat4706-bat1308/attribution',
	'/study/demo-bat4706-bat1308/audit',
	'/study/demo-bat4706-bat1308/meetings',
	'/study/demo-bat4706-bat1308/subjects/BAT-001-0504',
	'/study/demo-sk-nk',
	'/study/demo-gentuximab/dlt'
];

test('every page runs under a strict Content-Security-Policy and sends no request off the app’s origin', async ({ page, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const offOrigin: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (!['http:', 'https:'].includes(url.protocol)) return; // data: and blob: stay on the device
		if (url.origin !== origin) offOrigin.push(r.url());
	});
	const consoleCsp: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
	});
	await page.addInitScript(() => {
		(window as unknown as { __csp: string[] }).__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective}: ${e.blockedURI}`)
		);
	});

	// vite preview sends the policy as a header; the static shell that ships carries it as a meta tag.
	const response = await page.goto('/');
	const shipped = readFileSync(resolve(import.meta.dirname, '../../build/index.html'), 'utf8');
	expect(shipped).toMatch(/<meta http-equiv="content-security-policy" content="default-src 'self';/);
	await openWithDemo(page);
	const policy = response!.headers()['content-security-policy'] ?? '';
	expect(policy).toContain("default-src 'self'");
	expect(policy).toContain("connect-src 'self'");
	expect(policy).toMatch(/script-src 'self' 'sha256-[^']+'/);
	expect(policy).not.toContain('unsafe-eval');

	for (const path of PAGES) {
		await page.goto(path);
		await page.getByRole('heading', { level: 1 }).first().waitFor();
		await page.waitForLoadState('networkidle');
		const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
		expect(violations, `${path}: CSP violations`).toEqual([]);
	}
	expect(offOrigin).toEqual([]);
	expect(consoleCsp).toEqual([]);
});

test('the service worker caches only the app’s own built and static files', async ({ page, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((f) => (statSync(resolve(dir, f)).isDirectory() ? walk(resolve(dir, f)) : [resolve(dir, f)]));
	const buildDir = resolve(import.meta.dirname, '../../build');
	const own = new Set(['/', ...walk(buildDir).map((f) => f.slice(buildDir.length))]);

	await openWithDemo(page);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.reload();
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	// Use the app: navigations to study pages and a data request.
	await page.goto('/study/demo-bat4706-bat1308/dlt');
	await page.getByRole('heading', { level: 1 }).waitFor();
	await page.evaluate(() => fetch('/demo/index.json').then((r) => r.text()));
	const cached = await page.evaluate(async () => {
		const out: string[] = [];
		for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(r.url);
		return out;
	});
	expect(cached.length).toBeGreaterThan(10);
	const foreign = cached.filter((u) => new URL(u).origin !== origin || !own.has(new URL(u).pathname));
	expect(foreign).toEqual([]);
	expect(cached.some((u) => new URL(u).pathname.startsWith('/study/'))).toBe(false);
});
