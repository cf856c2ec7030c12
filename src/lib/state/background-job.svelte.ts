/**
 * Imports and restores as the page sees them: run in a Web Worker (services/import.worker.ts), with progress, and
 * a Cancel that stops the worker. One job at a time; while one runs, `running` is true and the page disables its
 * buttons.
 */
import type { BackupView, ImportPreviewView, PlanRequest } from '$lib/services/import-job';
import type { WorkerReply, WorkerRequest } from '$lib/services/import-worker-protocol';

export class CancelledError extends Error {
	constructor() {
		super('Cancelled: nothing was written.');
		this.name = 'CancelledError';
	}
}

/** An error from the worker, keeping the name of the error it threw (RemovalNotConfirmedError, StalePreviewError…). */
export class JobError extends Error {
	constructor(message: string, name?: string) {
		super(message);
		this.name = name ?? 'JobError';
	}
}

export class BackgroundJob {
	running = $state(false);
	stage = $state('');
	done = $state(0);
	total = $state(0);
	#worker: Worker | null = null;
	#settle: ((r: WorkerReply) => void) | null = null;
	#reject: ((e: Error) => void) | null = null;

	get percent(): number | null {
		return this.total > 1 ? Math.round((100 * this.done) / this.total) : null;
	}

	#ensureWorker(): Worker {
		if (!this.#worker) {
			this.#worker = new Worker(new URL('../services/import.worker.ts', import.meta.url), { type: 'module' });
			this.#worker.onmessage = (e: MessageEvent<WorkerReply>) => {
				const m = e.data;
				if (m.type === 'progress') {
					this.stage = m.stage;
					this.done = m.done;
					this.total = m.total;
					return;
				}
				const settle = this.#settle;
				const reject = this.#reject;
				this.#settle = this.#reject = null;
				this.running = false;
				if (m.type === 'failed') reject?.(new JobError(m.message, m.name));
				else settle?.(m);
			};
			this.#worker.onerror = (e) => {
				const reject = this.#reject;
				this.#settle = this.#reject = null;
				this.running = false;
				reject?.(new JobError(`The background task failed: ${e.message || 'unknown error'}. Nothing was written.`));
			};
		}
		return this.#worker;
	}

	#send(request: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
		if (this.running) return Promise.reject(new JobError('Another import or restore is running: wait for it or cancel it.'));
		const worker = this.#ensureWorker();
		this.running = true;
		this.stage = 'starting';
		this.done = this.total = 0;
		return new Promise((resolve, reject) => {
			this.#settle = resolve;
			this.#reject = reject;
			worker.postMessage(request, transfer);
		});
	}

	async plan(request: PlanRequest): Promise<ImportPreviewView> {
		const r = await this.#send({ type: 'plan', request });
		if (r.type !== 'planned') throw new JobError('Unexpected answer from the import worker.');
		return r.view;
	}

	async commit(options: Extract<WorkerRequest, { type: 'commit' }>['options']): Promise<void> {
		await this.#send({ type: 'commit', options });
	}

	async checkBackup(file: File): Promise<BackupView> {
		const r = await this.#send({ type: 'check-backup', file });
		if (r.type !== 'backup-checked') throw new JobError('Unexpected answer from the import worker.');
		return r.view;
	}

	async restore(who: string, at: string, confirmed: boolean): Promise<void> {
		await this.#send({ type: 'restore', who, at, confirmed });
	}

	/** Stops the worker. A plan or a check is dropped; a write in progress dies with its transaction, unwritten. */
	cancel(): void {
		this.#worker?.terminate();
		this.#worker = null;
		const reject = this.#reject;
		this.#settle = this.#reject = null;
		this.running = false;
		this.stage = '';
		reject?.(new CancelledError());
	}

	dispose(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}
