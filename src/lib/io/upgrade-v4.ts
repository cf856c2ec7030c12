/**
 * Records from schemas 1–3 in the shape of schema 4, for the database upgrade and for restoring an old backup
 * alike: each AE gets an identity; audit entries (in the order they were written) are sealed into a hash chain
 * per study with UUIDs; adjudications get UUIDs, their event's identity and, standing in for what was decided on
 * (records before schema 4 kept none), the event as it is at the upgrade; meetings get UUIDs. A signed meeting's
 * snapshot keeps its contents; only its adjudications' numeric keys become text.
 */
import { chainOf, sealEntry } from '../domain/audit/audit-chain';
import { adjudicationBasis } from '../domain/dlt/compute-committee-decisions';
import type { Adjudication, AdverseEvent, AuditEntry, AuditEntryInput, Meeting } from '../domain/types';

export type LegacyAudit = AuditEntryInput & { id?: number };
export type LegacyAdjudication = Omit<Adjudication, 'id'> & { id?: number };
export type LegacyMeeting = Omit<Meeting, 'id' | 'snapshot'> & {
	id?: number;
	snapshot: (Omit<NonNullable<Meeting['snapshot']>, 'adjudications'> & { adjudications: LegacyAdjudication[] }) | null;
};

export interface LegacyRecords {
	aes: AdverseEvent[];
	audit: LegacyAudit[];
	adjudications: LegacyAdjudication[];
	meetings: LegacyMeeting[];
}

export interface UpgradedRecords {
	aes: AdverseEvent[];
	audit: AuditEntry[];
	adjudications: Adjudication[];
	meetings: Meeting[];
}

const byOldId = <T extends { id?: number }>(rows: readonly T[]) => rows.map((r, i) => ({ r, i })).sort((a, b) => (a.r.id ?? a.i) - (b.r.id ?? b.i) || a.i - b.i).map((x) => x.r);

export function upgradeRecordsToV4(old: LegacyRecords, newId: () => string): UpgradedRecords {
	const aes = old.aes.map((ae) => ({ ...ae, id: ae.id ?? newId(), spid: ae.spid ?? null }));
	const byKey = new Map(aes.map((ae) => [`${ae.studyId}\u0000${ae.usubjid}\u0000${ae.aeseq}`, ae]));
	const heads = new Map<string, AuditEntry>();
	const audit = byOldId(old.audit).map(({ id: _old, ...input }) => {
		const e = sealEntry(input, heads.get(chainOf(input.studyId)) ?? null, newId());
		heads.set(e.chain, e);
		return e;
	});
	const adjudications = byOldId(old.adjudications).map(({ id: _old, ...a }) => {
		const ae = byKey.get(`${a.studyId}\u0000${a.usubjid}\u0000${a.aeseq}`);
		return { ...a, id: newId(), ...(ae ? { aeId: ae.id, basis: a.basis ?? adjudicationBasis(ae) } : {}) };
	});
	const meetings = byOldId(old.meetings).map(({ id: _old, snapshot, ...m }) => ({
		...m,
		id: newId(),
		snapshot: snapshot ? { ...snapshot, adjudications: snapshot.adjudications.map((a, i) => ({ ...a, id: `legacy-${a.id ?? i + 1}` })) } : null
	}));
	return { aes, audit, adjudications, meetings };
}
