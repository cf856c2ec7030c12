/**
 * Lab units as admiral compares them (case-insensitive), with the synonyms real files use and the conversions the
 * criteria need. The table is data (presets/lab-grading/units.json); this reads it. Pure.
 */
export interface UnitRules {
	/** Spelling → canonical spelling, compared in capitals: "GI/L" → "10^9/L", "µMOL/L" → "UMOL/L". */
	synonyms: Record<string, string>;
	/** A test's result in `from` is graded against criteria in `to` after multiplying by `factor`. */
	conversions: { testcd: string; from: string; to: string; factor: number; source: string }[];
}

/** The unit in capitals, without spaces, micro signs as U, powers written 10^n, then its synonym's canonical form. */
export function canonicalUnit(unit: string | null | undefined, rules: UnitRules): string {
	const u = (unit ?? '')
		.trim()
		.toUpperCase()
		.replace(/\s+/g, '')
		.replace(/[µμ]/g, 'U')
		.replace(/(?:X?10)(?:\*\*|\*|E)(\d+)/g, '10^$1');
	return rules.synonyms[u] ?? u;
}

/** The factor taking a result of `testcd` in `unit` to `criteriaUnit`: 1 when they are one unit, null when no conversion is known. */
export function unitFactor(testcd: string, unit: string, criteriaUnit: string, rules: UnitRules): { factor: number; source: string | null } | null {
	const from = canonicalUnit(unit, rules);
	const to = canonicalUnit(criteriaUnit, rules);
	if (from === to) return { factor: 1, source: null };
	const c = rules.conversions.find((x) => x.testcd.toUpperCase() === testcd.toUpperCase() && canonicalUnit(x.from, rules) === from && canonicalUnit(x.to, rules) === to);
	return c ? { factor: c.factor, source: c.source } : null;
}
