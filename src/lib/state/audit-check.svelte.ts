/** A study's audit trail, live: its entries with the database-wide ones (restores, clearing), and its chain check. */
import { readAuditTrail, removedStudyTrails, verifyAuditTrail } from '$lib/db/audit-repository';
import type { ChainReport } from '$lib/domain/audit/audit-chain';
import type { AuditEntry } from '$lib/domain/types';
import { db } from './db';
import { useLiveQuery, type LiveState } from './live-query.svelte';

/** Checked when a study opens and again whenever its trail grows. */
export function useAuditCheck(studyId: () => string): LiveState<ChainReport> {
	return useLiveQuery(() => verifyAuditTrail(db, studyId()), studyId);
}

/** The study's entries and the whole-database entries, newest first. */
export function useAuditEntries(studyId: () => string): LiveState<AuditEntry[]> {
	return useLiveQuery(async () => {
		const [own, all] = await Promise.all([readAuditTrail(db, studyId()), readAuditTrail(db, null)]);
		return [...own, ...all].sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq);
	}, studyId);
}

/** Audit trails kept for studies that were removed (or cleared) from this browser. */
export function useRemovedStudyTrails() {
	return useLiveQuery(() => removedStudyTrails(db));
}
