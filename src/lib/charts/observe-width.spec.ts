import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeWidth, rememberedWidth } from './observe-width';

describe('observeWidth: a chart’s width without a forced layout', () => {
	const original = globalThis.ResizeObserver;
	afterEach(() => {
		globalThis.ResizeObserver = original;
	});

	it('reports the width when the observer does (after layout), remembers it per chart, and stops when detached', () => {
		let fire = () => {};
		const disconnect = vi.fn();
		globalThis.ResizeObserver = class {
			constructor(cb: () => void) {
				fire = cb;
			}
			observe() {}
			unobserve() {}
			disconnect = disconnect;
		} as unknown as typeof ResizeObserver;
		const el = document.createElement('div');
		Object.defineProperty(el, 'clientWidth', { get: () => 1180 });
		const seen: number[] = [];
		expect(rememberedWidth('test-chart', 900)).toBe(900);
		const detach = observeWidth('test-chart', (w) => seen.push(w))(el);
		// Nothing is read while the page is built: only the observer's callback reads the width.
		expect(seen).toEqual([]);
		fire();
		expect(seen).toEqual([1180]);
		expect(rememberedWidth('test-chart', 900)).toBe(1180);
		(detach as () => void)();
		expect(disconnect).toHaveBeenCalled();
	});
});
