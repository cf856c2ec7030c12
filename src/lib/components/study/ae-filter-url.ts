/** The AE listing's filter and sort as URL parameters, so a filtered view can be bookmarked and shared. */
import type { AeVerdict } from '$lib/domain/model/rule-set';
import { AE_SORT_KEYS, NO_FILTER, type AeFilter, type AeSortKey } from '$lib/domain/ae-listing';
import { RELATEDNESS } from '$lib/domain/types';

/** The AE listing's DLT-verdict filter: '' any; 'candidate' a DLT or pending; else that effective verdict. */
export type VerdictFilter = '' | 'candidate' | 'dlt' | 'pending' | 'not_dlt';
const VERDICT_FILTERS: readonly VerdictFilter[] = ['', 'candidate', 'dlt', 'pending', 'not_dlt'];

export interface AeView extends AeFilter {
	/** Only AEs new or changed since the last signed review meeting. */
	changedOnly: boolean;
	/** By DLT verdict (the committee's decision where given, else the engine's), as of the listing's as-of. */
	verdict: VerdictFilter;
	sort: AeSortKey;
	desc: boolean;
}

export function readAeView(params: URLSearchParams): AeView {
	const rel = params.get('rel') ?? '';
	const sort = params.get('sort') ?? 'subject';
	const grade = Number(params.get('grade') ?? 0);
	return {
		doseLevel: params.get('level') ?? '',
		minGrade: Number.isInteger(grade) && grade >= 0 && grade <= 5 ? grade : 0,
		serious: params.get('serious') === '1',
		relatedness: rel === 'related' || (RELATEDNESS as readonly string[]).includes(rel) ? (rel as AeFilter['relatedness']) : '',
		text: params.get('q') ?? '',
		windowOnly: params.get('window') === '1',
		changedOnly: params.get('new') === '1',
		verdict: (VERDICT_FILTERS as readonly string[]).includes(params.get('verdict') ?? '') ? (params.get('verdict') as VerdictFilter) : '',
		sort: (AE_SORT_KEYS as readonly string[]).includes(sort) ? (sort as AeSortKey) : 'subject',
		desc: params.get('desc') === '1'
	};
}

export function writeAeView(v: AeView): string {
	const p = new URLSearchParams();
	if (v.doseLevel) p.set('level', v.doseLevel);
	if (v.minGrade) p.set('grade', String(v.minGrade));
	if (v.serious) p.set('serious', '1');
	if (v.relatedness) p.set('rel', v.relatedness);
	if (v.text.trim()) p.set('q', v.text.trim());
	if (v.windowOnly) p.set('window', '1');
	if (v.changedOnly) p.set('new', '1');
	if (v.verdict) p.set('verdict', v.verdict);
	if (v.sort !== 'subject') p.set('sort', v.sort);
	if (v.desc) p.set('desc', '1');
	const s = p.toString();
	return s ? `?${s}` : '';
}

/** The URL parameters the AE view owns; other parameters of a page (asOf, x) are left alone. */
export const AE_VIEW_PARAMS = ['level', 'grade', 'serious', 'rel', 'q', 'window', 'new', 'verdict', 'sort', 'desc'] as const;

/** The page's URL search with the AE view replaced and every other parameter kept. */
export function mergeAeView(current: URLSearchParams, v: AeView): string {
	const next = new URLSearchParams(current);
	for (const k of AE_VIEW_PARAMS) next.delete(k);
	for (const [k, value] of new URLSearchParams(writeAeView(v))) next.set(k, value);
	const s = next.toString();
	return s ? `?${s}` : '';
}

export const DEFAULT_VIEW: AeView = { ...NO_FILTER, changedOnly: false, verdict: '', sort: 'subject', desc: false };

/** Whether an AE's effective verdict passes the verdict filter. */
export function matchesVerdict(filter: VerdictFilter, verdict: AeVerdict | undefined): boolean {
	if (!filter) return true;
	if (filter === 'candidate') return verdict === 'dlt' || verdict === 'pending';
	return verdict === filter;
}
