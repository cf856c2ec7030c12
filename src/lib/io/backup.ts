/**
 * Backup and restore of the whole database as one JSON file. The file carries the schema version and a
 * SHA-256 checksum of its data; a restore checks, before anything is written:
 * - every record against its schema, refusing unknown fields and naming the record;
 * - that every record belongs to a study and a subject in the file (no orphans), and that every signed meeting
 *   has its snapshot;
 * - the audit trail's hash chains, and the chain heads signed meetings recorded;
 * - every electronic signature against what it signed.
 * Then it replaces the database in one transaction, so a damaged, altered or foreign file changes nothing.
 * Files from schemas 1–3 are brought to schema 4's shape first (upgrade-v4.ts).
 */
import * as v from 'valibot';
import type { Adjudication, AdverseEvent, AuditEntry, DoseAdministration, Meeting, ReviewerProfile, SafetyResult, Study, Subject } from '../domain/types';
import type { StoredRuleSet } from '../domain/model/rule-set';
import { meetingAnchors, sha256Hex, verifyChains } from '../domain/audit/audit-chain';
import {
	AdjudicationSchema,
	AeSchema,
	AuditSchema,
	DoseSchema,
	LegacyAdjudicationSchema,
	LegacyAuditSchema,
	LegacyMeetingSchema,
	MeetingSchema,
	ReviewerProfileSchema,
	StoredRuleSetSchema,
	SafetyResultSchema,
	StudySchema,
	SubjectSchema,
	describeIssue
} from './record-schemas';
import { signatureProblems } from './signatures';
import { upgradeRecordsToV4, type LegacyRecords } from './upgrade-v4';

export const BACKUP_FORMAT = 'dosewatch-backup';

export interface BackupData {
	studies: Study[];
	subjects: Subject[];
	doses: DoseAdministration[];
	aes: AdverseEvent[];
	audit: AuditEntry[];
	adjudications: Adjudication[];
	ruleSets: StoredRuleSet[];
	meetings: Meeting[];
	/** Reviewer profiles (public keys, and private keys only their passphrases open). Schema 5 on. */
	reviewers: ReviewerProfile[];
	/** Lab, vital-sign and ECG results. Schema 6 on. */
	safety: SafetyResult[];
}

export interface BackupFile {
	format: typeof BACKUP_FORMAT;
	schemaVersion: number;
	exportedAt: string;
	exportedBy: string;
	checksum: string;
	data: BackupData;
}

/** SHA-256 of a text, hex. Synchronous, the same in the browser, Node and a database transaction. */
export async function sha256(text: string): Promise<string> {
	return sha256Hex(text);
}

export async function serializeBackup(data: BackupData, meta: { schemaVersion: number; exportedAt: string; exportedBy: string }): Promise<string> {
	const checksum = sha256Hex(JSON.stringify(data));
	const file: BackupFile = { format: BACKUP_FORMAT, ...meta, checksum, data };
	return JSON.stringify(file);
}

export type BackupParse = { ok: true; backup: BackupFile } | { ok: false; error: string };

const TABLES_V4 = [
	['studies', StudySchema],
	['subjects', SubjectSchema],
	['doses', DoseSchema],
	['aes', AeSchema],
	['audit', AuditSchema],
	['adjudications', AdjudicationSchema],
	['ruleSets', StoredRuleSetSchema],
	['meetings', MeetingSchema],
	['reviewers', ReviewerProfileSchema],
	['safety', SafetyResultSchema]
] as const;
const LEGACY: Record<string, v.GenericSchema> = { audit: LegacyAuditSchema, adjudications: LegacyAdjudicationSchema, meetings: LegacyMeetingSchema };

