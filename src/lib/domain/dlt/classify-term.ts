/**
 * Which named categories and rule selectors an AE's term falls under. Real exports code AEs in MedDRA, whose
 * preferred terms are British English in capitals (DIARRHOEA, HAEMATURIA); CTCAE v5.0 and the rule sets spell
 * them the US way (Diarrhea, Hematuria). Terms are therefore compared in one folded form: any case, hyphens
 * and repeated spaces as one space, and British spellings mapped to US ones. MedDRA codes (AELLTCD, AEPTCD),
 * when the export has them, name the CTCAE term directly through the rule set's code list.
 */
import type { DltRule, DltRuleSet, TermCategory, TermSelector } from './rule-types';

export interface TermFacts {
	term: string;
	soc: string;
	ptCode?: string | null;
	lltCode?: string | null;
}

/** British → US spelling fragments, as MedDRA and CTCAE differ. Applied in order to a lower-case term. */
const SPELLING: readonly [RegExp, string][] = [
	[/aem/g, 'em'], // anaemia, haemorrhage, haematoma, leukaemia, ischaemia, -aemia
	[/oedem/g, 'edem'], // oedema, lymphoedema
	[/oesoph/g, 'esoph'],
	[/oestr/g, 'estr'],
	[/rrhoea/g, 'rrhea'], // diarrhoea, rhinorrhoea, amenorrhoea
	[/pnoea/g, 'pnea'], // dyspnoea, apnoea
	[/melaena/g, 'melena'],
	[/tumour/g, 'tumor'],
	[/faec/g, 'fec'],
	[/paed/g, 'ped'],
	[/leuco/g, 'leuko'], // leucopenia, leucocytosis
	[/coeliac/g, 'celiac'],
	[/sulph/g, 'sulf']
];

const folded = new Map<string, string>();

/** The form terms are compared in: "Haemorrhage  rectal" and "HEMORRHAGE RECTAL" fold alike. */
export function foldTerm(s: string): string {
	let f = folded.get(s);
	if (f !== undefined) return f;
	f = s.trim().toLowerCase().replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ');
	for (const [from, to] of SPELLING) f = f.replace(from, to);
	if (folded.size < 50_000) folded.set(s, f);
	return f;
}

interface Index {
	synonyms: Map<string, string>;
	codes: Map<string, string>;
	categories: Map<string, { terms: Set<string>; socs: Set<string>; patterns: string[]; notTerms: Set<string> }>;
	/** classifyTerm's answers by term, SOC, PT code and LLT code. */
	classes: Map<string, Map<string, Map<string, Map<string, TermClass>>>>;
}

/** Each rule set's folded look-ups, built once per rule set object. */
const indexes = new WeakMap<DltRuleSet, Index>();

function indexOf(set: DltRuleSet): Index {
	let index = indexes.get(set);
	if (index) return index;
	const synonyms = new Map<string, string>();
	// The first synonym listed wins, as the rule set's order says.
	for (const [synonym, canonical] of Object.entries(set.synonyms)) if (!synonyms.has(foldTerm(synonym))) synonyms.set(foldTerm(synonym), canonical);
	const categories = new Map<string, { terms: Set<string>; socs: Set<string>; patterns: string[]; notTerms: Set<string> }>();
	for (const [name, c] of Object.entries(set.categories) as [string, TermCategory][]) {
		categories.set(name, {
			terms: new Set(c.terms.map(foldTerm)),
			socs: new Set(c.socs.map(foldTerm)),
			patterns: c.patterns.map(foldTerm),
			notTerms: new Set((c.notTerms ?? []).map(foldTerm))
		});
	}
	index = { synonyms, codes: new Map(Object.entries(set.codes ?? {})), categories, classes: new Map() };
	indexes.set(set, index);
	return index;
}

/**
 * The CTCAE term an AE term stands for: by its MedDRA code when the rule set knows it, else through the rule
 * set's synonyms ("Neutropenia" → "Neutrophil count decreased"), else the term itself (trimmed).
 */
