/**
 * Storage failures in words a user can act on. IndexedDB reports a full disk as QuotaExceededError, which
 * Dexie may wrap (AbortError with an inner QuotaExceededError).
 */
export class StorageFullError extends Error {
	constructor() {
		super(
			'The browser has no more storage space for DoseWatch. Nothing was changed: everything stored before is intact. ' +
				'Download a backup (Settings → Backup), then free space or remove a study you no longer need.'
		);
		this.name = 'StorageFullError';
	}
}

function isQuotaError(e: unknown): boolean {
	for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
		const err = cur as { name?: string; inner?: unknown; cause?: unknown };
		if (err.name === 'QuotaExceededError') return true;
		cur = err.inner ?? err.cause;
	}
	return false;
}

export async function withStorageErrors<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (e) {
		if (isQuotaError(e)) throw new StorageFullError();
		throw e;
	}
}
