import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	// `PORT=8080 npm start` serves elsewhere; 4173 by default. A port in use is an error, not a silent other port.
	preview: { port: Number(process.env.PORT) || 4173, strictPort: true },
	test: {
		include: ['src/**/*.spec.ts', 'test/unit/**/*.spec.ts'],
		environment: 'jsdom',
		setupFiles: ['test/unit/setup.ts'],
		expect: { requireAssertions: true },
		testTimeout: 30_000
	}
});
