import { describe, expect, it } from 'vitest';
import { computeGrade } from './compute-grade';

describe('computeGrade: the first case that applies decides', () => {
	it.each([
		// AETOXGR, AESEV, expected
		['3', '', { ok: true, grade: 3, derived: false }], // recorded grade
		['5', 'MILD', { ok: true, grade: 5, derived: false }], // recorded grade wins over severity
		['', 'MILD', { ok: true, grade: 1, derived: true }],
		['', 'MODERATE', { ok: true, grade: 2, derived: true }],
		['', 'SEVERE', { ok: true, grade: 3, derived: true }], // never 4 or 5 from severity
		['', 'severe ', { ok: true, grade: 3, derived: true }], // case and spaces as exported
		['', '', { ok: true, grade: null, derived: false }], // not recorded: no grade, not an error
		['0', '', { ok: false, column: 'AETOXGR' }],
		['6', '', { ok: false, column: 'AETOXGR' }],
		['2.5', '', { ok: false, column: 'AETOXGR' }],
		['', 'LIFE THREATENING', { ok: false, column: 'AESEV' }]
	])('AETOXGR=%j AESEV=%j', (tox, sev, expected) => {
		expect(computeGrade(tox, sev)).toMatchObject(expected);
	});
});
