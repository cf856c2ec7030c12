/**
 * "New since last review": every AE that is new, changed or removed since the data the committee signed off at
 * its previous meeting, with what changed (from → to). The baseline is the previous signed meeting's frozen
 * snapshot, so a change is measured against what the committee actually saw, not against the audit trail.
 * An AE already recorded at that meeting but starting after its cut-off was not under review then, so it counts
 * as new. Pure.
 */
import type { AeVerdict } from './model/rule-set';
import { aeKey } from './model/adverse-event';
import { compareNatural } from './natural-order';
import { dayRange, formatDtc } from './partial-date';
import { RELATEDNESS_LABEL, SERIOUS_CRITERIA, type AdverseEvent } from './types';

/** An AE's effective verdict (the committee's decision where given). */
export type ReviewVerdict = AeVerdict;

export type ReviewField = 'aeseq' | 'term' | 'grade' | 'start' | 'end' | 'serious' | 'attribution' | 'verdict';

export interface FieldChange {
	field: ReviewField;
	/** "Grade", "End", "Attribution to BAT4706" … */
	label: string;
	from: string;
	to: string;
}

export interface AeChange {
	/** `usubjid|aeseq`, the key the listings and charts use. */
	key: string;
	usubjid: string;
	aeseq: number;
	/** The AE as it is now (as it was, for a removed one). */
	ae: AdverseEvent;
	kind: 'new' | 'changed' | 'removed';
	/** Why it is new, in words; empty for changed and removed. */
	why: string;
	/** What changed, for kind 'changed' (empty otherwise). */
	changes: FieldChange[];
}

export interface ReviewSide {
	aes: readonly AdverseEvent[];
	/** Each AE's effective verdict (committee decision first), by `usubjid|aeseq`. */
	verdicts: ReadonlyMap<string, ReviewVerdict> | Readonly<Record<string, ReviewVerdict>>;
}

export interface ReviewBaseline extends ReviewSide {
	/** The previous signed meeting's data cut-off, YYYY-MM-DD. */
	cutoff: string;
}

export { aeKey };

const VERDICT_LABEL: Record<ReviewVerdict, string> = { dlt: 'DLT', not_dlt: 'not a DLT', pending: 'pending' };

function verdictOf(side: ReviewSide, key: string): ReviewVerdict | undefined {
	const v = side.verdicts;
	return v instanceof Map ? v.get(key) : (v as Readonly<Record<string, ReviewVerdict>>)[key];
}

function seriousText(ae: AdverseEvent): string {
	if (ae.serious === null) return 'not recorded';
	if (!ae.serious) return 'No';
	const labels = ae.seriousCriteria.map((c) => SERIOUS_CRITERIA.find((x) => x.code === c)?.label ?? c);
	return labels.length ? `Yes (${labels.join(', ')})` : 'Yes';
}

const dateText = (d: string | null, missing: string) => (d ? formatDtc(d) : missing);

/** The field-by-field difference between what was reviewed and what is recorded now. */
export function compareAes(before: AdverseEvent, after: AdverseEvent, verdictBefore?: ReviewVerdict, verdictAfter?: ReviewVerdict): FieldChange[] {
	const out: FieldChange[] = [];
	const add = (field: ReviewField, label: string, from: string, to: string) => {
		if (from !== to) out.push({ field, label, from, to });
	};
	add('term', 'Term', before.term, after.term);
	add('grade', 'Grade', before.grade === null ? 'not graded' : String(before.grade), after.grade === null ? 'not graded' : String(after.grade));
	add('start', 'Onset', dateText(before.start, 'not recorded'), dateText(after.start, 'not recorded'));
	add('end', 'End', dateText(before.end, 'ongoing'), dateText(after.end, 'ongoing'));
	add('serious', 'Serious', seriousText(before), seriousText(after));
	const drugs = [...new Set([...Object.keys(before.attribution), ...Object.keys(after.attribution)])].sort();
	for (const drug of drugs) {
		const b = before.attribution[drug] ?? null;
		const a = after.attribution[drug] ?? null;
		add('attribution', `Attribution to ${drug}`, b ? RELATEDNESS_LABEL[b] : 'not assessed', a ? RELATEDNESS_LABEL[a] : 'not assessed');
	}
	if (verdictBefore && verdictAfter) add('verdict', 'DLT verdict', VERDICT_LABEL[verdictBefore], VERDICT_LABEL[verdictAfter]);
	return out;
}

/** True when the onset is certainly after the cut-off (a partial onset counts from its earliest possible day). */
function startsAfter(ae: AdverseEvent, cutoff: string): boolean {
	const onset = dayRange(ae.start);
	const cut = dayRange(cutoff);
	return onset !== null && cut !== null && onset[0] > cut[1];
}

/**
 * The AEs new, changed or removed since the baseline, in subject and sequence order. With no baseline (no meeting
 * signed yet) there is nothing to compare against, and the result is empty: the caller says so.
 */
export function detectReviewChanges(baseline: ReviewBaseline | null, current: ReviewSide): AeChange[] {
	if (!baseline) return [];
	const before = new Map(baseline.aes.map((ae) => [aeKey(ae), ae]));
	const out: AeChange[] = [];
	const seen = new Set<string>();
	for (const ae of current.aes) {
		const key = aeKey(ae);
		seen.add(key);
		const was = before.get(key);
		const base = { key, usubjid: ae.usubjid, aeseq: ae.aeseq, ae };
		if (!was) {
			out.push({ ...base, kind: 'new', why: 'Recorded since the last review.', changes: [] });
			continue;
		}
		if (startsAfter(was, baseline.cutoff)) {
			out.push({ ...base, kind: 'new', why: `Starts after the last review's cut-off (${formatDtc(baseline.cutoff)}).`, changes: [] });
			continue;
		}
		const changes = compareAes(was, ae, verdictOf(baseline, key), verdictOf(current, key));
		if (changes.length) out.push({ ...base, kind: 'changed', why: '', changes });
	}
	for (const [key, ae] of before) {
		if (!seen.has(key) && !startsAfter(ae, baseline.cutoff)) out.push({ key, usubjid: ae.usubjid, aeseq: ae.aeseq, ae, kind: 'removed', why: '', changes: [] });
	}
	return out.sort((a, b) => compareNatural(a.usubjid, b.usubjid) || a.aeseq - b.aeseq);
}

/** One line for a change: "New: recorded since the last review." / "Grade 2 → 3; End ongoing → 2026-03-10". */
export function describeChange(c: AeChange): string {
	if (c.kind === 'new') return `New: ${c.why.charAt(0).toLowerCase()}${c.why.slice(1)}`;
	if (c.kind === 'removed') return 'Removed since the last review.';
	return c.changes.map((f) => `${f.label} ${f.from} → ${f.to}`).join('; ');
}
