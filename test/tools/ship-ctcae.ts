/**
 * Converts the CTCAE v5.0 term list from ../shared/data into the JSON the app ships (static/ctcae), so the app
 * never needs ../shared at run time. Run with `npm run ctcae:ship` when the source changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { CtcaeTerm } from '../../src/lib/domain/ctcae';

const source = resolve(import.meta.dirname, '../../../shared/data/ctcae-v5.0/ctcae_v5.0_terms.csv');
const target = resolve(import.meta.dirname, '../../static/ctcae/ctcae-v5.0.json');
const rows = Papa.parse<Record<string, string>>(readFileSync(source, 'utf8'), { header: true, skipEmptyLines: true }).data;
const grade = (t: string | undefined) => (!t || t.trim() === '-' ? null : t.trim());
const terms: CtcaeTerm[] = rows.map((r) => ({
	code: r.meddra_code ?? '',
	soc: (r.soc ?? '').trim(),
	term: (r.term ?? '').trim(),
	grades: [grade(r.grade_1), grade(r.grade_2), grade(r.grade_3), grade(r.grade_4), grade(r.grade_5)],
	definition: (r.definition ?? '').trim()
}));
writeFileSync(target, JSON.stringify({ version: 'CTCAE v5.0', source: 'NCI CTCAE v5.0 (US government work)', terms }) + '\n');
console.log(`wrote ${terms.length} terms to ${target}`);
