/**
 * Runs once when the app starts, before any page's modules load. A study page opened directly starts reading
 * its study now, alongside the module loading and the root layout's start-up, rather than after its layout
 * mounts (issue 14: the full load). The study-review state takes this read; see `lib/state/first-read.ts`.
 * The reader is imported here, not at the top: other pages do not load the study's code to start.
 */
import { base } from '$app/paths';

const study = /^\/study\/([^/]+)/.exec(location.pathname.slice(base.length));
let studyId: string | null = null;
try {
	studyId = study ? decodeURIComponent(study[1]!) : null;
} catch {
	// A malformed address: the page reports it; nothing is read early.
}
if (studyId) {
	const id = studyId;
	void import('$lib/state/study-first-read').then((m) => m.startStudyRead(id)).catch(() => undefined);
}
