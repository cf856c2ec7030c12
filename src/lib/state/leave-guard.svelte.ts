/**
 * Warns before unsaved edits are lost: leaving for another page of the app asks first, and closing or reloading
 * the tab brings the browser's own warning. Call while a component initialises.
 */
import { beforeNavigate } from '$app/navigation';

let allowed = false;

/** The next navigation leaves without asking: the person already confirmed (deleting the draft, say). */
export function allowNextLeave(): void {
	allowed = true;
}

export function guardUnsavedChanges(isDirty: () => boolean, what: string): void {
	beforeNavigate((nav) => {
		if (allowed) {
			allowed = false;
			return;
		}
		if (nav.type === 'leave' || !isDirty()) return;
		if (!confirm(`${what} has unsaved changes. Leave this page and lose them?`)) nav.cancel();
	});
	$effect(() => {
		if (!isDirty()) return;
		const warn = (e: BeforeUnloadEvent) => {
			e.preventDefault();
			e.returnValue = '';
		};
		window.addEventListener('beforeunload', warn);
		return () => window.removeEventListener('beforeunload', warn);
	});
}
