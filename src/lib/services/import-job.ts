/**
 * The long work of an import and a restore, written so it runs in a Web Worker (import.worker.ts) and keeps the
 * page responsive: reading and decoding the files, planning and checking the import, comparing it with the stored
 * study, writing it; reading and checking a backup, restoring it. The big plan stays where it was made; the page
 * receives only what the preview shows. The same functions run in tests without a worker.
 */
import { commitImport, previewReimport } from '$lib/db/study-repository';
import { resolveRuleSet } from '$lib/db/dlt-repository';
import { settingsOf, type StudySettings } from '$lib/domain/study-settings';
import { ruleSetChoices } from '$lib/presets/dlt-rule-sets';
import { restoreBackup, restoreImpact, type RestoreImpact } from '$lib/db/backup-repository';
import { SCHEMA_VERSION, type DoseWatchDatabase } from '$lib/db/database';
import { newId } from '$lib/db/ids';
import { readDataFile } from '$lib/io/formats/read-data-file';
import { readBundle, type Bundle } from '$lib/io/formats/bundle';
import { diffView, type ImportDiffView } from '$lib/io/import-diff';
import { planImport } from '$lib/io/import/plan-import';
import { parseBackup, type BackupFile } from '$lib/io/backup';
import type { ImportCounts, ImportPlan, Problem, ColumnMapping, SourceFile } from '$lib/io/import-types';

export type Progress = (stage: string, done: number, total: number) => void;

/** What the import preview shows: the plan without its records, and the re-import's changes. */
export interface ImportPreviewView {
	study: {
		id: string;
		title: string;
		isNew: boolean;
		doseLevels: string[];
		sdtmStudyId: string | null;
		/** The settings as read (new study) or stored (re-import), for the preview's settings step. */
		settings: StudySettings;
		/** The rule sets the study can use: its own (when it has them) and the presets. */
		ruleSetChoices: { id: string; label: string }[];
	};
	counts: ImportCounts;
	problems: Problem[];
	problemTotal: number;
	errorCount: number;
	mappings: ColumnMapping[];
	reimport: (ImportDiffView & { head: string | null }) | null;
	/** What each SAS transport or Dataset-JSON file says of itself: dataset name, label and its variables. */
	datasets: ({ file: string } & NonNullable<SourceFile['dataset']>)[];
	/** For many files at once: the domain each was read as, what was set aside, and the SUPPQUAL merged. */
	bundle: Pick<Bundle, 'assignments' | 'setAside' | 'merged'> | null;
}

export interface PlanRequest {
	files: Partial<Record<'dm' | 'ex' | 'ae' | 'ds' | 'lb' | 'vs' | 'eg' | 'is' | 'rs' | 'tr', Blob & { name: string }>>;
	/** Many files at once (a folder's, a zip's): each one's domain is found (readBundle); `chosen` corrects it by file name. */
	bundle?: (Blob & { name: string })[];
	chosen?: Record<string, string>;
	targetId: string | null;
	newStudyId: string;
	now: string;
	who: string;
}

async function read(file: (Blob & { name: string }) | undefined): Promise<SourceFile | undefined> {
	if (!file) return undefined;
	return readDataFile(file.name, new Uint8Array(await file.arrayBuffer()));
}

const PROBLEMS_SHOWN = 500;

