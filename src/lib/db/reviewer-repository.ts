/** Reviewer profiles on this device: who can sign. Adding one is audited in the database-wide chain. */
import type { ReviewerProfile } from '../domain/types';
import { createProfile } from '../io/signatures';
import type { DoseWatchDatabase } from './database';
import { appendAudit } from './audit-repository';
import { newId } from './ids';
import { withStorageErrors } from './storage-errors';

export async function addReviewerProfile(db: DoseWatchDatabase, input: { name: string; role: string; passphrase: string; at: string; iterations?: number }): Promise<ReviewerProfile> {
	const existing = await db.reviewers.toArray();
	if (existing.some((p) => p.name.toLowerCase() === input.name.trim().toLowerCase()))
		throw new Error(`There is already a profile for ${input.name.trim()} on this device.`);
	const profile = await createProfile({ ...input, id: newId() });
	await withStorageErrors(() =>
		db.transaction('rw', [db.reviewers, db.auditTrail], async () => {
			await db.reviewers.add(profile);
			const { wrappedKey: _secret, salt: _s, iv: _iv, ...shown } = profile;
			await appendAudit(db, { at: input.at, who: profile.name, studyId: null, entity: 'reviewer', key: profile.name, action: 'create', before: null, after: shown, reason: 'Reviewer profile created with a signing key' });
		})
	);
	return profile;
}

export async function listReviewerProfiles(db: DoseWatchDatabase): Promise<ReviewerProfile[]> {
	return (await db.reviewers.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}
