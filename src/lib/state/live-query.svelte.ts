/**
 * The one bridge from Dexie's liveQuery to Svelte runes, so it can be swapped later. `deps` is read inside the
 * effect, so the query re-subscribes when what it reads (a route parameter, a filter) changes. `first` hands over
 * the same query started early (first-read.ts): its answer is shown at once, and the live query's first answer is
 * not applied again when nothing was written in between.
 */
import { liveQuery } from 'dexie';
import type { FirstRead } from './first-read';

export interface LiveState<T> {
	readonly current: T | undefined;
	readonly loaded: boolean;
	readonly error: unknown;
}

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
		if (read && !read.answer) {
			read.promise.then(
				(value) => {
					if (answered || !read.fresh()) return;
					current = value;
					loaded = true;
					shownEarly = true;
				},
				() => undefined
			);
		}
		const subscription = liveQuery(querier).subscribe({
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
		return () => subscription.unsubscribe();
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
