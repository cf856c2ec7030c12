/** Which column each field is read from (the first present of its names), and what the preview says about it. */
import type { CsvTable } from '../read-csv';
import type { ColumnMapping, FieldMapping, Problem } from '../import-types';

export type FieldSpec = Record<string, readonly string[]>;
export type Resolved<F extends FieldSpec> = Record<keyof F, string | null>;

export function resolveColumns<F extends FieldSpec>(table: CsvTable, fields: F): Resolved<F> {
	const present = new Set(table.header);
	const out = {} as Resolved<F>;
	for (const key of Object.keys(fields) as (keyof F)[]) {
		out[key] = fields[key]!.find((c) => present.has(c)) ?? null;
	}
	return out;
}

export function describeMapping<F extends FieldSpec>(
	table: CsvTable,
	domain: ColumnMapping['domain'],
	fields: F,
	resolved: Resolved<F>,
	required: string[],
	extraRead: string[]
): ColumnMapping {
	const used = new Set<string>([...(Object.values(resolved).filter(Boolean) as string[]), ...extraRead]);
	const mapped: FieldMapping[] = (Object.keys(fields) as string[]).map((field) => ({
		field,
		column: resolved[field as keyof F],
		required: required.includes(field)
	}));
	return { file: table.file, domain, fields: mapped, ignored: table.header.filter((h) => !used.has(h)) };
}

export function missingRequired<F extends FieldSpec>(
	table: CsvTable,
	fields: F,
	resolved: Resolved<F>,
	required: string[]
): Problem[] {
	return required
		.filter((f) => resolved[f as keyof F] === null)
		.map((f) => ({
			file: table.file,
			row: 1,
			column: fields[f as keyof F]!.join(' or '),
			severity: 'error' as const,
			message: `required column ${fields[f as keyof F]!.join(' or ')} is missing`
		}));
}


/** A plain decimal as data managers write it: "12", "-3", "2.5", "0.75". No hex (0x10), exponent (1e1) or leading +. */
export const PLAIN_DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** A number cell: null when blank, NaN when not a plain decimal (JavaScript's Number() would read "0x10" as 16). */
export function parseNumber(text: string): number | null {
	const t = text.trim();
	if (t === '') return null;
	if (!PLAIN_DECIMAL.test(t)) return NaN;
	const n = Number(t);
	return Number.isFinite(n) ? n : NaN;
}
