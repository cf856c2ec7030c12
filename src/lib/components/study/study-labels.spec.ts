import { describe, expect, it } from 'vitest';
import { formatDose, teaeWindowLabel } from './study-labels';

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

describe('teaeWindowLabel', () => {
	it.each([
		[30, 'from the first dose up to 30 days after the last dose'],
		[1, 'from the first dose up to 1 day after the last dose'],
		[0, 'from the first dose up to 0 days after the last dose'],
		// Protocol 001: treatment-emergent through study completion. The overview once read "up to  days".
		[null, 'from the first dose through study completion (no limit after the last dose)']
	])('%s → %s', (days, expected) => {
		expect(teaeWindowLabel(days)).toBe(expected);
	});
});
