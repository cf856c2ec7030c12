/** Who is reviewing on this device: every change in the audit trail carries this name. */
import { readSettings, writeSetting } from '$lib/db/settings';
import type { DoseWatchDatabase } from '$lib/db/database';

export class Reviewer {
	#name = $state('');
	#loaded = $state(false);

	constructor(private readonly db: DoseWatchDatabase) {}

	get name() {
		return this.#name;
	}
	get loaded() {
		return this.#loaded;
	}

	async load() {
		this.#name = (await readSettings(this.db)).reviewer;
		this.#loaded = true;
	}

	async set(name: string) {
		const trimmed = name.trim();
		await writeSetting(this.db, 'reviewer', trimmed);
		this.#name = trimmed;
	}
}
