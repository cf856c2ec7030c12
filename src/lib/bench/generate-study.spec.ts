import { describe, expect, it } from 'vitest';
import { generateStudy } from './generate-study';

describe('generateStudy', () => {
	it('makes the sizes asked for, the same for the same seed', () => {
		const a = generateStudy({ subjects: 50, aes: 400, doses: 300, seed: 7 });
		expect([a.subjects.length, a.aes.length, a.doses.length]).toEqual([50, 400, 300]);
		expect(generateStudy({ subjects: 50, aes: 400, doses: 300, seed: 7 })).toEqual(a);
		expect(new Set(a.aes.map((x) => `${x.usubjid}|${x.aeseq}`)).size).toBe(400);
	});
});
