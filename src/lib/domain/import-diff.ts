/**
 * What a re-import changes, table by table, and which stored AE each incoming AE is. An EDC re-export may
 * renumber AESEQ, so an event is matched, in order:
 *   1. by AESPID (the sponsor's identifier) when both records carry one;
 *   2. by content: subject, verbatim term, coded term and onset all equal;
 *   3. by subject, verbatim term and onset (the term was recoded);
 *   4. by subject, coded term and onset (the verbatim was corrected);
 *   5. by subject and AESEQ when the term or the onset still agrees (the other was corrected).
 * Within each pass, candidates pair in AESEQ order. A matched event keeps its identity, so committee decisions and
 * attribution history stay with it; what is left over is new or removed. Pure.
 */
import type { AdverseEvent, DoseAdministration, Subject } from './types';
import { foldTerm } from './dlt/classify-term';
import { compareAes, type FieldChange } from './review-changes';
import { compareNatural } from './natural-order';

export interface AeMatch {
	stored: AdverseEvent;
	incoming: AdverseEvent;
	by: 'AESPID' | 'content' | 'verbatim and onset' | 'term and onset' | 'AESEQ';
	changes: FieldChange[];
}

export interface Renumbering {
	usubjid: string;
	aeseq: number;
	/** The stored event that had this AESEQ. */
	was: AdverseEvent;
	/** The event the new file gives this AESEQ (null when the number is no longer used). */
	now: AdverseEvent | null;
}

export interface AeDiff {
	unchanged: AeMatch[];
	changed: AeMatch[];
	added: AdverseEvent[];
	removed: AdverseEvent[];
	/** "AESEQ n now names a different event". */
	renumbered: Renumbering[];
}

const norm = (s: string | null | undefined) => foldTerm((s ?? '').trim());

type KeyFn = (ae: AdverseEvent) => string | null;
const PASSES: [AeMatch['by'], KeyFn][] = [
	['AESPID', (a) => (a.spid ? `${a.usubjid}\u0000${a.spid.trim()}` : null)],
	['content', (a) => `${a.usubjid}\u0000${norm(a.verbatim)}\u0000${norm(a.term)}\u0000${a.start ?? ''}`],
	['verbatim and onset', (a) => (a.start ? `${a.usubjid}\u0000${norm(a.verbatim)}\u0000${a.start}` : null)],
	['term and onset', (a) => (a.start ? `${a.usubjid}\u0000${norm(a.term)}\u0000${a.start}` : null)]
];

function pairBy(stored: AdverseEvent[], incoming: AdverseEvent[], key: KeyFn, by: AeMatch['by'], out: AeMatch[]) {
	const pool = new Map<string, AdverseEvent[]>();
	for (const s of stored) {
		const k = key(s);
		if (k === null) continue;
		const list = pool.get(k) ?? [];
		list.push(s);
		pool.set(k, list);
	}
	for (const list of pool.values()) list.sort((a, b) => a.aeseq - b.aeseq);
	const taken = new Set<AdverseEvent>();
	const matched = new Set<AdverseEvent>();
	for (const inc of [...incoming].sort((a, b) => a.aeseq - b.aeseq)) {
		const k = key(inc);
		if (k === null) continue;
		const s = pool.get(k)?.shift();
		if (!s) continue;
		taken.add(s);
		matched.add(inc);
		out.push({ stored: s, incoming: inc, by, changes: [] });
	}
	return { stored: stored.filter((s) => !taken.has(s)), incoming: incoming.filter((i) => !matched.has(i)) };
}

