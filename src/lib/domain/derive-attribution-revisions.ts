/**
 * The attribution revisions an edit makes: one per drug whose relatedness changed, appended to the event's
 * history. Earlier revisions are never altered or dropped. Pure: returns a new history array.
 */
import type { AdverseEvent, AttributionRevision } from './types';

export function deriveAttributionHistory(
	before: Pick<AdverseEvent, 'attribution' | 'attributionHistory'> | null,
	after: Pick<AdverseEvent, 'attribution'>,
	by: string,
	at: string,
	reason: string
): AttributionRevision[] {
	const history = [...(before?.attributionHistory ?? [])];
	const drugs = new Set([...Object.keys(before?.attribution ?? {}), ...Object.keys(after.attribution)]);
	for (const drug of drugs) {
		const from = before?.attribution[drug] ?? null;
		const to = after.attribution[drug] ?? null;
		if (from !== to) history.push({ drug, at, by, from, to, reason });
	}
	return history;
}
