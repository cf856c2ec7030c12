/**
 * A page opened directly (a reload, a bookmark, a link from another tab) can start its main read when the app
 * starts, while its modules load and the root layout opens the database, instead of after its layout mounts.
 * `startFirstRead` is called from the client hooks; the page's live query takes the read with `takeFirstRead` and
 * shows its answer when it comes (at once, if it already has). A read is only handed out while nothing has been written since it started (any tab,
 * any worker: Dexie's `storagemutated`), so a page never starts from data older than its live query would give.
 */
import Dexie from 'dexie';

let writes = 0;
Dexie.on('storagemutated', () => {
	writes += 1;
});

export interface FirstRead<T> {
	readonly key: string;
	/** Set when the read has answered. */
	answer: { value: T } | null;
	readonly promise: Promise<T>;
	/** True while no write has committed since the read started. */
	fresh(): boolean;
}

let pending: FirstRead<unknown> | null = null;

/** Starts the read for `key` (e.g. a study id); an earlier read not taken is dropped. */
export function startFirstRead<T>(key: string, read: () => Promise<T>): FirstRead<T> {
	const at = writes;
	const first: FirstRead<T> = {
		key,
		answer: null,
		promise: read().then((value) => {
			first.answer = { value };
			return value;
		}),
		fresh: () => writes === at
	};
	// A failed read is the live query's to report.
	first.promise.catch(() => undefined);
	pending = first as FirstRead<unknown>;
	return first;
}

/** The read started for `key`, once, while it is still fresh; else null. */
export function takeFirstRead<T>(key: string): FirstRead<T> | null {
	const first = pending;
	if (!first || first.key !== key) return null;
	pending = null;
	return first.fresh() ? (first as FirstRead<T>) : null;
}
