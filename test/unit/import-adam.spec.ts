import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFirstExposure } from '../../src/lib/domain/first-exposure';
import { planImport } from '../../src/lib/io/import/plan-import';
import { SHARED, source } from './helpers';

const D = resolve(SHARED, 'data/random-cdisc-data-synthetic');

describe('ADaM ADSL + ADAE import (no EX)', () => {
	const plan = planImport(
		{ dm: source(`${D}/cadsl.csv`), ae: source(`${D}/cadae.csv`) },
		{ target: null, newStudyId: 'adam', now: 't', who: 'x' }
	);

	it('reads every subject and AE without errors', () => {
		expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(plan.counts).toMatchObject({ subjects: 400, aes: 1934, doses: 0 });
	});

	it('takes day 1 from ADSL.TRTSDTM and the AE dates from ASTDTM/AENDTM', () => {
		const s = plan.subjects[0]!;
		expect(s.refStart).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(computeFirstExposure(s, [])).toBe(s.refStart);
		expect(plan.mappings.find((m) => m.domain === 'AE')!.fields.find((f) => f.field === 'start')!.column).toBe('ASTDTM');
	});

	it('keeps AEREL Y/N under a placeholder drug, and recorded CTCAE grades', () => {
		expect(plan.study.drugs).toEqual([{ code: 'STUDY DRUG', name: 'Study drug (not named in the files)' }]);
		const values = new Set(plan.aes.map((a) => a.attribution['STUDY DRUG']));
		expect([...values].sort()).toEqual(['not_related', 'possible']);
		expect(plan.aes.every((a) => !a.gradeDerived && a.grade !== null)).toBe(true);
	});
});
