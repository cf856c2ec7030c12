import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';

// jsdom has no layout and no ResizeObserver, which Svelte's bind:clientWidth uses; sizes stay 0 in unit tests.
globalThis.ResizeObserver ??= class {
	observe() {}
	unobserve() {}
	disconnect() {}
} as unknown as typeof ResizeObserver;
