/**
 * Many files at once (a folder, a zip, or several chosen together): each file's SDTM domain found from its name
 * (dm.xpt, ae.csv, adsl.json …) or else from its DOMAIN column, correctable by the person; a SUPPQUAL dataset
 * (SUPPAE …) merged into its parent as extra columns, one per QNAM, matched by USUBJID and IDVAR/IDVARVAL; zips
 * opened in memory (fflate). The readers then get one file per domain.
 */
import { unzipSync } from 'fflate';
import type { SourceFile } from '../import-types';
import { readCsv, rowReader } from '../read-csv';
import { readDataFile } from './read-data-file';

/** Domains the import reads now; the others are recognised and set aside. */
export const IMPORTED_DOMAINS = ['DM', 'EX', 'AE', 'DS', 'LB', 'VS', 'EG', 'IS', 'RS', 'TR'] as const;
export type ImportedDomain = (typeof IMPORTED_DOMAINS)[number];
const KNOWN = /^(DM|EX|AE|DS|LB|VS|EG|IS|RS|TR|TU|PE|CM|MH|SUPP[A-Z]{2}|ADSL|ADAE)$/;
const ADAM: Record<string, string> = { ADSL: 'DM', ADAE: 'AE' };
const DATA_FILE = /\.(csv|xpt|json|ndjson|dsjc)$/i;

export interface Assignment {
	file: string;
	/** The domain the file is read as ('' when none was found). */
	domain: string;
	how: 'file name' | 'DOMAIN column' | 'chosen' | 'not found';
}

export interface Bundle {
	files: Partial<Record<Lowercase<ImportedDomain>, SourceFile>>;
	assignments: Assignment[];
	/** Files set aside, each with why ("LB: not imported yet", "a second AE file"). */
	setAside: { file: string; why: string }[];
	/** SUPPQUAL datasets merged, with the qualifiers added. */
	merged: { supp: string; into: string; qualifiers: string[] }[];
}

/** The files inside a zip that DoseWatch reads, by name; folders and macOS metadata skipped. */
export function unzipDataFiles(name: string, bytes: Uint8Array): { name: string; bytes: Uint8Array }[] {
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(bytes);
	} catch (e) {
		throw new Error(`${name}: the zip cannot be opened (${(e as Error).message})`);
	}
	return Object.entries(entries)
		.filter(([path]) => DATA_FILE.test(path) && !path.startsWith('__MACOSX/') && !/(^|\/)\./.test(path))
		.map(([path, data]) => ({ name: path.split('/').pop()!, bytes: data }));
}

function domainFromName(name: string): string | null {
	const base = name.replace(/\.[^.]+$/, '').toUpperCase();
	return KNOWN.test(base) ? base : null;
}

/** A CSV as a table (header and rows), keeping its row numbers (the header is row 1). */
function asTable(f: SourceFile): SourceFile {
	if (f.table) return f;
	const r = readCsv(f);
	if (!r.ok) return f;
	return { ...f, table: { header: r.table.header, rows: r.table.rows.map((x) => x.cells), firstRow: 2 } };
}

function domainColumn(f: SourceFile): string | null {
	const t = asTable(f).table;
	if (!t) return null;
	const i = t.header.indexOf('DOMAIN');
	const rdomain = t.header.indexOf('RDOMAIN');
	if (rdomain >= 0 && t.rows[0]) return `SUPP${(t.rows[0][rdomain] ?? '').toUpperCase()}`;
	return i >= 0 && t.rows[0] ? (t.rows[0][i] ?? '').toUpperCase() || null : null;
}

