/**
 * The one bridge from Dexie's liveQuery to Svelte runes, so it can be swapped later. `deps` is read inside the
 * effect, so the query re-subscribes when what it reads (a route parameter, a filter) changes. `first` hands over
 * the same query started early (first-read.ts): its answer is shown as soon as it comes, the live query subscribes
 * after it (so the two reads do not compete for the first paint), and the live query's first answer is not applied
 * again when nothing was written in between.
 */
import { liveQuery } from 'dexie';
import type { FirstRead } from './first-read';

export interface LiveState<T> {
	readonly current: T | undefined;
	readonly loaded: boolean;
	readonly error: unknown;
}

/** How long a live query waits for an early read before it reads for itself. */
export const EARLY_READ_PATIENCE_MS = 1000;

export function useLiveQuery<T>(querier: () => T | Promise<T>, deps: () => unknown = () => undefined, first?: () => FirstRead<T> | null): LiveState<T> {
	let early = first?.() ?? null;
	let current = $state.raw<T | undefined>(early?.answer?.value);
	let loaded = $state(Boolean(early?.answer));
	let error = $state.raw<unknown>(null);
	$effect(() => {
		deps();
		// Only the first subscription can take the early read.
		const read = early;
		early = null;
		let shownEarly = Boolean(read?.answer);
		let answered = false;
		let subscription: { unsubscribe(): void } | null = null;
		let stopped = false;
		const subscribe = () => {
			if (stopped || subscription) return;
			subscription = liveQuery(querier).subscribe({
				next: (value) => {
					const same = !answered && shownEarly && read !== null && read.fresh();
					answered = true;
					if (same) return;
					current = value;
					loaded = true;
					error = null;
				},
				error: (e) => {
					answered = true;
					error = e;
					loaded = true;
				}
			});
		};
		let wait: ReturnType<typeof setTimeout> | undefined;
		if (!read) subscribe();
		else {
			// The live query subscribes once the early answer is shown and the page has painted: its own first read
			// (the same records) would otherwise compete with the early one and the first render. An early read that
			// has not answered within a second (a blocked database) no longer holds the live query back.
			const later = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(subscribe, { timeout: 300 }) : setTimeout(subscribe, 0));
			if (read.answer) later();
			else {
				wait = setTimeout(subscribe, EARLY_READ_PATIENCE_MS);
				read.promise.then(
					(value) => {
						clearTimeout(wait);
						if (answered || !read.fresh()) return subscribe();
						current = value;
						loaded = true;
						shownEarly = true;
						later();
					},
					() => {
						clearTimeout(wait);
						subscribe();
					}
				);
			}
		}
		return () => {
			stopped = true;
			clearTimeout(wait);
			subscription?.unsubscribe();
		};
	});
	return {
		get current() {
			return current;
		},
		get loaded() {
			return loaded;
		},
		get error() {
			return error;
		}
	};
}
