/**
 * Grade of an AE from its SDTM columns. The first case that applies decides:
 *  1. AETOXGR holds 1–5: that grade, recorded.
 *  2. AETOXGR holds anything else: an error (the caller reports file, row and column).
 *  3. AETOXGR blank, AESEV MILD / MODERATE / SEVERE: grade 1 / 2 / 3, marked as derived. CTCAE grades 4 and 5
 *     cannot be derived from severity; SEVERE maps to 3, the conventional mapping.
 *  4. Both blank: no grade (null), not an error: a reviewer sees "grade not recorded".
 */
import type { Grade } from './types';

export type GradeResult =
	| { ok: true; grade: Grade | null; derived: boolean }
	| { ok: false; column: 'AETOXGR' | 'AESEV'; error: string };

const SEVERITY_GRADE: Record<string, Grade> = { MILD: 1, MODERATE: 2, SEVERE: 3 };

export function computeGrade(aetoxgr: string | undefined, aesev: string | undefined): GradeResult {
	const tox = (aetoxgr ?? '').trim();
	if (tox !== '') {
		const n = /^\d+(\.0*)?$/.test(tox) ? Number(tox) : NaN;
		if (Number.isInteger(n) && n >= 1 && n <= 5) return { ok: true, grade: n as Grade, derived: false };
		return { ok: false, column: 'AETOXGR', error: `grade "${tox}" is not a CTCAE grade 1–5` };
	}
	const sev = (aesev ?? '').trim().toUpperCase();
	if (sev === '') return { ok: true, grade: null, derived: false };
	const g = SEVERITY_GRADE[sev];
	if (g) return { ok: true, grade: g, derived: true };
	return { ok: false, column: 'AESEV', error: `severity "${aesev}" is not MILD, MODERATE or SEVERE` };
}

export function isGrade(n: unknown): n is Grade {
	return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;
}
