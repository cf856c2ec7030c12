/** CTCAE v5.0 terms as the app ships them (static/ctcae/ctcae-v5.0.json), and the term picker's search. */

export interface CtcaeTerm {
	/** MedDRA code. */
	code: string;
	soc: string;
	term: string;
	/** Grade 1–5 definitions; null where CTCAE does not define the grade for this term. */
	grades: (string | null)[];
	definition: string;
}

export interface CtcaeList {
	version: string;
	source: string;
	terms: CtcaeTerm[];
}

/**
 * Terms matching what a user types: every word must appear in the term (or its SOC); terms starting with the
 * query come first, then terms with a word starting with it, then the rest, each alphabetically.
 */
export function searchCtcae(terms: readonly CtcaeTerm[], query: string, limit = 12): CtcaeTerm[] {
	const q = query.trim().toLowerCase();
	if (q === '') return [];
	const words = q.split(/\s+/);
	const scored: { t: CtcaeTerm; score: number }[] = [];
	for (const t of terms) {
		const name = t.term.toLowerCase();
		const hay = `${name} ${t.soc.toLowerCase()}`;
		if (!words.every((w) => hay.includes(w))) continue;
		const score = name.startsWith(q) ? 0 : name.split(/[\s,-]+/).some((w) => w.startsWith(words[0]!)) ? 1 : 2;
		scored.push({ t, score });
	}
	scored.sort((a, b) => a.score - b.score || a.t.term.localeCompare(b.t.term));
	return scored.slice(0, limit).map((s) => s.t);
}
