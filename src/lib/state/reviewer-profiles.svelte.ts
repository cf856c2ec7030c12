/** The reviewer profiles on this device, live: signature forms list them. */
import type { ReviewerProfile } from '$lib/domain/types';
import { db } from './db';
import { useLiveQuery, type LiveState } from './live-query.svelte';

export function useReviewerProfiles(): LiveState<ReviewerProfile[]> {
	return useLiveQuery(async () => (await db.reviewers.toArray()).sort((a, b) => a.name.localeCompare(b.name)));
}
