/**
 * Runs once when the app starts, before any page's modules load. A study page opened directly starts reading
 * its study now, alongside the module loading and the root layout's start-up, rather than after its layout
 * mounts (issue 14: the full load). The study-review state takes this read; see `lib/state/first-read.ts`.
 */
import { base } from '$app/paths';
import { loadReviewData } from '$lib/db/meeting-queries';
import { db } from '$lib/state/db';
import { startFirstRead } from '$lib/state/first-read';

const study = /^\/study\/([^/]+)/.exec(location.pathname.slice(base.length));
if (study) {
	try {
		const studyId = decodeURIComponent(study[1]!);
		startFirstRead(studyId, () => loadReviewData(db, studyId));
	} catch {
		// A malformed address: the page reports it; nothing is read early.
	}
}
