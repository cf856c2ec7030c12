/**
 * One entry for every file a sponsor delivers, in the app, its worker and the command alike: CSV (UTF-8, UTF-16 or
 * Windows-1252: decode-text.ts), SAS transport v5 (.xpt) and Dataset-JSON 1.1 (.json, .ndjson, .dsjc). Each becomes
 * the SourceFile the domain readers take; XPT and Dataset-JSON arrive already as a table (header and rows), with
 * the dataset's name, label and columns kept for the preview.
 */
import { decodeBytes } from '../decode-text';
import type { SourceFile } from '../import-types';
import { compression, inflate, jsonCell, parseDatasetJson, parseNdjson, type DatasetJson } from './dataset-json';
import { parseXpt, xptCell } from './xpt';

export type DataFormat = 'csv' | 'xpt' | 'dataset-json' | 'ndjson' | 'dsjc';

export function formatOf(name: string): DataFormat {
	const n = name.toLowerCase();
	if (n.endsWith('.xpt')) return 'xpt';
	if (n.endsWith('.ndjson')) return 'ndjson';
	if (n.endsWith('.dsjc')) return 'dsjc';
	if (n.endsWith('.json')) return 'dataset-json';
	return 'csv';
}

function fromDatasetJson(name: string, d: DatasetJson, format: DataFormat): SourceFile {
	return {
		name,
		text: '',
		table: { header: d.columns.map((c) => c.name.toUpperCase()), rows: d.rows.map((r) => r.map(jsonCell)) },
		dataset: { format, name: d.name, label: d.label, columns: d.columns.map((c) => ({ name: c.name, label: c.label ?? '', type: c.dataType ?? '' })) }
	};
}

/** Reads a delivered file into a SourceFile; throws an Error naming the file when it cannot be read. */
export async function readDataFile(name: string, bytes: Uint8Array): Promise<SourceFile> {
	const format = formatOf(name);
	if (format === 'xpt') {
		const members = parseXpt(bytes, name);
		if (members.length > 1) throw new Error(`${name} holds ${members.length} datasets (${members.map((m) => m.name).join(', ')}): export one dataset per file`);
		const m = members[0]!;
		return {
			name,
			text: '',
			table: { header: m.variables.map((v) => v.name.toUpperCase()), rows: m.rows.map((r) => r.map((value, i) => xptCell(m.variables[i]!, value))) },
			dataset: { format, name: m.name, label: m.label, columns: m.variables.map((v) => ({ name: v.name, label: v.label, type: v.type === 'num' ? `number (${v.length} bytes)` : `text (${v.length})` })) }
		};
	}
	if (format === 'dsjc' || format === 'ndjson' || format === 'dataset-json') {
		const packed = compression(bytes);
		if (format === 'dsjc' && !packed) throw new Error(`${name}: a .dsjc file must be compressed (gzip or zlib); its first bytes are neither`);
		const text = decodeBytes(packed ? await inflate(bytes, packed) : bytes, name).text;
		const d = format === 'dataset-json' ? parseDatasetJson(name, text) : parseNdjson(name, text);
		return fromDatasetJson(name, d, format);
	}
	const decoded = decodeBytes(bytes, name);
	return { name, text: decoded.text, encodingWarning: decoded.warning };
}
