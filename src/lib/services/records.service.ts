/**
 * Writes to a subject's records (the subject, its doses, its AEs): each as the reviewer set in this browser,
 * now, with the reason given, in one transaction with its audit entry (the repository's). A save based on an
 * older revision is refused with EditConflictError; a full disk changes nothing and says so.
 */
import { deleteAe, deleteDose, deleteSubject, saveAe, saveDose, saveSubject } from '$lib/db/record-repository';
import { db } from '$lib/state/db';
import { nowIso, reviewer } from '$lib/state/app';
import type { AdverseEvent, DoseAdministration, Subject } from '$lib/domain/types';

export { EditConflictError } from '$lib/db/record-repository';

const ctx = (reason: string) => ({ who: reviewer.name, at: nowIso(), reason });

export const saveSubjectRecord = (subject: Subject, reason: string, isNew: boolean) => saveSubject(db, subject, ctx(reason), isNew);
export const deleteSubjectRecord = (studyId: string, usubjid: string, reason: string) => deleteSubject(db, studyId, usubjid, ctx(reason));
export const saveDoseRecord = (dose: DoseAdministration, reason: string) => saveDose(db, dose, ctx(reason));
export const deleteDoseRecord = (dose: Pick<DoseAdministration, 'studyId' | 'usubjid' | 'seq'>, reason: string) => deleteDose(db, [dose.studyId, dose.usubjid, dose.seq], ctx(reason));
export const saveAeRecord = (ae: AdverseEvent, reason: string) => saveAe(db, ae, ctx(reason));
export const deleteAeRecord = (ae: Pick<AdverseEvent, 'studyId' | 'usubjid' | 'aeseq'>, reason: string) => deleteAe(db, [ae.studyId, ae.usubjid, ae.aeseq], ctx(reason));
