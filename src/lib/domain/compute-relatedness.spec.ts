import { describe, expect, it } from 'vitest';
import { computeRelatedness } from './compute-relatedness';

describe('computeRelatedness maps common AEREL wordings', () => {
	it.each([
		['NOT RELATED', 'not_related'],
		['UNLIKELY RELATED', 'unlikely'],
		['POSSIBLY RELATED', 'possible'],
		['PROBABLY RELATED', 'probable'],
		['DEFINITELY RELATED', 'definite'],
		['NONE', 'not_related'], // CDISC pilot wording
		['REMOTE', 'unlikely'],
		['POSSIBLE', 'possible'],
		['PROBABLE', 'probable'],
		['Y', 'possible'], // no degree given: the weakest related category
		['N', 'not_related'],
		['possibly  related', 'possible'], // case and doubled spaces
		['', null] // not assessed
	])('%j → %s', (text, expected) => {
		expect(computeRelatedness(text)).toEqual({ ok: true, value: expected });
	});

	it('refuses an unknown wording and lists the known ones', () => {
		const r = computeRelatedness('MAYBE');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/"MAYBE".*POSSIBLE/);
	});
});
