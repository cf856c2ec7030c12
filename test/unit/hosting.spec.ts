/** The files a static host reads: headers a <meta> policy cannot set, and deep links served the app shell. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const STATIC = resolve(__dirname, '../../static');

describe('static host files', () => {
	it('_headers forbids framing and keeps the service worker fresh', () => {
		const headers = readFileSync(`${STATIC}/_headers`, 'utf8');
		expect(headers).toMatch(/^\/\*\n(  .+\n)*  Content-Security-Policy: frame-ancestors 'none';/m);
		expect(headers).toMatch(/X-Frame-Options: DENY/);
		expect(headers).toMatch(/^\/service-worker\.js\n  Cache-Control: no-cache/m);
	});
	it('_redirects serves the app shell for every deep link', () => {
		expect(readFileSync(`${STATIC}/_redirects`, 'utf8')).toMatch(/^\/\*\s+\/index\.html\s+200$/m);
	});
});
