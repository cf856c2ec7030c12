/**
 * The DLT rule set as a form edits it: each rule's protocol words, DoseWatch's reading and the condition's fields
 * (which terms, grades, duration, a concurrent event, exceptions), and each term category's lists, one entry per
 * line. Pure: `toDraft` opens a rule set, `checkDraft` names every problem by the field's id (so the form can
 * point at it), `fromDraft` gives the rule set to save. What the form does not show (synonyms, MedDRA codes, the
 * classification check) is carried over unchanged.
 */
import type { DltRule, DltRuleSet, ResolutionException, TermCategory, TermSelector } from '$lib/domain/dlt/rule-types';
import { RELATEDNESS, type Relatedness } from '$lib/domain/model/attribution';

export interface SelectorDraft {
	/** The AE's term is in one of these categories… */
	categories: string[];
	/** …or is one of these terms (one per line). */
	terms: string;
	/** Everything else: in none of these categories. */
	notCategories: string[];
	/** Never these (a more specific rule covers them). */
	excludeCategories: string[];
}

export interface ExceptionDraft {
	/** Stable across edits, for the form's keyed lists. */
	key: string;
	id: string;
	protocol: string;
	reading: string;
	selector: SelectorDraft;
	requiresTreatment: boolean;
	withinHours: number | null;
	limitText: string;
}

export interface RuleDraft {
	key: string;
	id: string;
	label: string;
	protocol: string;
	reading: string;
	selector: SelectorDraft;
	gradeMin: number;
	/** null: no highest grade. */
	gradeMax: number | null;
	hasDuration: boolean;
	durationGrade: number;
	durationDays: number | null;
	hasConcurrent: boolean;
	concurrentCategory: string;
	concurrentLabel: string;
	exceptions: ExceptionDraft[];
}

export interface CategoryDraft {
	name: string;
	reading: string;
	terms: string;
	socs: string;
	patterns: string;
	notTerms: string;
}

export interface RuleSetDraft {
	title: string;
	protocolText: string;
	attributionMinimum: Relatedness;
	attributionProtocol: string;
	attributionReading: string;
	categories: CategoryDraft[];
	rules: RuleDraft[];
	/** '' : the new version judges every subject (a correction); a date: subjects first dosed from it (an amendment). */
	effectiveFrom: string;
	amendment: string;
}

const lines = (text: string): string[] =>
	text
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
const joined = (list: readonly string[] | undefined) => (list ?? []).join('\n');

let counter = 0;
const nextKey = () => `k${++counter}`;

function selectorDraft(s: TermSelector): SelectorDraft {
	return { categories: [...(s.categories ?? [])], terms: joined(s.terms), notCategories: [...(s.notCategories ?? [])], excludeCategories: [...(s.excludeCategories ?? [])] };
}

function exceptionDraft(e: ResolutionException): ExceptionDraft {
	return { key: nextKey(), id: e.id, protocol: e.protocol, reading: e.reading, selector: selectorDraft(e.selector), requiresTreatment: e.requiresTreatment, withinHours: e.withinHours, limitText: e.limitText };
}

export function ruleDraft(r: DltRule): RuleDraft {
	return {
		key: nextKey(),
		id: r.id,
		label: r.label,
		protocol: r.protocol,
		reading: r.reading,
		selector: selectorDraft(r.selector),
		gradeMin: r.grade.min,
		gradeMax: r.grade.max ?? null,
		hasDuration: Boolean(r.duration),
		durationGrade: r.duration?.atLeastGrade ?? r.grade.min,
		durationDays: r.duration?.days ?? null,
		hasConcurrent: Boolean(r.concurrent),
		concurrentCategory: r.concurrent?.category ?? '',
		concurrentLabel: r.concurrent?.label ?? '',
		exceptions: (r.exceptions ?? []).map(exceptionDraft)
	};
}

