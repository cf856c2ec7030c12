/**
 * Backup and restore of the whole database as one JSON file. The file carries the schema version and a
 * SHA-256 checksum of its data; a restore validates every record first and then replaces the database in one
 * transaction, so a damaged, truncated, altered or foreign file changes nothing.
 */
import * as v from 'valibot';
import type { Adjudication, AdverseEvent, AuditEntry, DoseAdministration, Meeting, Study, Subject } from '../domain/types';
import type { StoredRuleSet } from '../domain/model/rule-set';
import { AdjudicationSchema, AeSchema, AuditSchema, DoseSchema, MeetingSchema, StoredRuleSetSchema, StudySchema, SubjectSchema, describeIssue } from './record-schemas';

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
}

export interface BackupFile {
	format: typeof BACKUP_FORMAT;
	schemaVersion: number;
	exportedAt: string;
	exportedBy: string;
	checksum: string;
	data: BackupData;
}

export async function sha256(text: string): Promise<string> {
	const bytes = new TextEncoder().encode(text);
	const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function serializeBackup(
	data: BackupData,
	meta: { schemaVersion: number; exportedAt: string; exportedBy: string }
): Promise<string> {
	const checksum = await sha256(JSON.stringify(data));
	const file: BackupFile = { format: BACKUP_FORMAT, ...meta, checksum, data };
	return JSON.stringify(file);
}

export type BackupParse = { ok: true; backup: BackupFile } | { ok: false; error: string };

const TABLES = [
	['studies', StudySchema],
	['subjects', SubjectSchema],
	['doses', DoseSchema],
	['aes', AeSchema],
	['audit', AuditSchema],
	['adjudications', AdjudicationSchema],
	['ruleSets', StoredRuleSetSchema],
	['meetings', MeetingSchema]
] as const;

/** Tables added after schema 1: a backup from before them has none, which reads as empty. */
const ADDED_LATER: Record<string, number> = { adjudications: 2, ruleSets: 2, meetings: 3 };

/** Reads and checks a backup file. `currentSchema` refuses files from a newer DoseWatch. */
export async function parseBackup(fileName: string, text: string, currentSchema: number): Promise<BackupParse> {
	const refuse = (why: string): BackupParse => ({ ok: false, error: `${fileName} cannot be restored: ${why}. Nothing was changed.` });
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return refuse('it is not valid JSON (the file may be truncated or damaged)');
	}
	if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT)
		return refuse('it is not a DoseWatch backup');
	const file = raw as Record<string, unknown>;
	if (typeof file.schemaVersion !== 'number' || !Number.isInteger(file.schemaVersion) || file.schemaVersion < 1)
		return refuse('it has no schema version');
	if (file.schemaVersion > currentSchema)
		return refuse(`it was written by a newer DoseWatch (schema ${file.schemaVersion}; this one reads up to ${currentSchema})`);
	if (typeof file.checksum !== 'string') return refuse('it has no checksum');
	const data = file.data as Record<string, unknown> | undefined;
	if (typeof data !== 'object' || data === null) return refuse('it holds no data');
	if ((await sha256(JSON.stringify(data))) !== file.checksum)
		return refuse('its checksum does not match its contents (the file was altered or damaged)');
	const upgraded: Record<string, unknown> = { ...data };
	for (const [table, schema] of TABLES) {
		if (upgraded[table] === undefined && (ADDED_LATER[table] ?? 1) > (file.schemaVersion as number)) upgraded[table] = [];
		const rows = upgraded[table];
		if (!Array.isArray(rows)) return refuse(`the table "${table}" is missing`);
		for (let i = 0; i < rows.length; i++) {
			const r = v.safeParse(schema, rows[i]);
			if (!r.success) return refuse(describeIssue(table, i, r.issues[0]));
		}
	}
	return { ok: true, backup: { ...(raw as BackupFile), data: upgraded as unknown as BackupData } };
}
