/**
 * A study page opened directly starts its read at app start (first-read.ts) and its live query takes it over.
 * What a reader must never see: data older than a write that had already committed, or a page that never loads.
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { inRoot } from '../../../test/unit/runes-root.svelte';
import { seededDatabase } from '../../../test/unit/helpers';
import { loadReviewData, type ReviewData } from '$lib/db/meeting-queries';
import { saveAe } from '$lib/db/record-repository';
import { startFirstRead, takeFirstRead } from './first-read';
import { EARLY_READ_PATIENCE_MS, useLiveQuery } from './live-query.svelte';

const grade = (data: ReviewData | null | undefined) => data?.data.aes.find((a) => a.usubjid === 'TST01-001' && a.aeseq === 1)?.grade;

describe('the early read of a study', () => {
	it('is handed out once, and only for the study it was started for', async () => {
		const db = await seededDatabase(`first-${Math.random()}`);
		startFirstRead('tst', () => loadReviewData(db, 'tst'));
		expect(takeFirstRead('other')).toBeNull();
		const first = takeFirstRead<ReviewData | null>('tst');
		expect(first).not.toBeNull();
		expect(takeFirstRead('tst')).toBeNull();
		expect((await first!.promise)?.study.id).toBe('tst');
	});

	it('is not handed out when a write committed after it started', async () => {
		const db = await seededDatabase(`stale-${Math.random()}`);
		startFirstRead('tst', () => loadReviewData(db, 'tst'));
		const ae = (await db.aes.get(['tst', 'TST01-001', 1]))!;
		await saveAe(db, { ...ae, grade: 4 }, { who: 'Dr A', at: '2025-03-05T00:00:00Z', reason: 'Regraded' });
		expect(takeFirstRead('tst')).toBeNull();
	});

	it('shows its answer at once, keeps it when the live query answers the same, and follows a later write', async () => {
		const db = await seededDatabase(`live-${Math.random()}`);
		const started = startFirstRead('tst', () => loadReviewData(db, 'tst'));
		const early = await started.promise;
		const root = inRoot(() => useLiveQuery(() => loadReviewData(db, 'tst'), () => 'tst', () => takeFirstRead<ReviewData | null>('tst')));
		// Loaded before any effect ran: the page's first render has the study.
		expect(root.value.loaded).toBe(true);
		expect(root.value.current).toBe(early);
		// The live query's own first answer (the same records) is not applied again: nothing re-evaluates.
		await new Promise((r) => setTimeout(r, 50));
		flushSync();
		expect(root.value.current).toBe(early);
		const before = grade(early);
		const ae = (await db.aes.get(['tst', 'TST01-001', 1]))!;
		await saveAe(db, { ...ae, grade: 4 }, { who: 'Dr A', at: '2025-03-05T00:00:00Z', reason: 'Regraded' });
		await expect.poll(() => (flushSync(), grade(root.value.current))).toBe(4);
		expect(before).not.toBe(4);
		root.stop();
	});

	it('gives way to the live query when a write lands while the early read is still running', async () => {
		const db = await seededDatabase(`race-${Math.random()}`);
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		// An early read that answers late, with the records as they were before the write.
		const snapshot = await loadReviewData(db, 'tst');
		startFirstRead('tst', async () => {
			await gate;
			return snapshot;
		});
		const root = inRoot(() => useLiveQuery(() => loadReviewData(db, 'tst'), () => 'tst', () => takeFirstRead<ReviewData | null>('tst')));
		expect(root.value.loaded).toBe(false);
		flushSync();
		const ae = (await db.aes.get(['tst', 'TST01-001', 1]))!;
		await saveAe(db, { ...ae, grade: 4 }, { who: 'Dr A', at: '2025-03-05T00:00:00Z', reason: 'Regraded' });
		// The early read answers now, with what it read before the write: it is never shown.
		release();
		for (let i = 0; i < 10; i++) await Promise.resolve();
		flushSync();
		expect(root.value.current).not.toBe(snapshot);
		await expect.poll(() => (flushSync(), grade(root.value.current))).toBe(4);
		expect(grade(snapshot)).not.toBe(4);
		root.stop();
	});

	it('does not wait for an early read that never answers', async () => {
		const db = await seededDatabase(`hang-${Math.random()}`);
		startFirstRead('tst', () => new Promise<ReviewData | null>(() => undefined));
		const t0 = performance.now();
		const root = inRoot(() => useLiveQuery(() => loadReviewData(db, 'tst'), () => 'tst', () => takeFirstRead<ReviewData | null>('tst')));
		await expect.poll(() => (flushSync(), root.value.current?.study.id), { timeout: 5_000 }).toBe('tst');
		expect(performance.now() - t0).toBeGreaterThanOrEqual(EARLY_READ_PATIENCE_MS - 50);
		root.stop();
	});

	it('leaves the live query to answer when the early read fails', async () => {
		const db = await seededDatabase(`fail-${Math.random()}`);
		startFirstRead('tst', () => Promise.reject(new Error('blocked')));
		const root = inRoot(() => useLiveQuery(() => loadReviewData(db, 'tst'), () => 'tst', () => takeFirstRead<ReviewData | null>('tst')));
		await expect.poll(() => (flushSync(), root.value.current?.study.id)).toBe('tst');
		expect(root.value.error).toBeNull();
		root.stop();
	});
});