/** Adds each QNAM of a SUPPQUAL dataset to its parent as a column, matched by USUBJID and IDVAR = IDVARVAL. */
export function mergeSupp(parent: SourceFile, supp: SourceFile): { file: SourceFile; qualifiers: string[] } {
	const p = asTable(parent);
	const s = asTable(supp);
	if (!p.table || !s.table) return { file: parent, qualifiers: [] };
	const sRows = s.table.rows.map((cells, i) => ({ row: i + 1, cells }));
	const get = rowReader({ file: s.name, header: s.table.header, rows: sRows });
	const byKey = new Map<string, Map<string, string>>();
	const qualifiers: string[] = [];
	for (const r of sRows) {
		const q = get(r, 'QNAM').toUpperCase();
		if (!q) continue;
		if (!qualifiers.includes(q) && !p.table.header.includes(q)) qualifiers.push(q);
		const key = `${get(r, 'USUBJID')}\u0000${get(r, 'IDVAR').toUpperCase()}\u0000${get(r, 'IDVARVAL').trim()}`;
		const m = byKey.get(key) ?? new Map<string, string>();
		m.set(q, get(r, 'QVAL'));
		byKey.set(key, m);
	}
	const idvars = [...new Set(sRows.map((r) => get(r, 'IDVAR').toUpperCase()))];
	const header = [...p.table.header, ...qualifiers];
	const u = p.table.header.indexOf('USUBJID');
	const rows = p.table.rows.map((cells) => {
		const extra = qualifiers.map((q) => {
			for (const idvar of idvars) {
				const j = idvar ? p.table!.header.indexOf(idvar) : -1;
				const key = `${cells[u] ?? ''}\u0000${idvar}\u0000${j >= 0 ? (cells[j] ?? '').trim() : ''}`;
				const v = byKey.get(key)?.get(q);
				if (v !== undefined) return v;
			}
			return '';
		});
		return [...cells, ...extra];
	});
	return { file: { ...p, table: { ...p.table, header, rows } }, qualifiers };
}

/**
 * Reads every file (zips opened), finds each one's domain (`chosen` overrides by file name), merges SUPPQUAL into
 * its parent and picks one file per imported domain.
 */
export async function readBundle(inputs: { name: string; bytes: Uint8Array }[], chosen: Record<string, string> = {}): Promise<Bundle> {
	const expanded = inputs.flatMap((f) => (/\.zip$/i.test(f.name) ? unzipDataFiles(f.name, f.bytes) : [f]));
	const read: { file: SourceFile; domain: string; how: Assignment['how'] }[] = [];
	const setAside: Bundle['setAside'] = [];
	for (const f of expanded) {
		if (!DATA_FILE.test(f.name)) {
			setAside.push({ file: f.name, why: 'not a data file DoseWatch reads (.csv, .xpt, .json, .ndjson, .dsjc)' });
			continue;
		}
		const file = await readDataFile(f.name, f.bytes);
		const pick = chosen[f.name];
		const byName = domainFromName(f.name);
		const domain = pick !== undefined ? pick.toUpperCase() : (byName ?? domainColumn(file) ?? '');
		read.push({ file, domain, how: pick !== undefined ? 'chosen' : byName ? 'file name' : domain ? 'DOMAIN column' : 'not found' });
	}
	const files: Bundle['files'] = {};
	const merged: Bundle['merged'] = [];
	const parents = new Map<string, SourceFile>();
	for (const r of read) {
		const target = ADAM[r.domain] ?? r.domain;
		if (!r.domain) setAside.push({ file: r.file.name, why: 'its domain was not found from its name or a DOMAIN column: choose it' });
		else if (r.domain.startsWith('SUPP')) continue;
		else if (!(IMPORTED_DOMAINS as readonly string[]).includes(target)) setAside.push({ file: r.file.name, why: `${r.domain}: not imported yet` });
		else if (parents.has(target)) setAside.push({ file: r.file.name, why: `a second ${target} file (${parents.get(target)!.name} is read)` });
		else parents.set(target, r.file);
	}
	for (const r of read.filter((x) => x.domain.startsWith('SUPP'))) {
		const parentDomain = r.domain.slice(4);
		const parent = parents.get(parentDomain);
		if (!parent) {
			setAside.push({ file: r.file.name, why: `${r.domain}: its parent ${parentDomain} is not among the files read` });
			continue;
		}
		const m = mergeSupp(parent, r.file);
		parents.set(parentDomain, m.file);
		merged.push({ supp: r.file.name, into: parent.name, qualifiers: m.qualifiers });
	}
	for (const [d, f] of parents) files[d.toLowerCase() as Lowercase<ImportedDomain>] = f;
	return { files, assignments: read.map((r) => ({ file: r.file.name, domain: r.domain, how: r.how })), setAside, merged };
}
