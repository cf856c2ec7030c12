/**
 * Writes to safety review meetings: start, save a draft, defer a candidate, sign, delete a draft. Each as the
 * reviewer set in this browser, now, in one audited transaction; a stale draft or a signed meeting is refused
 * with the reason in words.
 */
import { createMeeting, deferCandidate, deleteMeetingDraft, signMeeting, updateMeeting, type MeetingDraft } from '$lib/db/meeting-repository';
import { db } from '$lib/state/db';
import { nowIso, reviewer } from '$lib/state/app';

export type { MeetingDraft };

export const startMeeting = (draft: MeetingDraft) => createMeeting(db, draft, reviewer.name, nowIso());
export const saveMeetingDraft = (id: number, draft: MeetingDraft, baseRev: number) => updateMeeting(db, id, draft, baseRev, reviewer.name, nowIso());
export const deferMeetingCandidate = (id: number, key: string, reason: string) => deferCandidate(db, id, key, reason, reviewer.name, nowIso());
export const signMeetingRecord = (id: number, baseRev: number) => signMeeting(db, id, baseRev, reviewer.name, nowIso());
export const deleteMeeting = (id: number) => deleteMeetingDraft(db, id, reviewer.name, nowIso());