export function canonicalTerm(set: DltRuleSet, term: string, codes?: Pick<TermFacts, 'ptCode' | 'lltCode'>): string {
	const index = indexOf(set);
	if (codes) {
		const byCode = (codes.lltCode && index.codes.get(codes.lltCode.trim())) || (codes.ptCode && index.codes.get(codes.ptCode.trim()));
		if (byCode) return byCode;
	}
	return index.synonyms.get(foldTerm(term)) ?? term.trim();
}

export function inCategory(set: DltRuleSet, category: string, ae: TermFacts): boolean {
	const c = indexOf(set).categories.get(category);
	if (!c) return false;
	const own = foldTerm(ae.term);
	const term = foldTerm(canonicalTerm(set, ae.term, ae));
	if (c.notTerms.has(term) || c.notTerms.has(own)) return false;
	if (c.terms.has(term) || c.terms.has(own)) return true;
	if (c.socs.has(foldTerm(ae.soc))) return true;
	return c.patterns.some((p) => term.includes(p) || own.includes(p));
}

export function matchesSelector(set: DltRuleSet, selector: TermSelector, ae: TermFacts): boolean {
	if ((selector.excludeCategories ?? []).some((c) => inCategory(set, c, ae))) return false;
	if ((selector.notCategories ?? []).some((c) => inCategory(set, c, ae))) return false;
	const positive = (selector.categories?.length ?? 0) + (selector.terms?.length ?? 0);
	if (positive === 0) return true;
	const term = foldTerm(canonicalTerm(set, ae.term, ae));
	if ((selector.terms ?? []).some((t) => foldTerm(t) === term)) return true;
	return (selector.categories ?? []).some((c) => inCategory(set, c, ae));
}

/**
 * True when the AE lies where the rule set asks for an explicit haematological / non-haematological reading
 * (its SOC or a blood-count word) and none of the classifying categories recognises it: the engine then leaves
 * the call to the committee instead of treating it as non-haematological.
 */
export function isUnclassified(set: DltRuleSet, ae: TermFacts): boolean {
	const check = set.classification;
	if (!check) return false;
	const soc = foldTerm(ae.soc);
	const term = foldTerm(canonicalTerm(set, ae.term, ae));
	const relevant = check.socs.some((s) => foldTerm(s) === soc) || check.patterns.some((p) => term.includes(foldTerm(p)) || foldTerm(ae.term).includes(foldTerm(p)));
	return relevant && !check.categories.some((c) => inCategory(set, c, ae));
}

/** What the rule set makes of a term: its CTCAE term, whether it is left unclassified, and the rules that cover it. */
export interface TermClass {
	canonical: string;
	unclassified: boolean;
	/** The set's rules whose selector takes the term, in the set's order (whatever the grade). */
	covering: readonly DltRule[];
}

/**
 * canonicalTerm, isUnclassified and the covering rules at once, remembered per rule set: a study repeats a few
 * hundred terms across its AEs, and the DLT engine asks this of every AE.
 */
export function classifyTerm(set: DltRuleSet, ae: TermFacts): TermClass {
	const classes = indexOf(set).classes;
	const pt = ae.ptCode ?? '';
	const llt = ae.lltCode ?? '';
	let bySoc = classes.get(ae.term);
	if (!bySoc) classes.set(ae.term, (bySoc = new Map()));
	let byPt = bySoc.get(ae.soc);
	if (!byPt) bySoc.set(ae.soc, (byPt = new Map()));
	let byLlt = byPt.get(pt);
	if (!byLlt) byPt.set(pt, (byLlt = new Map()));
	let c = byLlt.get(llt);
	if (!c) {
		const facts = { term: ae.term, soc: ae.soc, ptCode: ae.ptCode, lltCode: ae.lltCode };
		c = Object.freeze({
			canonical: canonicalTerm(set, ae.term, facts),
			unclassified: isUnclassified(set, facts),
			covering: Object.freeze(set.rules.filter((r) => matchesSelector(set, r.selector, facts)))
		});
		byLlt.set(llt, c);
	}
	return c;
}
