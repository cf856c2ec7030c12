import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AeRow } from '../domain/ae-listing';
import type { AdverseEvent } from '../domain/types';
import { aeListingCsv } from './listing-csv';

const row = (over: Partial<AdverseEvent>, studyDay: number | null): AeRow =>
	({
		ae: { usubjid: 'S-1', aeseq: 1, verbatim: 'x', term: 'Nausea', soc: 'GI', grade: 2, gradeDerived: false, start: '2026-03-01', end: null, serious: false, attribution: { A: 'possible' }, treated: null, outcome: '', ...over } as AdverseEvent,
		doseLevel: 'DL1', studyDay, maxRelatedness: 'possible', teae: true, imputedOnset: null, inDltWindow: true
	});

describe('aeListingCsv with hostile input', () => {
	const text = aeListingCsv(
		[
			row({ verbatim: '=HYPERLINK("http://x")', term: '+1+1', soc: '-2+3', outcome: '@SUM(A1)' }, -1),
			row({ aeseq: 2, verbatim: '<img src=x onerror=alert(1)>', term: 'Rash, "severe"' }, 22)
		],
		[{ code: 'A', name: 'Drug A' }]
	);
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

	it.each([
		['AETERM', 0, `'=HYPERLINK("http://x")`],
		['AEDECOD', 0, `'+1+1`],
		['AEBODSYS', 0, `'-2+3`],
		['AEOUT', 0, `'@SUM(A1)`],
		['AETERM', 1, '<img src=x onerror=alert(1)>'], // not a formula: kept as text
		['AEDECOD', 1, 'Rash, "severe"'] // quoting survives
	])('%s of row %i reads %j', (col, i, expected) => {
		expect(parsed[i]![col]).toBe(expected);
	});

	it('keeps a study day of -1 a number', () => {
		expect(parsed[0]!.STUDY_DAY).toBe('-1');
		expect(text).toMatch(/,-1,/);
	});
});

describe('aeListingCsv with what changed since the last review', () => {
	it('adds a SINCE_LAST_REVIEW column saying from → to, empty for unchanged rows', () => {
		const changed = row({ aeseq: 1, grade: 3 }, 5);
		const same = row({ aeseq: 2 }, 6);
		const changes = new Map([
			['S-1|1', { key: 'S-1|1', usubjid: 'S-1', aeseq: 1, ae: changed.ae, kind: 'changed' as const, why: '', changes: [{ field: 'grade' as const, label: 'Grade', from: '2', to: '3' }] }]
		]);
		const parsed = Papa.parse<Record<string, string>>(aeListingCsv([changed, same], [{ code: 'A', name: 'Drug A' }], changes), { header: true, skipEmptyLines: true }).data;
		expect(parsed.map((r) => r.SINCE_LAST_REVIEW)).toEqual(['Grade 2 → 3', '']);
	});
	it('has no such column when no review was signed', () => {
		expect(aeListingCsv([row({}, 1)], [])).not.toContain('SINCE_LAST_REVIEW');
	});
});
