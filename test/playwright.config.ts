import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/** End-to-end tests run against the production build (vite build + vite preview), in Debian's chromium. */
export default defineConfig({
	testDir: 'e2e',
	// The charts' reference images, compared by toHaveScreenshot.
	snapshotPathTemplate: '{testDir}/reference/{arg}{ext}',
	outputDir: '../test-results/playwright',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	reporter: [['list']],
	use: {
		baseURL: 'http://localhost:4173',
		viewport: { width: 1360, height: 900 },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	webServer: {
		command: 'npx vite build && npx vite preview --port 4173 --strictPort',
		cwd: resolve(import.meta.dirname, '..'),
		url: 'http://localhost:4173',
		reuseExistingServer: !process.env.CI,
		timeout: 120_000
	}
});