export async function planJob(db: DoseWatchDatabase, req: PlanRequest, progress: Progress): Promise<{ plan: ImportPlan; view: ImportPreviewView; head: string | null }> {
	progress('reading the files', 0, 1);
	let bundle: Bundle | null = null;
	if (req.bundle?.length) bundle = await readBundle(await Promise.all(req.bundle.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))), req.chosen);
	const [dm, ex, ae, ds, lb, vs, eg, is, rs, tr] = bundle
		? [bundle.files.dm, bundle.files.ex, bundle.files.ae, bundle.files.ds, bundle.files.lb, bundle.files.vs, bundle.files.eg, bundle.files.is, bundle.files.rs, bundle.files.tr]
		: await Promise.all([read(req.files.dm), read(req.files.ex), read(req.files.ae), read(req.files.ds), read(req.files.lb), read(req.files.vs), read(req.files.eg), read(req.files.is), read(req.files.rs), read(req.files.tr)]);
	if (!dm)
		throw new Error(
			bundle
				? `No DM (demographics) file was found among ${bundle.assignments.map((a) => a.file).join(', ') || 'the files'}: name it dm.*, give it a DOMAIN column, or choose its domain.`
				: 'Choose a DM (demographics) file: every import needs the subjects.'
		);
	const target = req.targetId ? ((await db.studies.get(req.targetId)) ?? null) : null;
	if (req.targetId && !target) throw new Error('The study chosen under “Import into” is no longer in this browser.');
	const plan = planImport({ dm, ex, ae, ds, lb, vs, eg, is, rs, tr }, { target, newStudyId: req.newStudyId, now: req.now, who: req.who, onProgress: progress });
	progress('comparing with the stored study', 0, 1);
	const re = await previewReimport(db, plan);
	const errors = plan.problems.filter((p) => p.severity === 'error');
	const ordered = [...errors, ...plan.problems.filter((p) => p.severity !== 'error')];
	const view: ImportPreviewView = {
		study: {
			id: plan.study.id,
			title: plan.study.title,
			isNew: plan.isNewStudy,
			doseLevels: plan.study.doseLevels.map((d) => d.code),
			sdtmStudyId: plan.study.sdtmStudyId ?? null,
			settings: settingsOf(plan.study),
			ruleSetChoices: ruleSetChoices((await resolveRuleSet(db, plan.study.dltRuleSet)) ?? null, plan.study.dltRuleSet)
		},
		counts: plan.counts,
		problems: ordered.slice(0, PROBLEMS_SHOWN),
		problemTotal: plan.problems.length,
		errorCount: errors.length,
		mappings: plan.mappings,
		reimport: re ? { ...diffView(re.diff, plan), head: re.head } : null,
		datasets: [dm, ex, ae, ds, lb, vs, eg, is, rs, tr].filter((f): f is SourceFile => Boolean(f?.dataset)).map((f) => ({ file: f.name, ...f.dataset! })),
		bundle: bundle ? { assignments: bundle.assignments, setAside: bundle.setAside, merged: bundle.merged } : null
	};
	return { plan, view, head: re?.head ?? null };
}

export async function commitJob(
	db: DoseWatchDatabase,
	plan: ImportPlan,
	options: { who: string; at: string; files: string[]; expectedHead?: string | null; confirmRemovals?: boolean; settings?: { settings: StudySettings; reason: string } },
	progress: Progress
): Promise<void> {
	progress('writing', 0, 1);
	await commitImport(db, plan, { ...options, onProgress: progress });
	progress('written', 1, 1);
}

/** What the restore confirmation shows. */
export interface BackupView {
	name: string;
	exportedAt: string;
	exportedBy: string;
	counts: { studies: number; subjects: number; aes: number; signedMeetings: number; signatures: number };
	impact: { dropped: number; latest: RestoreImpact['latest'] };
}

export async function checkBackupJob(db: DoseWatchDatabase, file: Blob & { name: string }, progress: Progress): Promise<{ backup: BackupFile; view: BackupView } | { error: string }> {
	progress('reading the backup', 0, 1);
	const text = await file.text();
	progress('checking records, audit trail and signatures', 0, 1);
	const parsed = await parseBackup(file.name, text, SCHEMA_VERSION, newId);
	if (!parsed.ok) return { error: parsed.error };
	const impact = await restoreImpact(db, parsed.backup);
	const d = parsed.backup.data;
	return {
		backup: parsed.backup,
		view: {
			name: file.name,
			exportedAt: parsed.backup.exportedAt,
			exportedBy: parsed.backup.exportedBy,
			counts: {
				studies: d.studies.length,
				subjects: d.subjects.length,
				aes: d.aes.length,
				signedMeetings: d.meetings.filter((m) => m.signedAt).length,
				signatures: d.meetings.filter((m) => m.signature).length + d.adjudications.filter((a) => a.signature).length
			},
			impact: { dropped: impact.dropped.length, latest: impact.latest }
		}
	};
}

export async function restoreJob(db: DoseWatchDatabase, backup: BackupFile, who: string, at: string, confirmed: boolean, progress: Progress): Promise<void> {
	progress('writing', 0, 1);
	await restoreBackup(db, backup, who, at, { confirmed, onProgress: progress });
	progress('written', 1, 1);
}
