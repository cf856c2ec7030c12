import { describe, expect, it } from 'vitest';
import { DLT_RULE_SETS, findRuleSet } from '$lib/presets/dlt-rule-sets';
import { checkDraft, fromDraft, newExceptionDraft, newRuleDraft, toDraft, type RuleSetDraft } from './rule-form';
import { describeRule } from './describe-rule';

const bat = findRuleSet('bat4706-bat1308')!;

describe('the rule form', () => {
	it.each(DLT_RULE_SETS.map((s) => [s.id, s] as const))('opens and saves %s unchanged when nothing is edited', (_id, set) => {
		const draft = toDraft(set);
		expect(checkDraft(draft, true)).toEqual({});
		expect(fromDraft(set, draft)).toEqual(set);
	});

	it('saves an edited grade, duration and exception time into the rule’s condition', () => {
		const draft = toDraft(bat);
		const neutropenia = draft.rules.find((r) => r.id === '2b')!;
		neutropenia.durationDays = 5;
		const nonHaem = draft.rules.find((r) => r.id === '1')!;
		nonHaem.gradeMin = 4;
		nonHaem.exceptions[0]!.withinHours = 48;
		nonHaem.exceptions[0]!.limitText = '2 days';
		const saved = fromDraft(bat, draft);
		expect(describeRule(saved.rules.find((r) => r.id === '2b')!)).toContain('at grade ≥ 4 for ≥ 5 days');
		expect(saved.rules.find((r) => r.id === '1')!.grade).toEqual({ min: 4 });
		expect(saved.rules.find((r) => r.id === '1')!.exceptions![0]).toMatchObject({ withinHours: 48, limitText: '2 days' });
		// What the form does not show is kept.
		expect(saved.codes).toEqual(bat.codes);
		expect(saved.classification).toEqual(bat.classification);
	});

	it('reads a category’s terms one per line, ignoring blank lines and spaces', () => {
		const draft = toDraft(bat);
		draft.categories.find((c) => c.name === 'fever')!.terms = 'Fever\n\n  Pyrexia  \nHyperthermia';
		expect(fromDraft(bat, draft).categories['fever']!.terms).toEqual(['Fever', 'Pyrexia', 'Hyperthermia']);
	});

	const broken: [string, (d: RuleSetDraft) => void, RegExp][] = [
		['a rule without an id', (d) => (d.rules[0]!.id = ''), /^Rule 1: give the rule an id/],
		['two rules with one id', (d) => (d.rules[1]!.id = d.rules[0]!.id), /^Rule 1: another rule has this id/],
		['no protocol words', (d) => (d.rules[2]!.protocol = ' '), /^Rule 2a: quote the protocol's words/],
		['grade 0', (d) => (d.rules[0]!.gradeMin = 0), /^Rule 1: the lowest grade must be 1 to 5/],
		['a highest grade below the lowest', (d) => (d.rules.find((r) => r.id === '3a')!.gradeMax = 2), /^Rule 3a: the highest grade must be from 3 to 5/],
		['a duration of 0 days', (d) => (d.rules[3]!.durationDays = 0), /^Rule 2b: the duration must be a whole number of days/],
		['half a day', (d) => (d.rules[3]!.durationDays = 6.5), /^Rule 2b: the duration must be a whole number/],
		['a concurrent event without category', (d) => (d.rules[2]!.concurrentCategory = ''), /^Rule 2a: choose the category of the concurrent event/],
		['an exception of 0 hours', (d) => (d.rules[0]!.exceptions[1]!.withinHours = 0), /^Rule 1, exception 1b: the time to relief must be more than 0 hours/],
		['an exception for no terms', (d) => (d.rules[0]!.exceptions[0]!.selector.categories = []), /^Rule 1, exception 1a: say which terms it covers/],
		['an effective date without its amendment', (d) => (d.effectiveFrom = '2026-10-01'), /^Name the amendment/],
		['no rules at all', (d) => (d.rules = []), /at least one rule/]
	];
	it.each(broken)('refuses %s, naming the rule and field', (_n, breakIt, message) => {
		const draft = toDraft(bat);
		breakIt(draft);
		const errors = Object.values(checkDraft(draft, true));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(message);
	});

	it('adds a rule and an exception with ids not yet used', () => {
		const draft = toDraft(bat);
		const rule = newRuleDraft(draft.rules);
		expect(rule.id).toBe('4');
		const first = draft.rules[0]!;
		expect(newExceptionDraft(first).id).toBe('1c');
	});

	it('does not ask DoseWatch’s own default rules to quote a protocol', () => {
		const generic = toDraft(findRuleSet('generic')!);
		generic.rules[0]!.protocol = '';
		expect(checkDraft(generic, false)).toEqual({});
	});
});
