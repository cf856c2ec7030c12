/** The messages between the page and import.worker.ts. */
import type { BackupView, ImportPreviewView, PlanRequest } from './import-job';
import type { StudySettings } from '$lib/domain/study-settings';

export type WorkerRequest =
	| { type: 'plan'; request: PlanRequest }
	| {
			type: 'commit';
			options: { who: string; at: string; files: string[]; expectedHead?: string | null; confirmRemovals?: boolean; settings?: { settings: StudySettings; reason: string } };
	  }
	| { type: 'check-backup'; file: Blob & { name: string } }
	| { type: 'restore'; who: string; at: string; confirmed: boolean };

export type WorkerReply =
	| { type: 'progress'; stage: string; done: number; total: number }
	| { type: 'planned'; view: ImportPreviewView }
	| { type: 'backup-checked'; view: BackupView }
	| { type: 'done' }
	| { type: 'failed'; message: string; name?: string | undefined };
