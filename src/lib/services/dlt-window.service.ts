/** Confirms (or sets) the DLT window of a study whose protocol states none: one audited study write. */
import { confirmWindow } from '$lib/domain/dlt-window';
import { saveStudy } from '$lib/db/study-repository';
import { db } from '$lib/state/db';
import { nowIso, reviewer } from '$lib/state/app';
import type { Study } from '$lib/domain/types';

/** Null when saved; the problem in words otherwise (nothing is written then). */
export async function confirmDltWindow(study: Study, endDay: number, reason: string): Promise<string | null> {
	const at = nowIso();
	const r = confirmWindow(study.dltWindow, endDay, reviewer.name, at, reason);
	if (!r.ok) return r.error;
	try {
		await saveStudy(db, { ...study, dltWindow: r.window }, { who: reviewer.name, at, reason: `DLT window days ${r.window.startDay}–${r.window.endDay}: ${reason.trim()}` });
		return null;
	} catch (e) {
		return e instanceof Error ? e.message : String(e);
	}
}
