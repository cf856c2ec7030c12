import { describe, expect, it } from 'vitest';
import { formatDose } from './study-labels';

describe('formatDose', () => {
	it.each([
		[3, 'mg/kg', '3 mg/kg'],
		[0.1, 'mg/kg', '0.1 mg/kg'],
		[2e9, 'cells', '20×10⁸ cells'], // protocol 002: "20×108 cells"
		[3e9, 'cells', '30×10⁸ cells'],
		[1.5e10, 'cells', '15×10⁹ cells']
	])('%d %s → %s', (amount, unit, expected) => {
		expect(formatDose(amount, unit)).toBe(expected);
	});
});
