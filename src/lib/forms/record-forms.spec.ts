import { describe, expect, it } from 'vitest';
import { createStudyFromPreset, findPreset } from '../presets/study-presets';
import { aeFormValues, doseFormValues, subjectFormValues, toAdverseEvent, toDose, toSubject, type AeFormValues } from './record-forms';

const study = createStudyFromPreset(findPreset('bat4706-bat1308')!, { id: 's', now: 't', isDemo: false });

const validAe = (): AeFormValues => ({
	...aeFormValues(null, study),
	verbatim: 'low neutrophils',
	term: 'Neutrophil count decreased',
	soc: 'Investigations',
	grade: '4',
	start: '2026-03-10',
	attribution: { BAT4706: 'probable', BAT1308: 'possible' }
});

describe('AE form', () => {
	it('turns valid values into an AE, with a one-step grade history from the onset', () => {
		const r = toAdverseEvent(validAe(), study, 'S-1', null);
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.value).toMatchObject({ grade: 4, gradeHistory: [{ grade: 4, from: '2026-03-10' }], serious: null, treated: null });
			expect(r.value.attribution).toEqual({ BAT4706: 'probable', BAT1308: 'possible' });
		}
	});

	it.each([
		['verbatim', { verbatim: ' ' }, /Verbatim term/],
		['term', { term: '' }, /CTCAE term is required/],
		['grade', { grade: '7' }, /Grade must be 1 to 5/],
		['start', { start: '2026-13-01' }, /Onset: .*no month 13/],
		['start', { start: '' }, /Onset is required/],
		['end', { end: '2026-03-01' }, /Resolution 2026-03-01 is before onset 2026-03-10/],
		['seriousCriteria', { serious: 'Y' }, /at least one seriousness criterion/],
		['attribution.BAT4706', { attribution: { BAT4706: 'maybe', BAT1308: '' } }, /relatedness to BAT4706 Injection/],
		['gradeHistory', { gradeHistory: [{ grade: '3', from: '2026-03-10' }] }, /worst grade in the history \(3\) must equal the event's grade \(4\)/],
		['gradeHistory.1.from', { gradeHistory: [{ grade: '3', from: '2026-03-12' }, { grade: '4', from: '2026-03-11' }] }, /dated before grade change 1/],
		['gradeHistory.0.from', { gradeHistory: [{ grade: '4', from: '2026-03-09' }] }, /before the onset/],
		['gradeHistory.0.from', { gradeHistory: [{ grade: '4', from: '2026-03' }] }, /must be a full date/]
	] as const)('names the field %s when it is wrong', (field, change, message) => {
		const r = toAdverseEvent({ ...validAe(), ...change } as AeFormValues, study, 'S-1', null);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[field]).toMatch(message);
	});

	it('keeps a partial onset date as entered', () => {
		const r = toAdverseEvent({ ...validAe(), start: '2026-03' }, study, 'S-1', null);
		expect(r.ok && r.value.start).toBe('2026-03');
		expect(r.ok && r.value.gradeHistory).toEqual([]);
	});

	it('round-trips an existing AE through the form unchanged, keeping its key and revision', () => {
		const first = toAdverseEvent(validAe(), study, 'S-1', null);
		if (!first.ok) throw new Error('setup');
		const stored = { ...first.value, aeseq: 3, rev: 2 };
		const again = toAdverseEvent(aeFormValues(stored, study), study, 'S-1', stored);
		expect(again).toEqual({ ok: true, value: stored });
	});
});

describe('subject and dose forms', () => {
	it.each([
		['usubjid', { usubjid: '' }, /USUBJID\) is required/],
		['doseLevel', { doseLevel: 'DL9' }, /DL9 is not one of this study's levels/],
		['age', { age: '130' }, /Age must be a whole number from 0 to 120/],
		['enrolled', { enrolled: '2026-02-30' }, /Enrolment date: .*not a calendar date/],
		['leftOn', { leftOn: '2026-13-01' }, /Left the study on: .*no month 13/],
		['leftOn', { leftWhy: 'Withdrawal by subject' }, /Give the date the subject left the study/]
	] as const)('subject: names %s', (field, change, message) => {
		const r = toSubject({ ...subjectFormValues(null), usubjid: 'S-1', ...change }, study, null);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[field]).toMatch(message);
	});

	it('subject: an early discontinuation round-trips through the form, and clearing the date removes it', () => {
		const r = toSubject({ ...subjectFormValues(null), usubjid: 'S-1', leftOn: '2026-03-11', leftWhy: 'Withdrawal by subject' }, study, null);
		expect(r.ok && r.value.discontinued).toEqual({ date: '2026-03-11', reason: 'Withdrawal by subject' });
		if (!r.ok) return;
		expect(subjectFormValues(r.value)).toMatchObject({ leftOn: '2026-03-11', leftWhy: 'Withdrawal by subject' });
		const cleared = toSubject({ ...subjectFormValues(r.value), leftOn: '', leftWhy: '' }, study, r.value);
		expect(cleared.ok && cleared.value.discontinued).toBeNull();
	});

	it('dose: prefills the planned dose of the subject level and drug', () => {
		expect(doseFormValues(null, study, 'DL3')).toMatchObject({ drug: 'BAT4706', dose: '1', unit: 'mg/kg' });
	});

	it.each([
		['start', { start: '2026-03' }, /Start must be a full date/],
		['end', { start: '2026-03-10T10:00', end: '2026-03-10T09:00' }, /End .* is before start/],
		['dose', { dose: '-1' }, /Dose must be a number ≥ 0/],
		['drug', { drug: 'ASPIRIN' }, /Choose the drug given/],
		['cycle', { cycle: '0' }, /Cycle must be a whole number/]
	] as const)('dose: names %s', (field, change, message) => {
		const r = toDose({ ...doseFormValues(null, study, 'DL1'), start: '2026-03-10T09:00', ...change }, study, 'S-1', null);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[field]).toMatch(message);
	});
});
