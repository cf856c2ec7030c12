import { describe, expect, it } from 'vitest';
import { deriveAttributionHistory } from './derive-attribution-revisions';
import type { AttributionRevision, Relatedness } from './types';

type Attribution = Record<string, Relatedness | null>;

const first: AttributionRevision = {
	drug: 'A',
	at: '2025-01-01T00:00:00Z',
	by: 'import',
	from: null,
	to: 'unlikely',
	reason: 'Imported'
};

describe('deriveAttributionHistory', () => {
	it.each([
		{
			name: 'a revision toward the drug is appended with from, to, who and when',
			before: { A: 'unlikely', B: 'not_related' },
			after: { A: 'probable', B: 'not_related' },
			added: [{ drug: 'A', from: 'unlikely', to: 'probable', by: 'Dr Lee', reason: 'new lab data' }]
		},
		{
			name: 'each drug of a combination is revised separately',
			before: { A: 'unlikely', B: 'not_related' },
			after: { A: 'possible', B: 'possible' },
			added: [
				{ drug: 'A', from: 'unlikely', to: 'possible' },
				{ drug: 'B', from: 'not_related', to: 'possible' }
			]
		},
		{ name: 'no change adds nothing', before: { A: 'unlikely' }, after: { A: 'unlikely' }, added: [] },
		{
			name: 'clearing an assessment is a revision to null',
			before: { A: 'possible' },
			after: { A: null },
			added: [{ drug: 'A', from: 'possible', to: null }]
		}
	] as const)('$name', ({ before, after, added }) => {
		const history = deriveAttributionHistory(
			{ attribution: { ...before } as Attribution, attributionHistory: [first] },
			{ attribution: { ...after } as Attribution },
			'Dr Lee',
			'2025-02-01T10:00:00Z',
			'new lab data'
		);
		expect(history[0]).toEqual(first);
		expect(history.slice(1)).toMatchObject(added);
		expect(history).toHaveLength(1 + added.length);
	});

	it('a new event records every assessed drug from null', () => {
		const history = deriveAttributionHistory(null, { attribution: { A: 'definite', B: null } }, 'me', 't', 'created');
		expect(history).toEqual([{ drug: 'A', at: 't', by: 'me', from: null, to: 'definite', reason: 'created' }]);
	});
});
