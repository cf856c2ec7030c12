/**
 * The study settings as their form edits them (settings page and import preview): checked field by field, with
 * each problem keyed by the id of its control. Pure.
 */
import type { DoseLevel, Drug, EscalationDesign } from '$lib/domain/types';
import type { StudySettings } from '$lib/domain/study-settings';

export interface DesignDraft {
	kind: EscalationDesign['kind'];
	/** 3+3: the standard design confirms the MTD on 6 (true); Storer's variant may declare it on 3. */
	deescalation: boolean;
	/** BOIN's target DLT rate, as typed. */
	target: string;
	elimination: boolean;
	stopAtOne: boolean;
}

export interface SettingsDraft {
	levels: (DoseLevel & { control: boolean })[];
	drugs: (Drug & { placebo: boolean })[];
	cutoff: string;
	ruleSet: string;
	windowStart: number | null;
	windowEnd: number | null;
	design: DesignDraft;
}

export function designDraft(d: EscalationDesign): DesignDraft {
	return {
		kind: d.kind,
		deescalation: d.kind === '3+3' ? d.deescalation : true,
		target: d.kind === 'boin' ? String(d.target) : '0.3',
		elimination: d.kind === 'boin' ? d.elimination : true,
		stopAtOne: d.kind === 'boin' ? d.stopWhenDeescalationImpossible : false
	};
}

export function designOf(d: DesignDraft): EscalationDesign {
	return d.kind === '3+3' ? { kind: '3+3', deescalation: d.deescalation } : { kind: 'boin', target: Number(d.target), elimination: d.elimination, stopWhenDeescalationImpossible: d.stopAtOne };
}

export function checkDesign(d: DesignDraft): Record<string, string> {
	const t = Number(d.target);
	return d.kind === 'boin' && !(d.target.trim() !== '' && t > 0 && t < 1) ? { 'design-target': 'The target DLT rate must be between 0 and 1 (e.g. 0.3)' } : {};
}

export function toSettingsDraft(s: StudySettings): SettingsDraft {
	return {
		levels: s.doseLevels.map((l) => ({ ...l, doses: l.doses.map((d) => ({ ...d })), control: Boolean(l.control) })),
		drugs: s.drugs.map((d) => ({ ...d, placebo: Boolean(d.placebo) })),
		cutoff: s.dataCutoff ?? '',
		ruleSet: s.dltRuleSet,
		windowStart: s.dltWindow.startDay,
		windowEnd: s.dltWindow.endDay,
		design: designDraft(s.design)
	};
}

const wholeDay = (n: number | null, min: number) => n !== null && Number.isInteger(n) && n >= min && n <= 365;

/** Every problem, keyed by the id of the control to fix, in the form's order. */
export function checkSettingsDraft(d: SettingsDraft, knownRuleSets: readonly string[]): Record<string, string> {
	const errors: Record<string, string> = {};
	d.levels.forEach((l, i) => {
		if (!l.label.trim()) errors[`level-${i}-label`] = `Give ${l.code} a label`;
	});
	if (d.levels.length && !d.levels.some((l) => !l.control)) errors['level-0-label'] ??= 'At least one dose level must be a level of the escalation (not a control arm)';
	d.drugs.forEach((x, i) => {
		if (!x.name.trim()) errors[`drug-${i}-name`] = `Give ${x.code} a name`;
	});
	if (d.drugs.length && !d.drugs.some((x) => !x.placebo)) errors['drug-0-name'] ??= 'At least one drug must be a study drug (not a placebo)';
	if (!knownRuleSets.includes(d.ruleSet)) errors['rule-set'] = 'Choose the DLT rule set';
	if (!wholeDay(d.windowStart, 1)) errors['window-start'] = 'The first day of the DLT window must be a whole study day from 1 to 365';
	else if (!wholeDay(d.windowEnd, d.windowStart!)) errors['window-end'] = `The last day of the DLT window must be a whole study day from ${d.windowStart} to 365`;
	Object.assign(errors, checkDesign(d.design));
	if (d.cutoff && !/^\d{4}-\d{2}-\d{2}$/.test(d.cutoff)) errors['cutoff'] = 'Give the data cut-off as a full date, or leave it blank';
	return errors;
}

/** The settings the draft describes; applySettings records who changed the window's days, when and why. */
export function settingsFromDraft(d: SettingsDraft, current: StudySettings): StudySettings {
	return {
		doseLevels: d.levels.map(({ control, ...l }) => ({ ...l, label: l.label.trim(), ...(control ? { control: true } : {}) })),
		drugs: d.drugs.map(({ placebo, ...x }) => ({ ...x, name: x.name.trim(), ...(placebo ? { placebo: true } : {}) })),
		dltRuleSet: d.ruleSet,
		dltWindow: { ...current.dltWindow, startDay: d.windowStart!, endDay: d.windowEnd! },
		design: designOf(d.design),
		dataCutoff: d.cutoff || null
	};
}
