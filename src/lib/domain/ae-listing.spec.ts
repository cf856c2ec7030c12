import { describe, expect, it } from 'vitest';
import { buildAeRows, filterAeRows, maxRelatedness, NO_FILTER, sortAeRows } from './ae-listing';
import type { AdverseEvent, DoseAdministration, Subject } from './types';

const subject = (usubjid: string, doseLevel: string | null): Subject => ({
	studyId: 's', usubjid, doseLevel, site: '', sex: '', age: null, enrolled: null, status: 'on_treatment', refStart: null
});
const dose = (usubjid: string, start: string): DoseAdministration => ({
	studyId: 's', usubjid, seq: 1, drug: 'A', start, end: null, dose: 1, unit: 'mg', cycle: 1, day: 1
});
const ae = (usubjid: string, aeseq: number, over: Partial<AdverseEvent>): AdverseEvent => ({
	studyId: 's', usubjid, aeseq, verbatim: '', term: 'Nausea', soc: 'Gastrointestinal disorders', grade: 1,
	gradeDerived: false, gradeHistory: [], start: null, end: null, serious: false, seriousCriteria: [],
	attribution: {}, attributionHistory: [], action: '', outcome: '', treated: null, notes: '', rev: 1, ...over
});

const rows = buildAeRows(
	[subject('S-1', 'DL1'), subject('S-2', 'DL10'), subject('S-3', 'DL2')],
	[dose('S-1', '2025-03-04T09:00'), dose('S-2', '2025-03-10')],
	[
		ae('S-1', 1, { term: 'Nausea', grade: 3, start: '2025-03-05', attribution: { A: 'possible', B: 'not_related' }, serious: true }),
		ae('S-1', 2, { term: 'Fatigue', grade: 1, start: '2025-03-01', attribution: { A: 'unlikely', B: null } }),
		ae('S-2', 1, { term: 'Neutrophil count decreased', soc: 'Investigations', grade: 4, start: '2025-03', attribution: { A: 'probable' } }),
		ae('S-3', 1, { term: 'Headache', grade: null, start: '2025-03-20', attribution: {} }) // never dosed
	],
	30,
	{ startDay: 1, endDay: 21 }
);

describe('buildAeRows', () => {
	it.each([
		['S-1', 1, 'DL1', 2], // day after first dose
		['S-1', 2, 'DL1', -3], // before first dose: negative, no day 0
		['S-2', 1, 'DL10', null], // partial onset date
		['S-3', 1, 'DL2', null] // subject never dosed
	])('%s AE %i: level %s, study day %s', (usubjid, aeseq, level, day) => {
		const r = rows.find((x) => x.ae.usubjid === usubjid && x.ae.aeseq === aeseq)!;
		expect(r.doseLevel).toBe(level);
		expect(r.studyDay).toBe(day);
	});

	it.each([
		['S-1', 1, true, null],
		['S-1', 2, false, null], // before the first dose
		['S-2', 1, true, '2025-03-10'], // partial onset imputed to the first dose in that month
		['S-3', 1, false, null] // never dosed
	])('%s AE %i: TEAE %s, imputed onset %s', (usubjid, aeseq, teae, imputed) => {
		const r = rows.find((x) => x.ae.usubjid === usubjid && x.ae.aeseq === aeseq)!;
		expect([r.teae, r.imputedOnset]).toEqual([teae, imputed]);
	});

	it('takes the strongest attribution across drugs', () => {
		expect(maxRelatedness({ attribution: { A: 'unlikely', B: 'probable' } })).toBe('probable');
		expect(maxRelatedness({ attribution: { A: null } })).toBeNull();
	});
});

describe('filterAeRows', () => {
	const keys = (f: Partial<typeof NO_FILTER>) => filterAeRows(rows, { ...NO_FILTER, ...f }).map((r) => `${r.ae.usubjid}/${r.ae.aeseq}`);
	it.each([
		['no filter keeps all', {}, ['S-1/1', 'S-1/2', 'S-2/1', 'S-3/1']],
		['dose level', { doseLevel: 'DL1' }, ['S-1/1', 'S-1/2']],
		['minimum grade 3 (ungraded excluded)', { minGrade: 3 }, ['S-1/1', 'S-2/1']],
		['serious only', { serious: true }, ['S-1/1']],
		['related = possible or stronger to any drug', { relatedness: 'related' }, ['S-1/1', 'S-2/1']],
		['an exact category to any drug', { relatedness: 'unlikely' }, ['S-1/2']],
		['text matches term words in any order', { text: 'count neutrophil' }, ['S-2/1']],
		['text matches SOC and subject', { text: 'gastro s-1' }, ['S-1/1', 'S-1/2']],
		['DLT window only (day 2 in; day -3, partial and undosed out)', { windowOnly: true }, ['S-1/1']]
	] as const)('%s', (_n, f, expected) => {
		expect(keys(f)).toEqual(expected);
	});
});

describe('sortAeRows', () => {
	const order = (key: Parameters<typeof sortAeRows>[1], desc = false) =>
		sortAeRows(rows, key, desc).map((r) => `${r.ae.usubjid}/${r.ae.aeseq}`);
	it.each([
		['grade ascending, ungraded last', 'grade', false, ['S-1/2', 'S-1/1', 'S-2/1', 'S-3/1']],
		['grade descending, ungraded still last', 'grade', true, ['S-2/1', 'S-1/1', 'S-1/2', 'S-3/1']],
		['study day, unknown last', 'studyDay', false, ['S-1/2', 'S-1/1', 'S-2/1', 'S-3/1']],
		['dose level in natural order (DL2 before DL10)', 'doseLevel', false, ['S-1/1', 'S-1/2', 'S-3/1', 'S-2/1']],
		['start date: partial month before days in it', 'start', false, ['S-2/1', 'S-1/2', 'S-1/1', 'S-3/1']]
	] as const)('%s', (_n, key, desc, expected) => {
		expect(order(key, desc)).toEqual(expected);
	});

	it('does not reorder its input', () => {
		const before = rows.map((r) => r.ae.aeseq);
		sortAeRows(rows, 'grade', true);
		expect(rows.map((r) => r.ae.aeseq)).toEqual(before);
	});
});
