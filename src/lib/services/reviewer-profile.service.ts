/** Reviewer profiles: creating one (a signing key under a passphrase), listing them, and the signer a form chose. */
import { addReviewerProfile, listReviewerProfiles } from '$lib/db/reviewer-repository';
import type { ReviewerProfile } from '$lib/domain/types';
import { db } from '$lib/state/db';
import { nowIso } from '$lib/state/app';

export const createReviewerProfile = (name: string, role: string, passphrase: string) => addReviewerProfile(db, { name, role, passphrase, at: nowIso() });
export const reviewerProfiles = () => listReviewerProfiles(db);

/** What a signature form gives: the profile chosen, the passphrase typed and the meaning picked. */
export interface SignerChoice {
	signerId: string;
	passphrase: string;
	meaning: string;
}

export async function resolveSigner(choice: SignerChoice): Promise<{ profile: ReviewerProfile; passphrase: string; meaning: string }> {
	const profile = await db.reviewers.get(choice.signerId);
	if (!profile) throw new Error('Choose who signs: their reviewer profile is not on this device.');
	if (!choice.passphrase) throw new Error(`Enter ${profile.name}'s passphrase to sign.`);
	return { profile, passphrase: choice.passphrase, meaning: choice.meaning };
}
