/**
 * The DLT rule set presets (./dlt-rules/*.json), validated on load so a malformed preset fails the tests.
 */
import * as v from 'valibot';
import type { DltRuleSet } from '../domain/dlt/rule-types';
import { RELATEDNESS } from '../domain/types';
import bat from './dlt-rules/bat4706-bat1308.json' with { type: 'json' };
import generic from './dlt-rules/generic.json' with { type: 'json' };

const Selector = v.object({
	categories: v.optional(v.array(v.string())),
	terms: v.optional(v.array(v.string())),
	notCategories: v.optional(v.array(v.string())),
	excludeCategories: v.optional(v.array(v.string()))
});

export const DltRuleSetSchema = v.object({
	id: v.pipe(v.string(), v.minLength(1)),
	version: v.pipe(v.number(), v.integer(), v.minValue(1)),
	title: v.string(),
	origin: v.optional(v.picklist(['protocol', 'dosewatch'])),
	source: v.string(),
	protocolText: v.string(),
	// Rule sets saved before the window moved to the study carry one; it is kept but not used.
	window: v.optional(v.object({ startDay: v.number(), endDay: v.number(), protocol: v.string(), reading: v.string() })),
	attribution: v.object({ minimum: v.picklist(RELATEDNESS), protocol: v.string(), reading: v.string() }),
	synonyms: v.record(v.string(), v.string()),
	codes: v.optional(v.record(v.pipe(v.string(), v.regex(/^\d+$/, 'a MedDRA code is digits only')), v.string())),
	categories: v.record(
		v.string(),
		v.object({
			terms: v.array(v.string()),
			socs: v.array(v.string()),
			patterns: v.array(v.string()),
			notTerms: v.optional(v.array(v.string())),
			reading: v.string()
		})
	),
	classification: v.optional(
		v.object({ socs: v.array(v.string()), patterns: v.array(v.string()), categories: v.array(v.string()), reading: v.string() })
	),
	effectiveFrom: v.optional(v.nullable(v.pipe(v.string(), v.isoDate('the effective date is a YYYY-MM-DD date')))),
	amendment: v.optional(v.string()),
	supersedes: v.optional(v.string()),
	rules: v.array(
		v.object({
			id: v.string(),
			label: v.string(),
			protocol: v.string(),
			reading: v.string(),
			selector: Selector,
			grade: v.object({ min: v.pipe(v.number(), v.minValue(1), v.maxValue(5)), max: v.optional(v.number()) }),
			duration: v.optional(v.object({ atLeastGrade: v.number(), days: v.pipe(v.number(), v.minValue(1)) })),
			concurrent: v.optional(v.object({ category: v.string(), label: v.string() })),
			exceptions: v.optional(
				v.array(
					v.object({
						id: v.string(),
						protocol: v.string(),
						reading: v.string(),
						selector: Selector,
						requiresTreatment: v.boolean(),
						withinHours: v.pipe(v.number(), v.minValue(0)),
						limitText: v.string()
					})
				)
			)
		})
	)
});

/** Refuses a rule set that names a category it does not define. */
export function assertCategoriesDefined(set: DltRuleSet): void {
	const known = new Set(Object.keys(set.categories));
	const named = set.rules.flatMap((r) => [
		...(r.selector.categories ?? []),
		...(r.selector.notCategories ?? []),
		...(r.selector.excludeCategories ?? []),
		...(r.concurrent ? [r.concurrent.category] : []),
		...(r.exceptions ?? []).flatMap((e) => e.selector.categories ?? []),
		...(set.classification?.categories ?? [])
	]);
	for (const c of named) if (!known.has(c)) throw new Error(`DLT rule set ${set.id}: category "${c}" is not defined`);
}

export const DLT_RULE_SETS: DltRuleSet[] = [bat, generic].map((raw) => {
	const set = v.parse(DltRuleSetSchema, raw) as DltRuleSet;
	assertCategoriesDefined(set);
	return set;
});

export function findRuleSet(id: string): DltRuleSet | undefined {
	return DLT_RULE_SETS.find((s) => s.id === id);
}

export type RuleSetParse = { ok: true; ruleSet: DltRuleSet } | { ok: false; error: string };

/** Checks an edited rule set (the form's, or a file's) before it may be saved; the first problem in words. */
export function checkRuleSet(raw: unknown): RuleSetParse {
	const r = v.safeParse(DltRuleSetSchema, raw);
	if (!r.success) {
		const issue = r.issues[0];
		const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
		return { ok: false, error: `${path || 'rule set'}: ${issue.message}` };
	}
	try {
		assertCategoriesDefined(r.output as DltRuleSet);
	} catch (e) {
		return { ok: false, error: (e as Error).message };
	}
	return { ok: true, ruleSet: r.output as DltRuleSet };
}

/** Checks an edited rule set given as JSON text. */
export function parseRuleSetText(text: string): RuleSetParse {
	try {
		return checkRuleSet(JSON.parse(text));
	} catch (e) {
		return { ok: false, error: `Not valid JSON: ${(e as Error).message}` };
	}
}

/**
 * The rule sets a study can use: its own edited rules (when it has them) and every preset, the protocol's first.
 * `current` is the study's rule set as resolved, `currentKey` what the study names.
 */
export function ruleSetChoices(current: DltRuleSet | null, currentKey: string): { id: string; label: string }[] {
	const presets = DLT_RULE_SETS.map((s) => ({ id: s.id, label: `${s.title} (preset v${s.version})` }));
	if (presets.some((p) => p.id === currentKey)) return presets;
	const own = { id: currentKey, label: current ? `This study's own rules: ${current.title} (v${current.version}${current.amendment ? `, ${current.amendment}` : ''})` : `This study's rules (${currentKey}, not known here)` };
	return [own, ...presets];
}
