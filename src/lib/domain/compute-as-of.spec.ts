import { describe, expect, it } from 'vitest';
import { computeAsOf } from './compute-as-of';

describe('computeAsOf', () => {
	it.each([
		['the data cut-off when set', '2026-11-16', [{ start: '2026-12-01', end: null }], { asOf: '2026-11-16', source: 'cutoff' }],
		['else the last complete date in the data (an AE end)', null, [{ start: '2014-01-02', end: '2014-07-02T11:45' }], { asOf: '2014-07-02', source: 'data' }],
		['partial dates do not count', null, [{ start: '2015-03', end: null }, { start: '2014-01-02', end: null }], { asOf: '2014-01-02', source: 'data' }],
		['else today', null, [], { asOf: '2026-11-22', source: 'today' }]
	] as const)('%s', (_n, dataCutoff, records, expected) => {
		expect(computeAsOf({ dataCutoff }, [], [...records], '2026-11-22')).toEqual(expected);
	});
});
