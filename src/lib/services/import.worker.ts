/**
 * The Web Worker that runs imports and restores off the page's thread (import-job.ts), posting progress. It keeps
 * the planned import or the checked backup until the page says to write it. Cancel terminates the worker: before
 * the write nothing was written; during it, the transaction dies unfinished, so nothing is written either.
 */
import { DoseWatchDatabase } from '$lib/db/database';
import type { BackupFile } from '$lib/io/backup';
import type { ImportPlan } from '$lib/io/import-types';
import { checkBackupJob, commitJob, planJob, restoreJob, type PlanRequest } from './import-job';
import type { WorkerReply, WorkerRequest } from './import-worker-protocol';

const db = new DoseWatchDatabase();
let plan: ImportPlan | null = null;
let backup: BackupFile | null = null;
let lastPost = 0;

const post = (m: WorkerReply) => (self as unknown as Worker).postMessage(m);
const progress = (stage: string, done: number, total: number) => {
	const now = Date.now();
	if (now - lastPost < 50 && done !== 0 && done < total) return;
	lastPost = now;
	post({ type: 'progress', stage, done, total });
};

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
	const m = e.data;
	try {
		switch (m.type) {
			case 'plan': {
				const r = await planJob(db, m.request as PlanRequest, progress);
				plan = r.plan;
				post({ type: 'planned', view: r.view });
				break;
			}
			case 'commit':
				if (!plan) throw new Error('There is no checked import to write: check the files again.');
				await commitJob(db, plan, m.options, progress);
				plan = null;
				post({ type: 'done' });
				break;
			case 'check-backup': {
				const r = await checkBackupJob(db, m.file, progress);
				if ('error' in r) post({ type: 'failed', message: r.error });
				else {
					backup = r.backup;
					post({ type: 'backup-checked', view: r.view });
				}
				break;
			}
			case 'restore':
				if (!backup) throw new Error('There is no checked backup to restore: choose the file again.');
				await restoreJob(db, backup, m.who, m.at, m.confirmed, progress);
				backup = null;
				post({ type: 'done' });
				break;
		}
	} catch (err) {
		post({ type: 'failed', message: err instanceof Error ? err.message : String(err), name: err instanceof Error ? err.name : undefined });
	}
};
