import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchCtcae, type CtcaeList } from './ctcae';

const list: CtcaeList = JSON.parse(readFileSync(resolve(__dirname, '../../../static/ctcae/ctcae-v5.0.json'), 'utf8'));

describe('the shipped CTCAE v5.0 list', () => {
	it('holds all 837 terms in 26 system organ classes', () => {
		expect(list.terms).toHaveLength(837);
		expect(new Set(list.terms.map((t) => t.soc)).size).toBe(26);
	});

	it('keeps the grade texts, with undefined grades as null', () => {
		const anemia = list.terms.find((t) => t.term === 'Anemia')!;
		expect(anemia.grades[2]).toMatch(/Hgb <8.0 g\/dL/);
		const alopecia = list.terms.find((t) => t.term === 'Alopecia')!;
		expect(alopecia.grades[2]).toBeNull();
	});
});

describe('searchCtcae', () => {
	it.each([
		['neutrophil', 'Neutrophil count decreased'],
		['platelet', 'Platelet count decreased'],
		['febrile', 'Febrile neutropenia'],
		['infusion reaction', 'Infusion related reaction'],
		['NAUSEA', 'Nausea']
	])('%j finds %s first', (q, expected) => {
		expect(searchCtcae(list.terms, q)[0]?.term).toBe(expected);
	});

	it('returns nothing for a blank query and caps the list', () => {
		expect(searchCtcae(list.terms, '  ')).toEqual([]);
		expect(searchCtcae(list.terms, 'a', 5)).toHaveLength(5);
	});
});
