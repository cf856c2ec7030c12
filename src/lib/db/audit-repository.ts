/**
 * Appending to the audit trail and reading it back. Every write in the app goes through `appendAudit` inside its
 * own transaction, which seals the entry into its study's hash chain (see domain/audit/audit-chain.ts).
 */
import { sealEntry, chainOf, verifyChains, meetingAnchors, type ChainReport } from '../domain/audit/audit-chain';
import type { AuditEntry, AuditEntryInput, ChainHead } from '../domain/types';
import type { DoseWatchDatabase } from './database';
import { newId } from './ids';

/** The last entry of a chain, or null for an empty chain. Call inside a transaction that includes auditTrail. */
export async function chainHead(db: DoseWatchDatabase, studyId: string | null): Promise<ChainHead | null> {
	const chain = chainOf(studyId);
	const last = await db.auditTrail.where('[chain+seq]').between([chain, 0], [chain, Infinity]).last();
	return last ? { chain, seq: last.seq, hash: last.hash } : null;
}

/** Seals and stores one entry. Must run inside a 'rw' transaction that includes db.auditTrail. */
export async function appendAudit(db: DoseWatchDatabase, input: AuditEntryInput): Promise<AuditEntry> {
	const head = await chainHead(db, input.studyId);
	const entry = sealEntry(input, head, newId());
	await db.auditTrail.add(entry);
	return entry;
}

/** A study's entries in chain order (null: the entries about the whole database). */
export async function readAuditTrail(db: DoseWatchDatabase, studyId: string | null): Promise<AuditEntry[]> {
	const chain = chainOf(studyId);
	return db.auditTrail.where('[chain+seq]').between([chain, 0], [chain, Infinity]).toArray();
}

/** Verifies one study's chain (or every chain) against the heads its signed meetings recorded. */
export async function verifyAuditTrail(db: DoseWatchDatabase, studyId?: string): Promise<ChainReport> {
	return db.transaction('r', [db.auditTrail, db.reviewMeetings], async () => {
		const entries = studyId === undefined ? await db.auditTrail.toArray() : await readAuditTrail(db, studyId);
		const meetings = studyId === undefined ? await db.reviewMeetings.toArray() : await db.reviewMeetings.where('studyId').equals(studyId).toArray();
		return verifyChains(entries, meetingAnchors(meetings));
	});
}

/** Every entry, oldest first (by time, then place in its chain). */
export async function readAllAudit(db: DoseWatchDatabase): Promise<AuditEntry[]> {
	const all = await db.auditTrail.toArray();
	return all.sort((a, b) => a.at.localeCompare(b.at) || a.chain.localeCompare(b.chain) || a.seq - b.seq);
}

/** Studies no longer here whose audit trail is kept: each with the name it had and when it was removed. */
export async function removedStudyTrails(db: DoseWatchDatabase): Promise<{ studyId: string; title: string; entries: number; removedAt: string | null }[]> {
	return db.transaction('r', [db.auditTrail, db.studies], async () => {
		const present = new Set((await db.studies.toArray()).map((s) => s.id));
		const byStudy = new Map<string, AuditEntry[]>();
		for (const e of await db.auditTrail.toArray()) {
			if (e.studyId === null || present.has(e.studyId)) continue;
			const list = byStudy.get(e.studyId) ?? [];
			list.push(e);
			byStudy.set(e.studyId, list);
		}
		return [...byStudy].map(([studyId, list]) => {
			const removal = list.filter((e) => e.entity === 'study' && e.action === 'delete').sort((a, b) => b.seq - a.seq)[0];
			return { studyId, title: removal?.key ?? studyId, entries: list.length, removedAt: removal?.at ?? null };
		});
	});
}
