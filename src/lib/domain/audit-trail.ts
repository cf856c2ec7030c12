/**
 * Reading the audit trail: which fields an entry changed, and filtering entries by subject, AE, field, reviewer
 * and date. Pure.
 */
import type { AuditEntry } from './types';

const IGNORED = new Set(['rev', 'source']);

/** Fields whose values differ between before and after (all fields of a created or deleted record). */
export function changedFields(e: AuditEntry): string[] {
	if (e.action === 'adjudicate') return ['decision'];
	const b = (typeof e.before === 'object' && e.before) || {};
	const a = (typeof e.after === 'object' && e.after) || {};
	const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
	return [...keys].filter((k) => !IGNORED.has(k) && JSON.stringify((b as Record<string, unknown>)[k]) !== JSON.stringify((a as Record<string, unknown>)[k])).sort();
}

export interface AuditFilter {
	subject: string;
	/** AE sequence number, '' for any. */
	aeseq: string;
	field: string;
	who: string;
	from: string;
	to: string;
}

export const NO_AUDIT_FILTER: AuditFilter = { subject: '', aeseq: '', field: '', who: '', from: '', to: '' };

export function filterAudit(entries: readonly AuditEntry[], f: AuditFilter): AuditEntry[] {
	const subject = f.subject.trim().toLowerCase();
	return entries.filter((e) => {
		if (subject && !e.key.toLowerCase().includes(subject)) return false;
		if (f.aeseq && !(e.entity === 'ae' || e.entity === 'adjudication') ) return false;
		if (f.aeseq && !new RegExp(`\\bAE ${f.aeseq.replace(/\D/g, '')}$`).test(e.key)) return false;
		if (f.field && !changedFields(e).includes(f.field)) return false;
		if (f.who && e.who !== f.who) return false;
		const day = e.at.slice(0, 10);
		if (f.from && day < f.from) return false;
		if (f.to && day > f.to) return false;
		return true;
	});
}
