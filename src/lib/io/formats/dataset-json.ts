/**
 * CDISC Dataset-JSON 1.1: one JSON object with `columns` and `rows` (.json), the same as NDJSON (.ndjson: the first
 * line the metadata with its columns, each further line one row), and compressed NDJSON (.dsjc). A .dsjc is zlib
 * by the specification, but files in the wild are gzip: the first bytes tell which. Decompression uses the
 * platform's DecompressionStream (browsers, workers and Node 18+).
 */

export interface DatasetJsonColumn {
	itemOID?: string;
	name: string;
	label?: string;
	dataType?: string;
	length?: number;
	displayFormat?: string;
}

export interface DatasetJson {
	name: string;
	label: string;
	columns: DatasetJsonColumn[];
	rows: unknown[][];
}

export class DatasetJsonError extends Error {
	constructor(file: string, message: string) {
		super(`${file}: ${message}`);
		this.name = 'DatasetJsonError';
	}
}

function metadata(file: string, raw: unknown): { name: string; label: string; columns: DatasetJsonColumn[] } {
	if (typeof raw !== 'object' || raw === null) throw new DatasetJsonError(file, 'it is not a Dataset-JSON object');
	const o = raw as Record<string, unknown>;
	if (typeof o.datasetJSONVersion !== 'string' || !o.datasetJSONVersion.startsWith('1.'))
		throw new DatasetJsonError(file, `it is not Dataset-JSON 1.x (datasetJSONVersion is ${JSON.stringify(o.datasetJSONVersion ?? null)})`);
	if (!Array.isArray(o.columns) || !o.columns.every((c) => typeof c === 'object' && c !== null && typeof (c as { name?: unknown }).name === 'string'))
		throw new DatasetJsonError(file, 'it has no "columns" with a name each');
	return { name: String(o.name ?? ''), label: String(o.label ?? ''), columns: o.columns as DatasetJsonColumn[] };
}

function checkRow(file: string, row: unknown, n: number, width: number, where: string): unknown[] {
	if (!Array.isArray(row)) throw new DatasetJsonError(file, `${where} is not an array of values`);
	if (row.length !== width) throw new DatasetJsonError(file, `${where} has ${row.length} values for ${width} columns`);
	void n;
	return row;
}

export function parseDatasetJson(file: string, text: string): DatasetJson {
	let raw: unknown;
	try {
		raw = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new DatasetJsonError(file, `it is not valid JSON (${(e as Error).message})`);
	}
	const meta = metadata(file, raw);
	const rows = (raw as { rows?: unknown }).rows;
	if (!Array.isArray(rows)) throw new DatasetJsonError(file, 'it has no "rows"');
	return { ...meta, rows: rows.map((r, i) => checkRow(file, r, i, meta.columns.length, `row ${i + 1}`)) };
}

export function parseNdjson(file: string, text: string): DatasetJson {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
	if (!lines.length) throw new DatasetJsonError(file, 'the file is empty');
	const parse = (l: string, i: number) => {
		try {
			return JSON.parse(l) as unknown;
		} catch (e) {
			throw new DatasetJsonError(file, `line ${i + 1} is not valid JSON (${(e as Error).message})`);
		}
	};
	const meta = metadata(file, parse(lines[0]!, 0));
	return { ...meta, rows: lines.slice(1).map((l, i) => checkRow(file, parse(l, i + 1), i, meta.columns.length, `line ${i + 2}`)) };
}

/** gzip (1f 8b) or zlib (78 01 / 78 5e / 78 9c / 78 da), else null. */
export function compression(bytes: Uint8Array): 'gzip' | 'deflate' | null {
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
	if (bytes[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(bytes[1]!)) return 'deflate';
	return null;
}

export async function inflate(bytes: Uint8Array, format: 'gzip' | 'deflate'): Promise<Uint8Array> {
	const stream = new Response(bytes as BodyInit).body!.pipeThrough(new DecompressionStream(format));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A value as the readers take it: text as is, a number as written, null as blank. */
export function jsonCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value);
}