export function diffAes(storedAll: readonly AdverseEvent[], incomingAll: readonly AdverseEvent[]): AeDiff {
	const matches: AeMatch[] = [];
	let stored = [...storedAll];
	let incoming = [...incomingAll];
	// AESPID pairs only records that both carry one; a record without it goes on to the content passes.
	for (const [by, key] of PASSES) ({ stored, incoming } = pairBy(stored, incoming, key, by, matches));
	const bySeq = new Map(stored.map((s) => [`${s.usubjid}\u0000${s.aeseq}`, s]));
	const left: AdverseEvent[] = [];
	for (const inc of incoming) {
		const s = bySeq.get(`${inc.usubjid}\u0000${inc.aeseq}`);
		if (s && (norm(s.term) === norm(inc.term) || norm(s.verbatim) === norm(inc.verbatim) || (s.start !== null && s.start === inc.start))) {
			bySeq.delete(`${inc.usubjid}\u0000${inc.aeseq}`);
			matches.push({ stored: s, incoming: inc, by: 'AESEQ', changes: [] });
		} else left.push(inc);
	}
	const removed = [...bySeq.values()];
	for (const m of matches) {
		m.changes = compareAes(m.stored, m.incoming);
		if (m.stored.aeseq !== m.incoming.aeseq) m.changes.unshift({ field: 'aeseq', label: 'AESEQ', from: String(m.stored.aeseq), to: String(m.incoming.aeseq) });
	}
	const order = (a: AdverseEvent, b: AdverseEvent) => compareNatural(a.usubjid, b.usubjid) || a.aeseq - b.aeseq;
	const matchOrder = (a: AeMatch, b: AeMatch) => order(a.incoming, b.incoming);
	const matchedStoredBy = new Map(matches.map((m) => [m.stored, m.incoming]));
	const incomingBySeq = new Map(incomingAll.map((a) => [`${a.usubjid}\u0000${a.aeseq}`, a]));
	const renumbered: Renumbering[] = [];
	for (const was of storedAll) {
		const now = incomingBySeq.get(`${was.usubjid}\u0000${was.aeseq}`) ?? null;
		const same = matchedStoredBy.get(was);
		if (now && same === now) continue;
		if (!now && !same) continue; // removed, and its number unused: listed as removed
		renumbered.push({ usubjid: was.usubjid, aeseq: was.aeseq, was, now });
	}
	return {
		unchanged: matches.filter((m) => m.changes.length === 0).sort(matchOrder),
		changed: matches.filter((m) => m.changes.length > 0).sort(matchOrder),
		added: left.sort(order),
		removed: removed.sort(order),
		renumbered: renumbered.sort((a, b) => compareNatural(a.usubjid, b.usubjid) || a.aeseq - b.aeseq)
	};
}

/** One line for a renumbering: "01-001 AESEQ 3 was Nausea (2025-03-04); now Headache (2025-03-09)". */
export function describeRenumbering(r: Renumbering): string {
	const ev = (a: AdverseEvent) => `${a.term} (onset ${a.start ?? 'not recorded'}, grade ${a.grade ?? 'not graded'})`;
	return `${r.usubjid} AESEQ ${r.aeseq} named ${ev(r.was)}; it now names ${r.now ? ev(r.now) : 'no event'}`;
}

export interface TableDiff<T> {
	unchanged: number;
	changed: { record: T; changes: { label: string; from: string; to: string }[] }[];
	added: T[];
	removed: T[];
}

function diffBy<T>(stored: readonly T[], incoming: readonly T[], key: (r: T) => string, fields: [string, (r: T) => string][]): TableDiff<T> {
	const before = new Map(stored.map((r) => [key(r), r]));
	const out: TableDiff<T> = { unchanged: 0, changed: [], added: [], removed: [] };
	for (const r of incoming) {
		const k = key(r);
		const was = before.get(k);
		if (!was) {
			out.added.push(r);
			continue;
		}
		before.delete(k);
		const changes = fields.map(([label, f]) => ({ label, from: f(was), to: f(r) })).filter((c) => c.from !== c.to);
		if (changes.length) out.changed.push({ record: r, changes });
		else out.unchanged++;
	}
	out.removed = [...before.values()];
	return out;
}

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

export function diffSubjects(stored: readonly Subject[], incoming: readonly Subject[]): TableDiff<Subject> {
	return diffBy(stored, incoming, (s) => s.usubjid, [
		['Dose level', (s) => text(s.doseLevel)],
		['Status', (s) => text(s.status)],
		['Site', (s) => text(s.site)],
		['Sex', (s) => text(s.sex)],
		['Age', (s) => text(s.age)],
		['Enrolled', (s) => text(s.enrolled)],
		['Discontinued', (s) => text(s.discontinued ? `${s.discontinued.date} (${s.discontinued.reason})` : null)],
		['Death', (s) => text(s.death ? `${s.death.date ?? 'date unknown'} (${s.death.source})` : null)]
	]);
}

/** Doses are matched by subject, drug and start (EXSEQ is no more stable than AESEQ). */
export function diffDoses(stored: readonly DoseAdministration[], incoming: readonly DoseAdministration[]): TableDiff<DoseAdministration> {
	const keyed = (list: readonly DoseAdministration[]) => {
		const seen = new Map<string, number>();
		return list.map((d) => {
			const base = `${d.usubjid}\u0000${d.drug}\u0000${d.start}`;
			const n = (seen.get(base) ?? 0) + 1;
			seen.set(base, n);
			return { d, key: `${base}\u0000${n}` };
		});
	};
	const diff = diffBy(keyed(stored), keyed(incoming), (x) => x.key, [
		['Dose', (x) => `${x.d.dose} ${x.d.unit}`],
		['End', (x) => text(x.d.end)],
		['Cycle', (x) => text(x.d.cycle)]
	]);
	return { unchanged: diff.unchanged, changed: diff.changed.map((c) => ({ record: c.record.d, changes: c.changes })), added: diff.added.map((x) => x.d), removed: diff.removed.map((x) => x.d) };
}