/** A new, empty rule for the form: grade ≥ 3 of any term until its fields are filled. */
export function newRuleDraft(existing: readonly RuleDraft[]): RuleDraft {
	// The next rule number: after 1, 2, 2a, 2b, 3, 3a comes 4.
	let n = Math.max(0, ...existing.map((r) => parseInt(r.id, 10)).filter((x) => Number.isFinite(x))) + 1;
	while (existing.some((r) => r.id === String(n))) n++;
	return ruleDraft({ id: String(n), label: '', protocol: '', reading: '', selector: {}, grade: { min: 3 } });
}

export function newExceptionDraft(rule: RuleDraft): ExceptionDraft {
	let n = 0;
	const id = () => `${rule.id}${String.fromCharCode(97 + n)}`;
	while (rule.exceptions.some((e) => e.id === id())) n++;
	return exceptionDraft({ id: id(), protocol: '', reading: '', selector: {}, requiresTreatment: true, withinHours: 72, limitText: '3 days' });
}

export function toDraft(set: DltRuleSet): RuleSetDraft {
	return {
		title: set.title,
		protocolText: set.protocolText,
		attributionMinimum: set.attribution.minimum,
		attributionProtocol: set.attribution.protocol,
		attributionReading: set.attribution.reading,
		categories: Object.entries(set.categories).map(([name, c]) => ({
			name,
			reading: c.reading,
			terms: joined(c.terms),
			socs: joined(c.socs),
			patterns: joined(c.patterns),
			notTerms: joined(c.notTerms)
		})),
		rules: set.rules.map(ruleDraft),
		effectiveFrom: '',
		amendment: ''
	};
}

function selectorOf(d: SelectorDraft): TermSelector {
	const terms = lines(d.terms);
	return {
		...(d.categories.length ? { categories: [...d.categories] } : {}),
		...(terms.length ? { terms } : {}),
		...(d.notCategories.length ? { notCategories: [...d.notCategories] } : {}),
		...(d.excludeCategories.length ? { excludeCategories: [...d.excludeCategories] } : {})
	};
}

export function ruleOf(d: RuleDraft): DltRule {
	return {
		id: d.id.trim(),
		label: d.label.trim(),
		protocol: d.protocol.trim(),
		reading: d.reading.trim(),
		selector: selectorOf(d.selector),
		grade: { min: d.gradeMin, ...(d.gradeMax !== null ? { max: d.gradeMax } : {}) },
		...(d.hasDuration ? { duration: { atLeastGrade: d.durationGrade, days: d.durationDays ?? 0 } } : {}),
		...(d.hasConcurrent ? { concurrent: { category: d.concurrentCategory, label: d.concurrentLabel.trim() || d.concurrentCategory } } : {}),
		...(d.exceptions.length
			? {
					exceptions: d.exceptions.map((e) => ({
						id: e.id.trim(),
						protocol: e.protocol.trim(),
						reading: e.reading.trim(),
						selector: selectorOf(e.selector),
						requiresTreatment: e.requiresTreatment,
						withinHours: e.withinHours ?? 0,
						limitText: e.limitText.trim()
					}))
				}
			: {})
	};
}

/** The rule set the draft describes, on top of `original` (its synonyms, codes and classification are kept). */
export function fromDraft(original: DltRuleSet, d: RuleSetDraft): DltRuleSet {
	const categories: Record<string, TermCategory> = {};
	for (const c of d.categories) {
		const notTerms = lines(c.notTerms);
		categories[c.name] = { terms: lines(c.terms), socs: lines(c.socs), patterns: lines(c.patterns), ...(notTerms.length ? { notTerms } : {}), reading: c.reading.trim() };
	}
	return {
		...original,
		title: d.title.trim(),
		protocolText: d.protocolText.trim(),
		attribution: { minimum: d.attributionMinimum, protocol: d.attributionProtocol.trim(), reading: d.attributionReading.trim() },
		categories,
		rules: d.rules.map(ruleOf)
	};
}

const isGrade = (g: number | null) => g !== null && Number.isInteger(g) && g >= 1 && g <= 5;

/**
 * Every problem with the draft, keyed by the id of the field to fix (the form uses the same ids), in the form's
 * order. Each message names the rule or category it is about. `fromProtocol`: the protocol's words are required.
 */
