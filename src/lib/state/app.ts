/** App-wide singletons, created once in the browser. */
import { db } from './db';
import { Reviewer } from './reviewer.svelte';

export const reviewer = new Reviewer(db);

export function nowIso(): string {
	return new Date().toISOString();
}