/** Tables added after schema 1: a backup from before them has none, which reads as empty. */
const ADDED_LATER: Record<string, number> = { adjudications: 2, ruleSets: 2, meetings: 3, reviewers: 5, safety: 6 };
const TOP_LEVEL = new Set(['format', 'schemaVersion', 'exportedAt', 'exportedBy', 'checksum', 'data']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Records that point at a study, subject or event the file does not hold, and signed meetings without a snapshot. */
export function integrityProblems(d: BackupData): string[] {
	const out: string[] = [];
	const studies = new Set(d.studies.map((s) => s.id));
	const subjects = new Set(d.subjects.map((s) => `${s.studyId}\u0000${s.usubjid}`));
	const check = (table: string, rows: readonly { studyId: string | null }[], label: (i: number) => string) =>
		rows.forEach((r, i) => {
			if (r.studyId !== null && !studies.has(r.studyId)) out.push(`${table}[${i}] (${label(i)}) belongs to study "${r.studyId}", which is not in the file`);
		});
	check('subjects', d.subjects, (i) => d.subjects[i]!.usubjid);
	for (const [table, rows] of [['doses', d.doses], ['aes', d.aes], ['safety', d.safety]] as const) {
		rows.forEach((r, i) => {
			if (!subjects.has(`${r.studyId}\u0000${r.usubjid}`)) out.push(`${table}[${i}] (${r.usubjid}) belongs to subject "${r.usubjid}" of study "${r.studyId}", which is not in the file`);
		});
	}
	check('adjudications', d.adjudications, (i) => `${d.adjudications[i]!.usubjid} AE ${d.adjudications[i]!.aeseq}`);
	check('ruleSets', d.ruleSets, (i) => d.ruleSets[i]!.key);
	check('meetings', d.meetings, (i) => d.meetings[i]!.date);
	d.meetings.forEach((m, i) => {
		if (m.signedAt && !m.snapshot) out.push(`meetings[${i}] (${m.date}) is signed but has no snapshot of what was signed`);
		if (!m.signedAt && m.snapshot) out.push(`meetings[${i}] (${m.date}) has a snapshot but no signature date`);
	});
	const ids = new Set<string>();
	for (const [table, rows] of [['audit', d.audit], ['adjudications', d.adjudications], ['meetings', d.meetings], ['reviewers', d.reviewers]] as const) {
		rows.forEach((r, i) => {
			if (ids.has(r.id)) out.push(`${table}[${i}] repeats the id ${r.id}`);
			ids.add(r.id);
		});
	}
	return out;
}

/**
 * Reads and checks a backup file. `currentSchema` refuses files from a newer DoseWatch; `newId` gives UUIDs to
 * records of files from before schema 4.
 */
export async function parseBackup(fileName: string, text: string, currentSchema: number, newId: () => string = () => globalThis.crypto.randomUUID()): Promise<BackupParse> {
	const refuse = (why: string): BackupParse => ({ ok: false, error: `${fileName} cannot be restored: ${why}. Nothing was changed.` });
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return refuse('it is not valid JSON (the file may be truncated or damaged)');
	}
	if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) return refuse('it is not a DoseWatch backup');
	const file = raw as Record<string, unknown>;
	const unknownTop = Object.keys(file).filter((k) => !TOP_LEVEL.has(k));
	if (unknownTop.length) return refuse(`it has fields a DoseWatch backup does not have: ${unknownTop.join(', ')}`);
	if (typeof file.schemaVersion !== 'number' || !Number.isInteger(file.schemaVersion) || file.schemaVersion < 1) return refuse('it has no schema version');
	if (file.schemaVersion > currentSchema) return refuse(`it was written by a newer DoseWatch (schema ${file.schemaVersion}; this one reads up to ${currentSchema})`);
	if (typeof file.exportedAt !== 'string' || !ISO_TIME.test(file.exportedAt) || Number.isNaN(Date.parse(file.exportedAt)))
		return refuse(`its "exportedAt" (${JSON.stringify(file.exportedAt ?? null)}) is not a date and time such as 2026-11-30T14:00:00Z`);
	if (typeof file.exportedBy !== 'string') return refuse('it does not say who exported it ("exportedBy")');
	if (typeof file.checksum !== 'string') return refuse('it has no checksum');
	const data = file.data as Record<string, unknown> | undefined;
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('it holds no data');
	if (sha256Hex(JSON.stringify(data)) !== file.checksum) return refuse('its checksum does not match its contents (the file was altered or damaged)');
	const schema = file.schemaVersion;
	const known = new Set<string>(TABLES_V4.map(([t]) => t));
	const extra = Object.keys(data).filter((k) => !known.has(k));
	if (extra.length) return refuse(`it has tables DoseWatch does not know: ${extra.join(', ')}`);
	const tables: Record<string, unknown[]> = {};
	for (const [table, current] of TABLES_V4) {
		let rows = data[table];
		if (rows === undefined && (ADDED_LATER[table] ?? 1) > schema) rows = [];
		if (!Array.isArray(rows)) return refuse(`the table "${table}" is missing`);
		const rowSchema = schema < 4 ? (LEGACY[table] ?? current) : current;
		for (let i = 0; i < rows.length; i++) {
			const r = v.safeParse(rowSchema, rows[i]);
			if (!r.success) return refuse(describeIssue(table, i, r.issues[0]));
		}
		tables[table] = rows;
	}
	let d = tables as unknown as BackupData;
	if (schema < 4) d = { ...d, ...upgradeRecordsToV4(tables as unknown as LegacyRecords, newId) };
	const integrity = integrityProblems(d);
	if (integrity.length) return refuse(integrity.slice(0, 3).join('; ') + (integrity.length > 3 ? ` (and ${integrity.length - 3} more)` : ''));
	const chains = verifyChains(d.audit, meetingAnchors(d.meetings));
	if (!chains.ok) return refuse(`its audit trail does not hold: ${chains.problems.slice(0, 3).map((p) => `${p.chain === '*' ? 'database' : `study ${p.chain}`}, ${p.message}`).join('; ')}`);
	const signatures = await signatureProblems({ adjudications: d.adjudications, meetings: d.meetings, reviewers: d.reviewers });
	if (signatures.length) return refuse(`a signature does not hold: ${signatures.slice(0, 3).join('; ')}`);
	return { ok: true, backup: { ...(raw as BackupFile), data: d } };
}
