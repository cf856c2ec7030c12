/**
 * The one bridge from Dexie's liveQuery to Svelte runes, so it can be swapped later. `deps` is read inside the
 * effect, so the query re-subscribes when what it reads (a route parameter, a filter) changes.
 */
import { liveQuery } from 'dexie';

export interface LiveState<T> {
	readonly current: T | undefined;
	readonly loaded: boolean;
	readonly error: unknown;
}

export function useLiveQuery<T>(querier: () => T | Promise<T>, deps: () => unknown = () => undefined): LiveState<T> {
	let current = $state.raw<T | undefined>(undefined);
	let loaded = $state(false);
	let error = $state.raw<unknown>(null);
	$effect(() => {
		deps();
		const subscription = liveQuery(querier).subscribe({
			next: (value) => {
				current = value;
				loaded = true;
				error = null;
			},
			error: (e) => {
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
