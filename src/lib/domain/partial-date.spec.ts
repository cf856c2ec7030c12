import { describe, expect, it } from 'vitest';
import {
	compareDtc,
	computeStudyDay,
	dateOfStudyDay,
	formatDtc,
	isCertainlyBefore,
	isCompleteDate,
	parseDtc,
	toInstant
} from './partial-date';

describe('parseDtc', () => {
	it.each([
		// input, ok, precision or error fragment
		['2025-03-04', true, 'day'],
		['2025-03-04T10:15', true, 'minute'],
		['2025-03-04T10:15:30', true, 'second'],
		['2012-02', true, 'month'], // partial: month known, day missing (pilot AESTDTC)
		['2003', true, 'year'], // partial: year only (pilot AESTDTC)
		['2003---15', true, 'year'], // SDTM form for a missing month
		['2024-02-29', true, 'day'], // leap day
		['2025-02-29', false, 'not a calendar date'], // not a leap year
		['2025-13-40', false, 'no month 13'], // impossible date from the issue
		['2025-04-31', false, 'not a calendar date'],
		['2025-03-04T24:00', false, 'hour 24'],
		['04/03/2025', false, 'not an ISO 8601 date'],
		['', false, 'not an ISO 8601 date']
	])('%s → ok=%s (%s)', (input, ok, detail) => {
		const r = parseDtc(input);
		expect(r.ok).toBe(ok);
		if (r.ok) expect(r.value.precision).toBe(detail);
		else expect(r.error).toContain(detail);
	});
});

describe('computeStudyDay: day 1 is the first exposure, there is no day 0', () => {
	it.each([
		['same day is day 1', '2025-03-04', '2025-03-04', 1],
		['next day is day 2', '2025-03-05', '2025-03-04', 2],
		['day before is day -1, not 0', '2025-03-03', '2025-03-04', -1],
		['two days before is day -2', '2025-03-02', '2025-03-04', -2],
		['day 21 of a 21-day window', '2025-03-24', '2025-03-04', 21],
		['day 22', '2025-03-25', '2025-03-04', 22],
		['time of day is ignored', '2025-03-04T23:59', '2025-03-04T08:00', 1],
		['across a month end', '2025-03-01', '2025-02-28', 2],
		['across a leap day', '2024-03-01', '2024-02-28', 3],
		['across DST change in Europe (30 Mar 2025)', '2025-03-31', '2025-03-29', 3],
		['partial onset month → unknown', '2025-03', '2025-03-04', null],
		['partial onset year → unknown', '2025', '2025-03-04', null],
		['blank onset → unknown', '', '2025-03-04', null],
		['never dosed → unknown', '2025-03-04', null, null]
	])('%s', (_name, date, ref, expected) => {
		expect(computeStudyDay(date, ref)).toBe(expected);
	});

	it('dateOfStudyDay inverts computeStudyDay on both sides of day 1', () => {
		for (const day of [-10, -1, 1, 2, 21, 22, 400]) {
			const date = dateOfStudyDay(day, '2025-03-04');
			expect(computeStudyDay(date, '2025-03-04')).toBe(day);
		}
		expect(dateOfStudyDay(0, '2025-03-04')).toBeNull();
	});
});

describe('comparing recorded dates', () => {
	it.each([
		['end clearly before start', '2025-03-01', '2025-03-04', true],
		['same day', '2025-03-04', '2025-03-04', false],
		['earlier time on the same day', '2025-03-04T08:00', '2025-03-04T10:00', true],
		['one has no time: same day is not earlier', '2025-03-04', '2025-03-04T10:00', false],
		['partial month that could overlap', '2025-03', '2025-03-10', false],
		['partial month clearly earlier', '2025-02', '2025-03-10', true],
		['blank is never before', '', '2025-03-10', false]
	])('isCertainlyBefore: %s', (_n, a, b, expected) => {
		expect(isCertainlyBefore(a, b)).toBe(expected);
	});

	it('sorts partial dates at the start of their period and blanks last', () => {
		const sorted = ['2025-03-10', '', '2025-03', '2024', '2025-03-10T08:00'].sort(compareDtc);
		expect(sorted).toEqual(['2024', '2025-03', '2025-03-10', '2025-03-10T08:00', '']);
	});

	it('reads complete dates as instants and refuses partial ones', () => {
		expect(toInstant('2025-03-04T10:15')! - toInstant('2025-03-04')!).toBe((10 * 60 + 15) * 60_000);
		expect(toInstant('2025-03')).toBeNull();
		expect(isCompleteDate('2025-03-04T10:15')).toBe(true);
		expect(isCompleteDate('2025-03')).toBe(false);
	});

	it('formats dates as a reader expects, keeping partial dates partial', () => {
		expect(formatDtc('2025-03-04')).toBe('4 Mar 2025');
		expect(formatDtc('2025-03-04T09:05')).toBe('4 Mar 2025 09:05');
		expect(formatDtc('2012-02')).toBe('Feb 2012');
		expect(formatDtc('2003')).toBe('2003');
	});
});
