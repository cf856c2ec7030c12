import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, matchesVerdict, mergeAeView, readAeView, writeAeView } from './ae-filter-url';

describe('AE listing view in the URL', () => {
	it('round-trips every filter and the sort', () => {
		const view = { doseLevel: 'DL2', minGrade: 3, serious: true, relatedness: 'related' as const, text: 'neutrophil', windowOnly: true, changedOnly: true, verdict: 'candidate' as const, sort: 'grade' as const, desc: true };
		expect(readAeView(new URLSearchParams(writeAeView(view)))).toEqual(view);
	});
	it('replaces the view and keeps the page’s own parameters', () => {
		const merged = mergeAeView(new URLSearchParams('asOf=2026-11-16&grade=2&x=date'), { ...DEFAULT_VIEW, minGrade: 3 });
		expect(new URLSearchParams(merged)).toEqual(new URLSearchParams('asOf=2026-11-16&x=date&grade=3'));
	});

	it('the default view is a clean URL', () => {
		expect(writeAeView(DEFAULT_VIEW)).toBe('');
	});
	it.each([
		['grade=9', { minGrade: 0 }],
		['rel=maybe', { relatedness: '' }],
		['sort=colour', { sort: 'subject' }]
	])('ignores a tampered parameter %s', (query, expected) => {
		expect(readAeView(new URLSearchParams(query))).toMatchObject(expected);
	});
});

describe('the DLT-verdict filter', () => {
	it.each([
		['', 'not_dlt', true],
		['candidate', 'dlt', true],
		['candidate', 'pending', true],
		['candidate', 'not_dlt', false],
		['dlt', 'pending', false],
		['not_dlt', 'not_dlt', true]
	] as const)('filter %s, verdict %s → shown %s', (filter, verdict, shown) => {
		expect(matchesVerdict(filter, verdict)).toBe(shown);
	});

	it('ignores an unknown verdict in the URL', () => {
		expect(readAeView(new URLSearchParams('verdict=maybe')).verdict).toBe('');
	});
});
