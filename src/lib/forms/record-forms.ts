/**
 * Validation of the hand-entry forms for subjects, doses and AEs. The forms hold strings; these functions turn
 * them into records or name every field that is wrong, in words. Pure and unit-tested; the components render.
 */
import { isGrade } from '../domain/compute-grade';
import { compareDtc, isCertainlyBefore, isCompleteDate, parseDtc } from '../domain/partial-date';
import {
	RELATEDNESS,
	attributedDrugs,
	SUBJECT_STATUSES,
	type AdverseEvent,
	type DoseAdministration,
	type GradeChange,
	type Relatedness,
	type SeriousCriterion,
	type Study,
	type Subject,
	type SubjectStatus
} from '../domain/types';

export type FieldErrors = Record<string, string>;
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function dateField(errors: FieldErrors, field: string, label: string, text: string, opts: { required: boolean; complete: boolean }) {
	const t = text.trim();
	if (t === '') {
		if (opts.required) errors[field] = `${label} is required`;
		return null;
	}
	const p = parseDtc(t);
	if (!p.ok) {
		errors[field] = `${label}: ${p.error}`;
		return null;
	}
	if (opts.complete && p.value.day === null) {
		errors[field] = `${label} must be a full date (YYYY-MM-DD, optionally with THH:MM)`;
		return null;
	}
	return t;
}

function intField(errors: FieldErrors, field: string, label: string, text: string, min: number, max: number) {
	const t = text.trim();
	if (t === '') return null;
	const n = Number(t);
	if (!Number.isInteger(n) || n < min || n > max) {
		errors[field] = `${label} must be a whole number from ${min} to ${max}`;
		return null;
	}
	return n;
}

function done<T>(errors: FieldErrors, value: () => T): FormResult<T> {
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: value() };
}

// ---------------------------------------------------------------- subject

export interface SubjectFormValues {
	usubjid: string;
	doseLevel: string;
	site: string;
	sex: string;
	age: string;
	enrolled: string;
	status: string;
	/** Date the subject left the study early (DS), and why. */
	leftOn: string;
	leftWhy: string;
}

export function subjectFormValues(s: Subject | null): SubjectFormValues {
	return {
		usubjid: s?.usubjid ?? '',
		doseLevel: s?.doseLevel ?? '',
		site: s?.site ?? '',
		sex: s?.sex ?? '',
		age: s?.age === null || s?.age === undefined ? '' : String(s.age),
		enrolled: s?.enrolled ?? '',
		status: s?.status ?? 'on_treatment',
		leftOn: s?.discontinued?.date ?? '',
		leftWhy: s?.discontinued?.reason ?? ''
	};
}

export function toSubject(v: SubjectFormValues, study: Study, existing: Subject | null): FormResult<Subject> {
	const errors: FieldErrors = {};
	const usubjid = v.usubjid.trim();
	if (usubjid === '') errors.usubjid = 'Subject ID (USUBJID) is required';
	if (v.doseLevel && !study.doseLevels.some((l) => l.code === v.doseLevel))
		errors.doseLevel = `Dose level ${v.doseLevel} is not one of this study's levels`;
	if (!['', 'F', 'M', 'U'].includes(v.sex)) errors.sex = 'Sex must be F, M or U';
	const age = intField(errors, 'age', 'Age', v.age, 0, 120);
	const enrolled = dateField(errors, 'enrolled', 'Enrolment date', v.enrolled, { required: false, complete: false });
	if (!(SUBJECT_STATUSES as readonly string[]).includes(v.status)) errors.status = 'Choose a status';
	const leftOn = dateField(errors, 'leftOn', 'Left the study on', v.leftOn, { required: false, complete: false });
	if (!leftOn && v.leftWhy.trim()) errors.leftOn = 'Give the date the subject left the study, or clear the reason';
	return done(errors, () => ({
		...(existing ?? { refStart: null }),
		studyId: study.id,
		usubjid,
		doseLevel: v.doseLevel || null,
		site: v.site.trim(),
		sex: v.sex as Subject['sex'],
		age,
		enrolled,
		status: v.status as SubjectStatus,
		discontinued: leftOn ? { date: leftOn, reason: v.leftWhy.trim() } : null
	}));
}

