import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	test: {
		include: ['src/**/*.spec.ts', 'test/unit/**/*.spec.ts'],
		environment: 'jsdom',
		setupFiles: ['test/unit/setup.ts'],
		expect: { requireAssertions: true },
		testTimeout: 30_000
	}
});
