/** Ids for new studies. */

export function newStudyId(): string {
	return `study-${crypto.randomUUID().slice(0, 8)}`;
}
