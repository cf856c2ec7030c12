import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageFullError, withStorageErrors } from './storage-errors';

describe('withStorageErrors', () => {
	const quota = () => Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
	it.each([
		['a bare QuotaExceededError', quota()],
		['one wrapped by Dexie (AbortError with an inner QuotaExceededError)', new Dexie.AbortError('aborted', quota())],
		['one carried as a cause', Object.assign(new Error('write failed'), { cause: quota() })]
	])('turns %s into a message that points to backup', async (_n, error) => {
		const err = await withStorageErrors(() => Promise.reject(error)).catch((e) => e);
		expect(err).toBeInstanceOf(StorageFullError);
		expect(err.message).toMatch(/no more storage space.*Nothing was changed.*Download a backup/);
	});

	it('passes other errors through unchanged', async () => {
		const other = new Error('constraint');
		await expect(withStorageErrors(() => Promise.reject(other))).rejects.toBe(other);
	});
});
