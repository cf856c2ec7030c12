import { describe, expect, it } from 'vitest';
import { dateOfStudyDay } from '../partial-date';
import { assessmentDay, bestOverallResponse, clopperPearson, selectAssessments, type Assessment, type ResponseRecord } from './recist';

const DAY1 = '2026-03-02';
/** Overall responses on study days: [day, response]. */
const series = (...pairs: [number | string, string][]): Assessment[] =>
	pairs.map(([day, response]) => ({ usubjid: 'S-1', date: typeof day === 'number' ? dateOfStudyDay(day, DAY1)! : day, response }));
const bor = (a: Assessment[]) => bestOverallResponse(a, 'S-1', DAY1);

describe('best overall response, RECIST 1.1 (admiralonco’s conventions)', () => {
	it.each<[string, Assessment[], string, string, RegExp]>([
		['CR confirmed by CR 28 days later', series([43, 'PR'], [57, 'CR'], [85, 'CR']), 'CR', 'CR', /^CR on .* \(day 57\), confirmed by CR on .* \(day 85\)$/],
		['CR confirmed 27 days later is not confirmed: PR confirmed by it', series([43, 'PR'], [57, 'CR'], [84, 'CR']), 'PR', 'CR', /^PR on .*\(day 43\), confirmed by CR on .*\(day 84\)$/],
		['an unconfirmed PR (no later PR or CR) is SD when late enough', series([21, 'SD'], [63, 'PR'], [84, 'PD']), 'SD', 'PR', /^PR not confirmed, so SD on .*\(day 63\)/],
		['PR confirmed across one NE', series([42, 'PR'], [63, 'NE'], [84, 'PR']), 'PR', 'PR', /confirmed by PR on .*\(day 84\)/],
		['PR not confirmed across two NE', series([42, 'PR'], [56, 'NE'], [70, 'NE'], [84, 'PR']), 'SD', 'PR', /not confirmed, so SD/],
		['an SD between two PRs breaks the confirmation (the SD on day 63 is the best that holds)', series([42, 'PR'], [63, 'SD'], [84, 'PR']), 'SD', 'PR', /^SD on .*\(day 63\)/],
		['SD too short (study day 42 is 41 days after day 1): NE', series([42, 'SD']), 'NE', 'NE', /none at least 42 days after day 1/],
		['SD on study day 43: 42 days after day 1', series([43, 'SD']), 'SD', 'SD', /^SD on .*\(day 43\)/],
		['SD too early, then PD: PD', series([21, 'SD'], [42, 'PD']), 'PD', 'PD', /^PD on .*\(day 42\)$/],
		['assessments after the first PD are not read', series([21, 'SD'], [42, 'PD'], [84, 'CR'], [112, 'CR']), 'PD', 'PD', /^PD/],
		['non-target disease only: NON-CR/NON-PD', series([21, 'NON-CR/NON-PD'], [63, 'NON-CR/NON-PD']), 'NON-CR/NON-PD', 'NON-CR/NON-PD', /^NON-CR\/NON-PD on .*\(day 63\)/],
		['only NE', series([42, 'NE']), 'NE', 'NE', /none at least/],
		['no assessment', [], 'NE', 'NE', /^no assessment of the overall response$/],
		['the worst of two responses on one date (PR and PD): PD', series([42, 'PR'], [42, 'PD']), 'PD', 'PD', /^PD/],
		['a missing day is the month’s last day: 2026-04 is 30 April (day 60), late enough for SD', series(['2026-04', 'SD']), 'SD', 'SD', /day 60/]
	])('%s', (_n, assessments, expected, unconfirmed, reason) => {
		const r = bor(assessments);
		expect([r.bor, r.borUnconfirmed]).toEqual([expected, unconfirmed]);
		expect(r.reason).toMatch(reason);
	});

	it('days come from the assessment dates, with the last day of a month for a missing day', () => {
		expect(assessmentDay('2026-02')).toBe(assessmentDay('2026-02-28'));
		expect(assessmentDay('2024-02')).toBe(assessmentDay('2024-02-29'));
		expect(assessmentDay('2026')).toBeNull();
	});
});

describe('Clopper–Pearson 95% interval', () => {
	// Published exact intervals.
	it.each<[number, number, number, number]>([
		[0, 6, 0, 0.4593],
		[1, 6, 0.0042, 0.6412],
		[3, 6, 0.1181, 0.8819],
		[6, 6, 0.5407, 1],
		[5, 20, 0.0866, 0.491]
	])('%i of %i: %f–%f', (x, n, lo, hi) => {
		const [l, h] = clopperPearson(x, n);
		expect(l).toBeCloseTo(lo, 3);
		expect(h).toBeCloseTo(hi, 3);
	});
});

describe('whose overall responses count', () => {
	const rec = (evaluator: string, accepted: boolean, response: string, testcd = 'OVRLRESP', usubjid = 'S-1'): ResponseRecord => ({ usubjid, testcd, response, evaluator, accepted, date: '2026-04-01' });
	const records = [rec('INDEPENDENT ASSESSOR', true, 'PR'), rec('INDEPENDENT ASSESSOR', false, 'NE'), rec('INVESTIGATOR', false, 'SD'), rec('INVESTIGATOR', false, 'PR', 'TRGRESP'), rec('INVESTIGATOR', false, 'PD', 'OVRLRESP', 'S-9')];
	it('the investigator’s overall responses by default (not the target response)', () => {
		expect(selectAssessments(records).map((a) => [a.usubjid, a.response])).toEqual([['S-1', 'SD'], ['S-9', 'PD']]);
	});
	it('an independent assessor’s accepted read where two radiologists read', () => {
		expect(selectAssessments(records, 'INDEPENDENT ASSESSOR').map((a) => a.response)).toEqual(['PR']);
	});
});