// ---------------------------------------------------------------- dose

export interface DoseFormValues {
	drug: string;
	start: string;
	end: string;
	dose: string;
	unit: string;
	cycle: string;
	day: string;
}

export function doseFormValues(d: DoseAdministration | null, study: Study, doseLevel: string | null): DoseFormValues {
	const drug = d?.drug ?? study.drugs[0]?.code ?? '';
	const planned = study.doseLevels.find((l) => l.code === doseLevel)?.doses.find((x) => x.drug === drug);
	return {
		drug,
		start: d?.start ?? '',
		end: d?.end ?? '',
		dose: d ? String(d.dose) : planned ? String(planned.amount) : '',
		unit: d?.unit ?? planned?.unit ?? '',
		cycle: d?.cycle === null || d?.cycle === undefined ? '' : String(d.cycle),
		day: d?.day === null || d?.day === undefined ? '' : String(d.day)
	};
}

export function toDose(v: DoseFormValues, study: Study, usubjid: string, existing: DoseAdministration | null): FormResult<DoseAdministration> {
	const errors: FieldErrors = {};
	if (!study.drugs.some((d) => d.code === v.drug)) errors.drug = 'Choose the drug given';
	const start = dateField(errors, 'start', 'Start', v.start, { required: true, complete: true });
	const end = dateField(errors, 'end', 'End', v.end, { required: false, complete: true });
	if (start && end && isCertainlyBefore(end, start)) errors.end = `End ${end} is before start ${start}`;
	const dose = Number(v.dose);
	if (v.dose.trim() === '' || !Number.isFinite(dose) || dose < 0) errors.dose = 'Dose must be a number ≥ 0';
	if (v.unit.trim() === '') errors.unit = 'Unit is required (mg/kg, mg, cells…)';
	const cycle = intField(errors, 'cycle', 'Cycle', v.cycle, 1, 999);
	const day = intField(errors, 'day', 'Cycle day', v.day, 1, 366);
	return done(errors, () => ({
		...(existing ?? {}),
		studyId: study.id,
		usubjid,
		seq: existing?.seq ?? 0,
		drug: v.drug,
		start: start!,
		end,
		dose,
		unit: v.unit.trim(),
		cycle,
		day
	}));
}

// ---------------------------------------------------------------- adverse event

export interface GradeChangeValues {
	grade: string;
	from: string;
}

export interface AeFormValues {
	verbatim: string;
	term: string;
	soc: string;
	grade: string;
	gradeHistory: GradeChangeValues[];
	start: string;
	end: string;
	serious: string;
	seriousCriteria: SeriousCriterion[];
	attribution: Record<string, string>;
	action: string;
	outcome: string;
	treated: string;
	notes: string;
}

const yn = (b: boolean | null) => (b === null ? '' : b ? 'Y' : 'N');

export function aeFormValues(ae: AdverseEvent | null, study: Study): AeFormValues {
	return {
		verbatim: ae?.verbatim ?? '',
		term: ae?.term ?? '',
		soc: ae?.soc ?? '',
		grade: ae?.grade ? String(ae.grade) : '',
		gradeHistory: (ae?.gradeHistory ?? []).map((g) => ({ grade: String(g.grade), from: g.from })),
		start: ae?.start ?? '',
		end: ae?.end ?? '',
		serious: yn(ae?.serious ?? null),
		seriousCriteria: [...(ae?.seriousCriteria ?? [])],
		attribution: Object.fromEntries(attributedDrugs(study).map((d) => [d.code, ae?.attribution[d.code] ?? ''])),
		action: ae?.action ?? '',
		outcome: ae?.outcome ?? '',
		treated: yn(ae?.treated ?? null),
		notes: ae?.notes ?? ''
	};
}

