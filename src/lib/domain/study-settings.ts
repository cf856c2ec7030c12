/**
 * The settings that decide how a study's data is read, as one value: dose levels (escalation order, labels,
 * control arms), drugs (placebo), the DLT rule set, the DLT window, the escalation design and the data cut-off.
 * The study settings page and the import preview's settings step edit the same value. Pure.
 */
import type { DltWindow, Study } from './types';

export type StudySettings = Pick<Study, 'doseLevels' | 'drugs' | 'dltRuleSet' | 'dltWindow' | 'design' | 'dataCutoff'>;

export function settingsOf(study: StudySettings): StudySettings {
	return {
		doseLevels: study.doseLevels,
		drugs: study.drugs,
		dltRuleSet: study.dltRuleSet,
		dltWindow: study.dltWindow,
		design: study.design,
		dataCutoff: study.dataCutoff
	};
}

/**
 * The window with new days. Unchanged days keep the window as it is. Days that differ from the protocol's are no
 * longer the protocol's window: the protocol's words are kept in the reading, and who set the days, when and why
 * is recorded (as for a confirmed window).
 */
export function windowWithDays(current: DltWindow, startDay: number, endDay: number, ctx: { who: string; at: string; reason: string }): DltWindow {
	if (startDay === current.startDay && endDay === current.endDay) return current;
	const said = current.protocol ? ` The protocol says: “${current.protocol}” (days ${current.startDay}–${current.endDay}).` : '';
	return {
		cycle: current.cycle,
		startDay,
		endDay,
		protocol: null,
		reading: `Cycle ${current.cycle}, study days ${startDay}–${endDay} (day 1 = first dose), set by ${ctx.who.trim()}: ${ctx.reason.trim()}.${said}`,
		confirmed: { by: ctx.who.trim(), at: ctx.at, reason: ctx.reason.trim() }
	};
}

/**
 * The study with new settings. A window whose days changed is no longer the protocol's or DoseWatch's assumption:
 * who set the days, when and why is kept (windowWithDays). `ctx.reason` is the change's reason.
 */
export function applySettings<S extends StudySettings>(study: S, settings: StudySettings, ctx: { who: string; at: string; reason: string }): S {
	return { ...study, ...settings, dltWindow: windowWithDays(study.dltWindow, settings.dltWindow.startDay, settings.dltWindow.endDay, ctx) };
}
