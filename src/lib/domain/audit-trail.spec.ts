import { describe, expect, it } from 'vitest';
import { changedFields, describeAuditChange, filterAudit, NO_AUDIT_FILTER } from './audit-trail';
import type { AuditEntry } from './types';

const entry = (over: Partial<Omit<AuditEntry, 'id'>> & { id: number }): AuditEntry => ({
	chain: 's', seq: over.id, prev: '0'.repeat(64), hash: '0'.repeat(64),
	at: '2026-03-01T10:00:00Z', who: 'Dr A', studyId: 's', entity: 'ae', key: 'S-1 AE 2', action: 'update', before: null, after: null, reason: '', ...over, id: `e${over.id}`
});
const entries = [
	entry({ id: 1, before: { grade: 2, term: 'Nausea', rev: 1 }, after: { grade: 3, term: 'Nausea', rev: 2 } }),
	entry({ id: 2, key: 'S-1 AE 12', who: 'Dr B', at: '2026-03-05T08:00:00Z', before: { serious: false }, after: { serious: true } }),
	entry({ id: 3, key: 'S-2', entity: 'subject', action: 'create', before: null, after: { usubjid: 'S-2', age: 50 }, at: '2026-03-09T08:00:00Z' }),
	entry({ id: 4, key: 'S-1 AE 2', entity: 'adjudication', action: 'adjudicate', before: { engineVerdict: 'dlt' }, after: { decision: 'not_dlt' }, who: 'Dr B' })
];

describe('changedFields', () => {
	it.each([
		[0, ['grade']], // rev is bookkeeping
		[1, ['serious']],
		[2, ['age', 'usubjid']], // a created record: every field it has
		[3, ['decision']]
	])('entry %i changed %j', (i, fields) => {
		expect(changedFields(entries[i]!)).toEqual(fields);
	});
});

describe('filterAudit', () => {
	const ids = (f: Partial<typeof NO_AUDIT_FILTER>) => filterAudit(entries, { ...NO_AUDIT_FILTER, ...f }).map((e) => Number(e.id.slice(1)));
	it.each([
		['no filter', {}, [1, 2, 3, 4]],
		['subject', { subject: 's-1' }, [1, 2, 4]],
		['AE number 2 (not 12)', { aeseq: '2' }, [1, 4]],
		['field', { field: 'grade' }, [1]],
		['reviewer', { who: 'Dr B' }, [2, 4]],
		['date range, inclusive', { from: '2026-03-05', to: '2026-03-09' }, [2, 3]]
	] as const)('%s', (_n, f, expected) => {
		expect(ids(f)).toEqual(expected);
	});
});

describe('describeAuditChange: field: from → to, never raw JSON', () => {
	it.each([
		['an AE regraded and its attribution changed', entry({ id: 9, before: { grade: 2, attribution: { BAT4706: 'possible' }, rev: 1 }, after: { grade: 3, attribution: { BAT4706: 'definite' }, rev: 2 } }), ['attribution.BAT4706: possible → definite', 'grade: 2 → 3']],
		['a blank becoming a value, and a yes/no', entry({ id: 9, before: { end: null, serious: false }, after: { end: '2026-03-04', serious: true } }), ['end: – → 2026-03-04', 'serious: No → Yes']],
		['a committee decision, signed', entry({ id: 9, action: 'adjudicate', before: { engineVerdict: 'pending', engineRule: '2b' }, after: { decision: 'not_dlt', signedBy: 'Dr Ada (decided as committee)' } }), ['engine: pending (rule 2b) → committee: not a DLT', 'signed by Dr Ada (decided as committee)']],
		['a restore that kept later entries', entry({ id: 9, action: 'restore', entity: 'database', before: { droppedEntries: [{}, {}] }, after: { exportedAt: '2026-03-01T00:00:00Z', exportedBy: 'Dr B', counts: { studies: 1, subjects: 6, aes: 30 } } }), ['backup made 2026-03-01T00:00:00Z by Dr B: 1 studies, 6 subjects, 30 AEs', '2 audit entries recorded here after that backup are kept inside this entry']]
	])('%s', (_name, e, lines) => {
		expect(describeAuditChange(e)).toEqual(lines);
		expect(describeAuditChange(e).join(' ')).not.toMatch(/[{}"]/);
	});
});

describe('describeAuditChange: a study’s settings', () => {
	it('names the order, control arms and placebo drugs that changed', () => {
		const before = { doseLevels: [{ code: 'Pbo', label: 'Placebo' }, { code: 'Xan_Hi', label: 'High' }, { code: 'Xan_Lo', label: 'Low' }], drugs: [{ code: 'PLACEBO', name: 'Placebo' }], dataCutoff: null };
		const after = { doseLevels: [{ code: 'Pbo', label: 'Placebo', control: true }, { code: 'Xan_Lo', label: 'Low (54 mg)' }, { code: 'Xan_Hi', label: 'High' }], drugs: [{ code: 'PLACEBO', name: 'Placebo', placebo: true }], dataCutoff: '2014-06-30' };
		expect(describeAuditChange(entry({ id: 9, entity: 'study', before, after }))).toEqual([
			'dose level order: Pbo, Xan_Hi, Xan_Lo → Pbo, Xan_Lo, Xan_Hi',
			'Pbo control arm: No → Yes',
			'Xan_Lo label: Low → Low (54 mg)',
			'PLACEBO placebo: No → Yes',
			'dataCutoff: – → 2014-06-30'
		]);
	});
});
