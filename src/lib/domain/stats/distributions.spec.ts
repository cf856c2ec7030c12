import { describe, expect, it } from 'vitest';
import { tQuantile } from './distributions';

describe('Student’s t quantile', () => {
	// Published two-sided 95% critical values (the 97.5th percentile).
	it.each([
		[1, 12.706],
		[2, 4.303],
		[4, 2.776],
		[9, 2.262],
		[19, 2.093],
		[29, 2.045],
		[120, 1.98]
	])('df %i: %f', (df, expected) => {
		expect(tQuantile(0.975, df)).toBeCloseTo(expected, 3);
	});

	it('is symmetric', () => {
		expect(tQuantile(0.025, 9)).toBeCloseTo(-tQuantile(0.975, 9), 9);
	});
});
