import { describe, expect, it } from 'vitest';
import { buildSubjectChronology } from './subject-chronology';
import type { AdverseEvent, DoseAdministration } from './types';

const dose = (seq: number, start: string) => ({ seq, start }) as DoseAdministration;
const ae = (aeseq: number, start: string | null, end: string | null, hist: [number, string][] = []) =>
	({ aeseq, start, end, gradeHistory: hist.map(([grade, from]) => ({ grade, from })) }) as AdverseEvent;

describe('buildSubjectChronology', () => {
	const entries = buildSubjectChronology(
		[dose(2, '2026-03-23T09:00'), dose(1, '2026-03-02T09:00')],
		[
			ae(1, '2026-03-08', '2026-03-20', [[3, '2026-03-08'], [4, '2026-03-10'], [3, '2026-03-16']]),
			ae(2, '2026-02-25', null), // before first dose, ongoing
			ae(3, '2026-03', null), // partial onset
			ae(4, '2026-03-02T10:15', '2026-03-02T12:15') // infusion day, after the dose
		],
		'2026-03-02T09:00'
	);
	const line = (e: (typeof entries)[number]) =>
		`${e.kind}:${e.kind === 'dose' ? e.dose.seq : e.ae.aeseq}@${e.studyDay}`;

	it('orders doses and AE events by date, with study days (no day 0, negative before dosing)', () => {
		expect(entries.map(line)).toEqual([
			'ae-onset:2@-5',
			'ae-onset:3@null',
			'dose:1@1',
			'ae-onset:4@1',
			'ae-resolved:4@1',
			'ae-onset:1@7',
			'ae-grade:1@9',
			'ae-grade:1@15',
			'ae-resolved:1@19',
			'dose:2@22'
		]);
	});

	it('an ongoing AE has no resolution entry', () => {
		expect(entries.some((e) => e.kind === 'ae-resolved' && e.ae.aeseq === 2)).toBe(false);
	});
});