export function checkDraft(d: RuleSetDraft, fromProtocol: boolean): Record<string, string> {
	const errors: Record<string, string> = {};
	const names = new Set(d.categories.map((c) => c.name));
	if (!d.title.trim()) errors['rules-title'] = 'Give the rule set a title';
	if (!RELATEDNESS.includes(d.attributionMinimum)) errors['rules-attribution'] = 'Choose the least relatedness that counts';
	const seen = new Set<string>();
	d.rules.forEach((r, i) => {
		const name = r.id.trim() ? `Rule ${r.id.trim()}` : `Rule ${i + 1}`;
		const f = (field: string) => `rule-${r.key}-${field}`;
		if (!r.id.trim()) errors[f('id')] = `${name}: give the rule an id (1, 2a …)`;
		else if (seen.has(r.id.trim())) errors[f('id')] = `${name}: another rule has this id`;
		seen.add(r.id.trim());
		if (!r.label.trim()) errors[f('label')] = `${name}: give it a short name`;
		if (fromProtocol && !r.protocol.trim()) errors[f('protocol')] = `${name}: quote the protocol's words it implements`;
		if (!r.reading.trim()) errors[f('reading')] = `${name}: say how DoseWatch reads it`;
		if (!isGrade(r.gradeMin)) errors[f('grade-min')] = `${name}: the lowest grade must be 1 to 5`;
		else if (r.gradeMax !== null && (!isGrade(r.gradeMax) || r.gradeMax < r.gradeMin)) errors[f('grade-max')] = `${name}: the highest grade must be from ${r.gradeMin} to 5, or none`;
		if (r.hasDuration) {
			if (!isGrade(r.durationGrade)) errors[f('duration-grade')] = `${name}: the duration's grade must be 1 to 5`;
			if (r.durationDays === null || !Number.isInteger(r.durationDays) || r.durationDays < 1) errors[f('duration-days')] = `${name}: the duration must be a whole number of days, 1 or more`;
		}
		if (r.hasConcurrent && !names.has(r.concurrentCategory)) errors[f('concurrent')] = `${name}: choose the category of the concurrent event`;
		for (const c of [...r.selector.categories, ...r.selector.notCategories, ...r.selector.excludeCategories])
			if (!names.has(c)) errors[f('terms')] ??= `${name}: the category "${c}" is not defined`;
		const exceptionIds = new Set<string>();
		r.exceptions.forEach((e) => {
			const en = `${name}, exception ${e.id.trim() || '(no id)'}`;
			const g = (field: string) => `exception-${e.key}-${field}`;
			if (!e.id.trim()) errors[g('id')] = `${en}: give the exception an id`;
			else if (exceptionIds.has(e.id.trim())) errors[g('id')] = `${en}: another exception of this rule has this id`;
			exceptionIds.add(e.id.trim());
			if (fromProtocol && !e.protocol.trim()) errors[g('protocol')] = `${en}: quote the protocol's words`;
			if (!e.reading.trim()) errors[g('reading')] = `${en}: say how DoseWatch reads it`;
			if (!e.selector.categories.length && !lines(e.selector.terms).length) errors[g('terms')] = `${en}: say which terms it covers (a category or terms)`;
			if (e.withinHours === null || !(e.withinHours > 0)) errors[g('hours')] = `${en}: the time to relief must be more than 0 hours`;
			if (!e.limitText.trim()) errors[g('limit')] = `${en}: give the time in words ("3 days")`;
		});
	});
	if (!d.rules.length) errors['rules-add'] = 'A rule set needs at least one rule';
	d.categories.forEach((c) => {
		if (!c.reading.trim()) errors[`category-${c.name}-reading`] = `Category ${c.name}: say what it holds`;
	});
	if (d.effectiveFrom && !/^\d{4}-\d{2}-\d{2}$/.test(d.effectiveFrom)) errors['rules-effective'] = 'Give the effective date as a full date, or leave it blank';
	if (d.effectiveFrom && !d.amendment.trim()) errors['rules-amendment'] = 'Name the amendment that takes effect on that date';
	return errors;
}
