/**
 * A re-import's effect on a stored study, for the preview, the commit and the audit trail: per table what is
 * unchanged, changed (field: from → to), new and removed, and which AESEQ now names a different event.
 */
import { describeRenumbering, diffAes, diffDoses, diffSubjects, type AeDiff, type TableDiff } from '../domain/import-diff';
import type { AdverseEvent, DoseAdministration, Subject } from '../domain/types';
import type { ImportPlan } from './import-types';

export interface ImportDiff {
	subjects: TableDiff<Subject>;
	doses: TableDiff<DoseAdministration>;
	aes: AeDiff;
	/** Stored records of a domain whose file was not given: a re-import is a whole snapshot, so they would go. */
	missingFiles: { domain: 'EX' | 'AE'; stored: number }[];
}

export function diffImport(stored: { subjects: Subject[]; doses: DoseAdministration[]; aes: AdverseEvent[] }, plan: Pick<ImportPlan, 'subjects' | 'doses' | 'aes' | 'mappings'>): ImportDiff {
	const given = new Set(plan.mappings.map((m) => m.domain));
	const missingFiles: ImportDiff['missingFiles'] = [];
	if (!given.has('EX') && stored.doses.length) missingFiles.push({ domain: 'EX', stored: stored.doses.length });
	if (!given.has('AE') && stored.aes.length) missingFiles.push({ domain: 'AE', stored: stored.aes.length });
	return { subjects: diffSubjects(stored.subjects, plan.subjects), doses: diffDoses(stored.doses, plan.doses), aes: diffAes(stored.aes, plan.aes), missingFiles };
}

export const hasRemovals = (d: ImportDiff) => d.subjects.removed.length + d.doses.removed.length + d.aes.removed.length > 0;

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "27 subjects, 190 doses and 37 AEs" */
export function describeRemovals(d: ImportDiff): string {
	const parts = [
		d.subjects.removed.length ? n(d.subjects.removed.length, 'stored subject', 'stored subjects') : '',
		d.doses.removed.length ? n(d.doses.removed.length, 'dose', 'doses') : '',
		d.aes.removed.length ? n(d.aes.removed.length, 'AE', 'AEs') : ''
	].filter(Boolean);
	return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'nothing');
}

/** Messages the preview puts first: files that are empty or missing while the study holds their records. */
export function removalWarnings(d: ImportDiff, plan: Pick<ImportPlan, 'aes' | 'doses' | 'mappings'>): string[] {
	const out: string[] = [];
	for (const m of d.missingFiles) out.push(`No ${m.domain} file was given: the ${n(m.stored, `stored ${m.domain === 'AE' ? 'AE' : 'dose'}`, `stored ${m.domain === 'AE' ? 'AEs' : 'doses'}`)} would be removed.`);
	const aeFile = plan.mappings.find((m) => m.domain === 'AE')?.file;
	if (aeFile && plan.aes.length === 0 && d.aes.removed.length) out.push(`The AE file (${aeFile}) has no rows: ${n(d.aes.removed.length, 'stored AE', 'stored AEs')} would be removed.`);
	const exFile = plan.mappings.find((m) => m.domain === 'EX')?.file;
	if (exFile && plan.doses.length === 0 && d.doses.removed.length) out.push(`The EX file (${exFile}) has no rows: ${n(d.doses.removed.length, 'stored dose', 'stored doses')} would be removed.`);
	return out;
}

/** What the audit entry of a re-import keeps: counts, every renumbering and every changed or removed event. */
export function summarizeDiff(d: ImportDiff) {
	const cap = <T>(list: T[]) => list.slice(0, 500);
	return {
		subjects: { unchanged: d.subjects.unchanged, changed: d.subjects.changed.length, new: d.subjects.added.length, removed: d.subjects.removed.map((s) => s.usubjid) },
		doses: { unchanged: d.doses.unchanged, changed: d.doses.changed.length, new: d.doses.added.length, removed: d.doses.removed.length },
		aes: {
			unchanged: d.aes.unchanged.length,
			changed: cap(d.aes.changed.map((m) => `${m.incoming.usubjid} AE ${m.incoming.aeseq}: ${fields(m.changes)}`)),
			new: d.aes.added.length,
			removed: cap(d.aes.removed.map((a) => `${a.usubjid} AE ${a.aeseq} ${a.term} (onset ${a.start ?? 'not recorded'})`)),
			renumbered: cap(d.aes.renumbered.map(describeRenumbering))
		}
	};
}

/** What the preview shows of a re-import: totals per table, and the first lines of each list. */
export interface ImportDiffView {
	totals: { table: string; unchanged: number; changed: number; added: number; removed: number }[];
	renumbered: { total: number; lines: string[] };
	removed: { total: number; lines: string[] };
	changed: { total: number; lines: string[] };
	added: { total: number; lines: string[] };
	/** "27 stored subjects, 190 doses and 37 AEs", or null when nothing is removed. */
	removals: string | null;
	warnings: string[];
}

const aeLine = (a: AdverseEvent) => `${a.usubjid} AE ${a.aeseq} ${a.term} (onset ${a.start ?? 'not recorded'})`;
const fields = (list: { label: string; from: string; to: string }[]) => list.map((f) => `${f.label}: ${f.from} → ${f.to}`).join('; ');

export function diffView(d: ImportDiff, plan: Pick<ImportPlan, 'aes' | 'doses' | 'mappings'>, cap = 100): ImportDiffView {
	const list = (lines: string[]) => ({ total: lines.length, lines: lines.slice(0, cap) });
	return {
		totals: [
			{ table: 'Subjects', unchanged: d.subjects.unchanged, changed: d.subjects.changed.length, added: d.subjects.added.length, removed: d.subjects.removed.length },
			{ table: 'Dose records', unchanged: d.doses.unchanged, changed: d.doses.changed.length, added: d.doses.added.length, removed: d.doses.removed.length },
			{ table: 'Adverse events', unchanged: d.aes.unchanged.length, changed: d.aes.changed.length, added: d.aes.added.length, removed: d.aes.removed.length }
		],
		renumbered: list(d.aes.renumbered.map(describeRenumbering)),
		removed: list([...d.subjects.removed.map((s) => `Subject ${s.usubjid}`), ...d.aes.removed.map(aeLine), ...(d.doses.removed.length ? [`${n(d.doses.removed.length, 'dose record', 'dose records')}`] : [])]),
		changed: list([
			...d.subjects.changed.map((c) => `Subject ${c.record.usubjid}: ${fields(c.changes)}`),
			...d.aes.changed.map((m) => `${m.incoming.usubjid} AE ${m.incoming.aeseq}: ${fields(m.changes)}`),
			...d.doses.changed.map((c) => `Dose of ${c.record.usubjid} on ${c.record.start}: ${fields(c.changes)}`)
		]),
		added: list(d.aes.added.map(aeLine)),
		removals: hasRemovals(d) ? describeRemovals(d) : null,
		warnings: removalWarnings(d, plan)
	};
}
