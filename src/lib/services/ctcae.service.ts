/** The CTCAE v5.0 list shipped with the app, fetched once (precached by the service worker for offline use). */
import type { CtcaeList } from '$lib/domain/ctcae';

let pending: Promise<CtcaeList> | null = null;

export function loadCtcae(fetchFn: typeof fetch, base: string): Promise<CtcaeList> {
	pending ??= fetchFn(`${base}/ctcae/ctcae-v5.0.json`).then((r) => {
		if (!r.ok) throw new Error(`The CTCAE list could not be loaded (${r.status})`);
		return r.json() as Promise<CtcaeList>;
	});
	pending.catch(() => (pending = null));
	return pending;
}
