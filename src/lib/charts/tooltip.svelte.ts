/**
 * The one tooltip helper every chart uses: a mark shows its tooltip on hover and on keyboard focus, and hides it
 * on leaving or blurring, so mouse and keyboard users read the same thing. `{@attach tip.on(value)}` on a mark;
 * `tip.current` is what to show and where (beside the mark, in the chart frame's coordinates, or at the point
 * the chart gives).
 */
import type { Attachment } from 'svelte/attachments';
import { placeNear } from './place-tooltip';

export class Tooltip<T> {
	current = $state.raw<{ value: T; x: number; y: number } | null>(null);
	readonly #frame: string;

	/** `frame`: the selector of the positioned element the tooltip is placed in. */
	constructor(frame = '.plot') {
		this.#frame = frame;
	}

	/** Hover and focus show `value`'s tooltip beside the mark, or at `at` (chart coordinates) when given. */
	on(value: T, at?: { x: number; y: number }): Attachment<Element> {
		return (el) => {
			const show = () => (this.current = { value, ...(at ?? placeNear(el, this.#frame)) });
			const hide = () => (this.current = null);
			el.addEventListener('mouseenter', show);
			el.addEventListener('focus', show);
			el.addEventListener('mouseleave', hide);
			el.addEventListener('blur', hide);
			return () => {
				el.removeEventListener('mouseenter', show);
				el.removeEventListener('focus', show);
				el.removeEventListener('mouseleave', hide);
				el.removeEventListener('blur', hide);
			};
		};
	}

	hide() {
		this.current = null;
	}
}
