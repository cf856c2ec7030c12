import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, readAeView, writeAeView } from './ae-filter-url';

describe('AE listing view in the URL', () => {
	it('round-trips every filter and the sort', () => {
		const view = { doseLevel: 'DL2', minGrade: 3, serious: true, relatedness: 'related' as const, text: 'neutrophil', windowOnly: true, sort: 'grade' as const, desc: true };
		expect(readAeView(new URLSearchParams(writeAeView(view)))).toEqual(view);
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
