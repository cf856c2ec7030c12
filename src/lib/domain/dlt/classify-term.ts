/** Which named categories and rule selectors an AE's term falls under, with the rule set's synonyms applied. */
import type { DltRuleSet, TermSelector } from './rule-types';

export interface TermFacts {
	term: string;
	soc: string;
}

const norm = (s: string) => s.trim().toLowerCase();

/** The CTCAE term an AE term stands for: "Neutropenia" → "Neutrophil count decreased". */
/** Each rule set's synonyms by normalised term, built once per rule set. */
const synonymIndex = new WeakMap<DltRuleSet, Map<string, string>>();

export function canonicalTerm(set: DltRuleSet, term: string): string {
	let index = synonymIndex.get(set);
	if (!index) {
		index = new Map();
		// The first synonym listed wins, as the rule set's order says.
		for (const [synonym, canonical] of Object.entries(set.synonyms)) if (!index.has(norm(synonym))) index.set(norm(synonym), canonical);
		synonymIndex.set(set, index);
	}
	return index.get(norm(term)) ?? term.trim();
}

export function inCategory(set: DltRuleSet, category: string, ae: TermFacts): boolean {
	const c = set.categories[category];
	if (!c) return false;
	const term = norm(canonicalTerm(set, ae.term));
	if (c.terms.some((t) => norm(t) === term)) return true;
	if (c.socs.some((s) => norm(s) === norm(ae.soc))) return true;
	return c.patterns.some((p) => term.includes(norm(p)));
}

export function matchesSelector(set: DltRuleSet, selector: TermSelector, ae: TermFacts): boolean {
	const term = norm(canonicalTerm(set, ae.term));
	if ((selector.excludeCategories ?? []).some((c) => inCategory(set, c, ae))) return false;
	if ((selector.notCategories ?? []).some((c) => inCategory(set, c, ae))) return false;
	const positive = (selector.categories?.length ?? 0) + (selector.terms?.length ?? 0);
	if (positive === 0) return true;
	if ((selector.terms ?? []).some((t) => norm(t) === term)) return true;
	return (selector.categories ?? []).some((c) => inCategory(set, c, ae));
}
