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

const BOOKKEEPING = new Set(['rev', 'source', 'attributionHistory', 'gradeHistory', 'snapshot', 'id', 'aeId', 'basis', 'signature', 'chainHead']);

/** A stored value in words: "–" for nothing, Yes/No, lists joined, objects as "key value" pairs; long text cut. */
export function formatAuditValue(v: unknown): string {
	let text: string;
	if (v === null || v === undefined || v === '') text = '–';
	else if (typeof v === 'boolean') text = v ? 'Yes' : 'No';
	else if (typeof v === 'string' || typeof v === 'number') text = String(v);
	else if (Array.isArray(v)) text = v.length ? v.map(formatAuditValue).join(', ') : '–';
	else
		text = Object.entries(v as Record<string, unknown>)
			.filter(([k]) => !BOOKKEEPING.has(k))
			.map(([k, x]) => `${k} ${formatAuditValue(x)}`)
			.join('; ') || '–';
	return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** Flattens one level of nested objects ("attribution.BAT4706") so a change inside one is named by its field. */
function flatten(o: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(o)) {
		if (BOOKKEEPING.has(k)) continue;
		if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) out[`${k}.${k2}`] = v2;
		else out[k] = v;
	}
	return out;
}

/**
 * What an entry changed, as lines a reviewer reads: "grade: 2 → 3", "engine DLT (rule 2) → committee: not a DLT".
 * Never raw JSON.
 */
export function describeAuditChange(e: AuditEntry): string[] {
	const a = (e.after ?? {}) as Record<string, unknown>;
	const b = (e.before ?? {}) as Record<string, unknown>;
	const verdict = (x: unknown) => (x === 'dlt' ? 'DLT' : x === 'not_dlt' ? 'not a DLT' : String(x));
	switch (e.action) {
		case 'adjudicate':
			return [
				`engine: ${verdict(b.engineVerdict)}${b.engineRule ? ` (rule ${String(b.engineRule)})` : ''} → committee: ${a.decision === 'withdrawn' ? 'decision withdrawn' : verdict(a.decision)}`,
				...(a.signedBy ? [`signed by ${String(a.signedBy)}`] : [])
			];
		case 'import': {
			const counts = (a.counts ?? {}) as Record<string, number>;
			const lines = [`${counts.subjects ?? 0} subjects, ${counts.doses ?? 0} dose records, ${counts.aes ?? 0} AEs (${String(a.mode ?? '')})`];
			const ch = a.changes as { aes?: { changed?: string[]; new?: number; removed?: string[]; renumbered?: string[] }; subjects?: { removed?: string[] } } | undefined;
			if (ch?.aes) {
				lines.push(`AEs: ${ch.aes.changed?.length ?? 0} changed, ${ch.aes.new ?? 0} new, ${ch.aes.removed?.length ?? 0} removed, ${ch.aes.renumbered?.length ?? 0} AESEQ renumbered`);
				for (const c of ch.aes.changed ?? []) lines.push(c);
				for (const r of ch.aes.removed ?? []) lines.push(`removed: ${r}`);
				for (const r of ch.aes.renumbered ?? []) lines.push(r);
			}
			for (const s of ch?.subjects?.removed ?? []) lines.push(`removed subject ${s}`);
			const step = a.settings as { changes?: string[]; reason?: string } | undefined;
			if (step) {
				lines.push(step.changes?.length ? `settings set in the preview${step.reason ? ` (${step.reason})` : ''}:` : 'settings checked in the preview, kept as read');
				for (const c of step.changes ?? []) lines.push(c);
			}
			return lines;
		}
		case 'sign':
			return [`signed by ${String(a.signedBy ?? e.who)}`, ...(a.chainHead ? [`audit trail up to entry ${(a.chainHead as { seq: number }).seq} recorded`] : [])];
		case 'restore': {
			const counts = (a.counts ?? {}) as Record<string, number>;
			const dropped = (b.droppedEntries as unknown[] | undefined)?.length ?? 0;
			return [
				`backup made ${String(a.exportedAt)} by ${String(a.exportedBy)}: ${counts.studies ?? 0} studies, ${counts.subjects ?? 0} subjects, ${counts.aes ?? 0} AEs`,
				...(dropped ? [`${dropped} audit ${dropped === 1 ? 'entry' : 'entries'} recorded here after that backup ${dropped === 1 ? 'is' : 'are'} kept inside this entry`] : [])
			];
		}
		case 'clear':
			return [`removed ${formatAuditValue(b)}`];
		case 'create':
		case 'delete':
			return [];
		default: {
			if (e.entity === 'study') return describeStudyChanges(b, a);
			const fa = flatten(a);
			const fb = flatten(b);
			const keys = [...new Set([...Object.keys(fb), ...Object.keys(fa)])].sort();
			return keys.filter((k) => JSON.stringify(fa[k]) !== JSON.stringify(fb[k])).map((k) => `${k}: ${formatAuditValue(fb[k])} → ${formatAuditValue(fa[k])}`);
		}
	}
}

/** What changed between two readings of a study, a line per change: "dose level order: … → …", "design.kind: 3+3 → boin". */
export function describeStudyChanges(before: object, after: object): string[] {
	const b = before as Record<string, unknown>;
	const a = after as Record<string, unknown>;
	const fa = flatten(omit(a, ['doseLevels', 'drugs']));
	const fb = flatten(omit(b, ['doseLevels', 'drugs']));
	const keys = [...new Set([...Object.keys(fb), ...Object.keys(fa)])].sort();
	return [...studyLines(b, a), ...keys.filter((k) => JSON.stringify(fa[k]) !== JSON.stringify(fb[k])).map((k) => `${k}: ${formatAuditValue(fb[k])} → ${formatAuditValue(fa[k])}`)];
}

function omit(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

type LevelLike = { code: string; label: string; control?: boolean };
type DrugLike = { code: string; name: string; placebo?: boolean };

/** A study's dose levels and drugs, changed: the order, each label and control arm, each drug's name and placebo flag. */
function studyLines(b: Record<string, unknown>, a: Record<string, unknown>): string[] {
	const out: string[] = [];
	const bl = (b.doseLevels as LevelLike[] | undefined) ?? [];
	const al = (a.doseLevels as LevelLike[] | undefined) ?? [];
	if (bl.length && al.length) {
		const order = (l: LevelLike[]) => l.map((x) => x.code).join(', ');
		if (order(bl) !== order(al)) out.push(`dose level order: ${order(bl)} → ${order(al)}`);
		for (const x of al) {
			const was = bl.find((y) => y.code === x.code);
			if (!was) continue;
			if (was.label !== x.label) out.push(`${x.code} label: ${was.label} → ${x.label}`);
			if (Boolean(was.control) !== Boolean(x.control)) out.push(`${x.code} control arm: ${was.control ? 'Yes' : 'No'} → ${x.control ? 'Yes' : 'No'}`);
		}
	}
	const bd = (b.drugs as DrugLike[] | undefined) ?? [];
	const ad = (a.drugs as DrugLike[] | undefined) ?? [];
	for (const x of ad) {
		const was = bd.find((y) => y.code === x.code);
		if (!was) continue;
		if (was.name !== x.name) out.push(`${x.code} name: ${was.name} → ${x.name}`);
		if (Boolean(was.placebo) !== Boolean(x.placebo)) out.push(`${x.code} placebo: ${was.placebo ? 'Yes' : 'No'} → ${x.placebo ? 'Yes' : 'No'}`);
	}
	return out;
}
