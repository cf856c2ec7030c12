import { describe, expect, it } from 'vitest';
import type { EventEvaluation } from '$lib/domain/dlt/evaluate-study';
import type { AdverseEvent } from '$lib/domain/types';
import type { SwimmerAe } from '../swimmer';
import { aeLabel, aeTooltipLines, shapeOf, DRUG_SHAPES } from './swimmer-marks';

const drugs = [{ code: 'A', name: 'A' }, { code: 'B', name: 'B' }];
const ae: AdverseEvent = {
	studyId: 's', usubjid: 'S-1', aeseq: 2, verbatim: 'x', term: 'Colitis', soc: 'GI', grade: 3, gradeDerived: false,
	gradeHistory: [{ grade: 2, from: '2026-03-05' }, { grade: 3, from: '2026-03-07' }], start: '2026-03-05', end: null, serious: true, seriousCriteria: [],
	attribution: { A: 'probable', B: null }, attributionHistory: [], action: '', outcome: '', treated: null, notes: '', rev: 1
};
const event = (over: Partial<EventEvaluation> = {}): EventEvaluation =>
	({ ae, verdict: 'dlt', rule: '1', reason: 'Grade 3 colitis starting on day 4: DLT under rule 1.', studyDay: 4, committee: null, effective: 'dlt', ...over }) as EventEvaluation;
const mark = (over: Partial<SwimmerAe> = {}, ev = event()): SwimmerAe =>
	({ key: 'S-1|2', event: ev, row: 0, x0: 4, x1: 10, ongoing: true, segments: [], serious: true, mark: 'dlt', sinceLastDose: { days: 3, hours: 70 }, ...over }) as SwimmerAe;

describe('what a swimmer mark says', () => {
	it.each([
		{ name: 'an engine DLT with its rule and reason', a: mark(), has: ['S-1 AE 2: Colitis', 'Grade 3 (G2 → G3), serious', '5 Mar 2026 (day 4) to ongoing', '3 days after the last dose', 'A: probable; B: not assessed', 'Engine: DLT (rule 1)', 'Grade 3 colitis starting on day 4: DLT under rule 1.'] },
		{ name: 'hours when within two days of the dose', a: mark({ sinceLastDose: { days: 0, hours: 5.25 } }), has: ['5.3 hours after the last dose'] },
		{ name: 'before any dose', a: mark({ sinceLastDose: null }), has: ['before any dose'] },
		{ name: 'a committee decision beside the engine', a: mark({}, event({ committee: { decision: 'not_dlt', reason: 'x', by: 'SRC', at: 't', changedSince: [] } })), has: ['Committee: not a DLT (engine: dlt)'] },
		{ name: 'no reason for an event that is not a candidate', a: mark({}, event({ verdict: 'not_dlt', reason: 'Grade 1: not a DLT.' })), lacks: 'Grade 1: not a DLT.' }
	])('$name', ({ a, has = [], lacks }) => {
		const lines = aeTooltipLines(a, drugs, new Map());
		for (const h of has) expect(lines).toContain(h);
		if (lacks) expect(lines).not.toContain(lacks);
	});

	it('names what changed since the last review, in the tooltip and the accessible name', () => {
		const highlight = new Map([['S-1|2', 'Grade: 2 → 3']]);
		expect(aeTooltipLines(mark(), drugs, highlight).at(-1)).toBe('Since the last review: Grade: 2 → 3');
		expect(aeLabel(mark(), drugs, highlight)).toBe('S-1 AE 2: Colitis. Grade 3 (G2 → G3), serious. 5 Mar 2026 (day 4) to ongoing. 3 days after the last dose. Since the last review: Grade: 2 → 3');
	});

	it('gives each drug its own dose shape, in study order', () => {
		expect([shapeOf(drugs, 'A'), shapeOf(drugs, 'B')]).toEqual([DRUG_SHAPES[0], DRUG_SHAPES[1]]);
	});
});
