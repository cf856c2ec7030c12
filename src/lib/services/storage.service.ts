/** The browser's storage for this app: persistence (asked once) and how much is used. */
export interface StorageStatus {
	supported: boolean;
	persisted: boolean | null;
	usage: number | null;
	quota: number | null;
}

export async function requestPersistentStorage(): Promise<boolean | null> {
	if (!navigator.storage?.persist) return null;
	try {
		return (await navigator.storage.persisted()) || (await navigator.storage.persist());
	} catch {
		return null;
	}
}

export async function readStorageStatus(): Promise<StorageStatus> {
	if (!navigator.storage?.estimate) return { supported: false, persisted: null, usage: null, quota: null };
	const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted?.() ?? Promise.resolve(null)]);
	return { supported: true, persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

export function formatBytes(n: number | null): string {
	if (n === null) return 'unknown';
	if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} kB`;
	if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
	return `${(n / 1024 ** 3).toFixed(1)} GB`;
}
