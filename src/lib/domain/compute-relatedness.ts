/**
 * Maps the relatedness wordings EDC systems export (AEREL) onto DoseWatch's five categories.
 * The wording as recorded is always kept beside the mapped value (AttributionRevision.recorded).
 *
 * Y / N carry no degree: Y maps to "possible", the weakest category that counts as related under every DLT
 * definition we serve, so a Y-coded event is never silently dropped from DLT review; N maps to "not related".
 */
import type { Relatedness } from './types';

const WORDINGS: Record<string, Relatedness> = {
	'NOT RELATED': 'not_related',
	'NOT_RELATED': 'not_related',
	UNRELATED: 'not_related',
	NONE: 'not_related',
	N: 'not_related',
	NO: 'not_related',
	'UNLIKELY RELATED': 'unlikely',
	UNLIKELY: 'unlikely',
	REMOTE: 'unlikely',
	'REMOTELY RELATED': 'unlikely',
	'POSSIBLY RELATED': 'possible',
	POSSIBLY: 'possible',
	POSSIBLE: 'possible',
	RELATED: 'possible',
	Y: 'possible',
	YES: 'possible',
	'PROBABLY RELATED': 'probable',
	PROBABLY: 'probable',
	PROBABLE: 'probable',
	'DEFINITELY RELATED': 'definite',
	DEFINITELY: 'definite',
	DEFINITE: 'definite'
};

export type RelatednessResult = { ok: true; value: Relatedness | null } | { ok: false; error: string };

/** Blank is "not assessed" (null), not an error. */
export function computeRelatedness(text: string | undefined): RelatednessResult {
	const key = (text ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
	if (key === '') return { ok: true, value: null };
	const value = WORDINGS[key];
	if (value) return { ok: true, value };
	return {
		ok: false,
		error: `relatedness "${text}" is not a known wording (NOT RELATED, UNLIKELY, POSSIBLE, PROBABLE, DEFINITE, NONE, REMOTE, Y, N)`
	};
}
