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

/**
 * Adds many records in chunks inside the caller's transaction, telling `progress` after each: a long import or
 * restore shows how far its write has gone (the transaction still commits whole or not at all).
 */
export async function addInChunks<T>(
	table: { bulkAdd(rows: readonly T[]): Promise<unknown> },
	rows: readonly T[],
	progress: ((done: number) => void) | undefined,
	chunk = 5000
): Promise<void> {
	for (let i = 0; i < rows.length; i += chunk) {
		await table.bulkAdd(rows.slice(i, i + chunk));
		progress?.(Math.min(rows.length, i + chunk));
	}
}