export function toAdverseEvent(
	v: AeFormValues,
	study: Study,
	usubjid: string,
	existing: AdverseEvent | null
): FormResult<AdverseEvent> {
	const errors: FieldErrors = {};
	if (v.verbatim.trim() === '') errors.verbatim = 'Verbatim term (as reported) is required';
	if (v.term.trim() === '') errors.term = 'CTCAE term is required: type to search the CTCAE v5.0 list';
	if (v.soc.trim() === '') errors.soc = 'System organ class is required (filled in when you pick a CTCAE term)';
	const grade = Number(v.grade);
	if (!isGrade(grade)) errors.grade = 'Grade must be 1 to 5';
	const start = dateField(errors, 'start', 'Onset', v.start, { required: true, complete: false });
	const end = dateField(errors, 'end', 'Resolution', v.end, { required: false, complete: false });
	if (start && end && isCertainlyBefore(end, start)) errors.end = `Resolution ${end} is before onset ${start}`;
	if (!['', 'Y', 'N'].includes(v.serious)) errors.serious = 'Serious must be yes, no or not recorded';
	if (v.serious === 'Y' && v.seriousCriteria.length === 0) errors.seriousCriteria = 'A serious AE needs at least one seriousness criterion';
	if (!['', 'Y', 'N'].includes(v.treated)) errors.treated = 'Treatment given must be yes, no or not recorded';

	const attribution: Record<string, Relatedness | null> = {};
	for (const d of attributedDrugs(study)) {
		const r = v.attribution[d.code] ?? '';
		if (r !== '' && !(RELATEDNESS as readonly string[]).includes(r)) errors[`attribution.${d.code}`] = `Choose the relatedness to ${d.name}`;
		attribution[d.code] = r === '' ? null : (r as Relatedness);
	}

	let history: GradeChange[] = [];
	v.gradeHistory.forEach((h, i) => {
		const g = Number(h.grade);
		if (!isGrade(g)) errors[`gradeHistory.${i}.grade`] = `Grade change ${i + 1}: grade must be 1 to 5`;
		const from = dateField(errors, `gradeHistory.${i}.from`, `Grade change ${i + 1} date`, h.from, { required: true, complete: true });
		if (isGrade(g) && from) history.push({ grade: g, from });
	});
	if (history.length === v.gradeHistory.length && history.length > 0) {
		for (let i = 1; i < history.length; i++) {
			if (compareDtc(history[i]!.from, history[i - 1]!.from) < 0)
				errors[`gradeHistory.${i}.from`] = `Grade change ${i + 1} is dated before grade change ${i}`;
		}
		const worst = Math.max(...history.map((h) => h.grade));
		if (isGrade(grade) && worst !== grade)
			errors.gradeHistory = `The worst grade in the history (${worst}) must equal the event's grade (${grade})`;
		if (start && isCompleteDate(start) && isCertainlyBefore(history[0]!.from, start.slice(0, 10)))
			errors['gradeHistory.0.from'] = `The first grade change is before the onset ${start}`;
	}
	if (history.length === 0 && isGrade(grade) && start && isCompleteDate(start)) history = [{ grade, from: start }];

	return done(errors, () => ({
		...(existing ?? { attributionHistory: [], rev: 0, gradeDerived: false }),
		studyId: study.id,
		usubjid,
		aeseq: existing?.aeseq ?? 0,
		verbatim: v.verbatim.trim(),
		term: v.term.trim(),
		soc: v.soc.trim(),
		grade: grade as AdverseEvent['grade'],
		// A grade entered or confirmed by hand is a recorded CTCAE grade.
		gradeDerived: existing !== null && existing.gradeDerived && existing.grade === grade,
		gradeHistory: history,
		start,
		end,
		serious: v.serious === '' ? null : v.serious === 'Y',
		seriousCriteria: v.serious === 'Y' ? [...v.seriousCriteria] : [],
		attribution,
		action: v.action.trim(),
		outcome: v.outcome,
		treated: v.treated === '' ? null : v.treated === 'Y',
		notes: v.notes.trim()
	}));
}
