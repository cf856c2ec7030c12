/**
 * Writes to safety review meetings: start, save a draft, defer a candidate, sign, delete a draft. Each as the
 * reviewer set in this browser, now, in one audited transaction; a stale draft or a signed meeting is refused
 * with the reason in words.
 */
import { createMeeting, deferCandidate, deleteMeetingDraft, signMeeting, updateMeeting, type MeetingDraft } from '$lib/db/meeting-repository';
import { db } from '$lib/state/db';
import { nowIso, reviewer } from '$lib/state/app';
import { resolveSigner, type SignerChoice } from './reviewer-profile.service';

export type { MeetingDraft };

export const startMeeting = (draft: MeetingDraft) => createMeeting(db, draft, reviewer.name, nowIso());
export const saveMeetingDraft = (id: string, draft: MeetingDraft, baseRev: number) => updateMeeting(db, id, draft, baseRev, reviewer.name, nowIso());
export const deferMeetingCandidate = (id: string, key: string, reason: string) => deferCandidate(db, id, key, reason, reviewer.name, nowIso());
export const signMeetingRecord = async (id: string, baseRev: number, choice: SignerChoice) => signMeeting(db, id, baseRev, await resolveSigner(choice), nowIso());
export const deleteMeeting = (id: string) => deleteMeetingDraft(db, id, reviewer.name, nowIso());
