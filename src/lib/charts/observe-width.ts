/**
 * A chart's drawing width, kept by a ResizeObserver. Svelte's bind:clientWidth reads the width synchronously when
 * the element mounts, which forced a layout of the half-built page on every tab switch (about 11 ms of the DLT
 * page's 70). The observer reports after the browser's own layout, before paint. The last width per chart is
 * remembered, so a chart drawn again after a tab switch starts at its width and is not drawn twice.
 */
import type { Attachment } from 'svelte/attachments';

const lastWidth = new Map<string, number>();

/** The width the chart had when last measured in this page load, else `fallback`. */
export function rememberedWidth(chart: string, fallback: number): number {
	return lastWidth.get(chart) ?? fallback;
}

/** `{@attach observeWidth('swimmer', (w) => (width = w))}`: calls back with the element's clientWidth on each change. */
export function observeWidth(chart: string, set: (width: number) => void): Attachment<HTMLElement> {
	return (el) => {
		if (typeof ResizeObserver !== 'function') return;
		const observer = new ResizeObserver(() => {
			const width = el.clientWidth;
			lastWidth.set(chart, width);
			set(width);
		});
		observer.observe(el);
		return () => observer.disconnect();
	};
}
