import { describe, expect, it } from 'vitest';
import { findRuleSet } from '$lib/presets/dlt-rule-sets';
import { describeRule } from './describe-rule';

describe('describeRule puts each 001 machine condition in words', () => {
	const rules = findRuleSet('bat4706-bat1308')!.rules;
	it.each([
		['1', 'not hematological; grade ≥ 3; unless in nausea-vomiting-diarrhea with treatment (AECONTRT = Y) relieved within 72 h (exception 1a); unless in infusion-reaction with treatment (AECONTRT = Y) relieved within 2 h (exception 1b)'],
		['2', 'in hematological; except neutropenia, thrombocytopenia; grade ≥ 4'],
		['2a', 'in neutropenia; grade ≥ 3; with fever overlapping'],
		['2b', 'term Neutrophil count decreased; grade ≥ 4; at grade ≥ 4 for ≥ 7 days'],
		['3a', 'in thrombocytopenia; grade 3; with bleeding overlapping']
	])('rule %s', (id, text) => {
		expect(describeRule(rules.find((r) => r.id === id)!)).toBe(text);
	});
});
