/**
 * The DLT evaluation as the headless command writes it: JSON for machines, CSV of the events for spreadsheets,
 * and a text report for a person.
 */
import { eventName, type StudyEvaluation } from '../domain/dlt/evaluate-study';
import type { EscalationDecision } from '../domain/types';
import { formatDtc } from '../domain/partial-date';
import { describeRuleSetRef } from '../domain/dlt/rule-set-versions';
import { toCsv } from './write-csv';

/** The design's answer for the next cohort, as the Escalation tab gives it (recommendationAsDecision). */
export type ReportRecommendation = EscalationDecision & { reason: string };

export function evaluationJson(ev: StudyEvaluation, preset: string, recommendation: ReportRecommendation | null = null) {
	return {
		preset,
		ruleSet: ev.ruleSet,
		ruleSetsUsed: ev.ruleSetsUsed,
		asOf: ev.asOf,
		...(recommendation ? { recommendation } : {}),
		subjects: ev.subjects.map((s) => ({
			usubjid: s.subject.usubjid,
			doseLevel: s.subject.doseLevel,
			firstDose: s.firstDose,
			windowEnd: s.windowEnd,
			status: s.status,
			reason: s.reason,
			ruleSet: s.ruleSet
		})),
		events: ev.subjects.flatMap((s) =>
			s.events.map((e) => ({
				ruleSet: { id: s.ruleSet.id, version: s.ruleSet.version },
				usubjid: e.ae.usubjid,
				aeseq: e.ae.aeseq,
				term: e.ae.term,
				grade: e.ae.grade,
				studyDay: e.studyDay,
				teae: e.teae,
				inWindow: e.inWindow,
				related: e.related,
				verdict: e.verdict,
				rule: e.rule,
				reason: e.reason,
				fatal: e.fatal,
				notClassified: e.unclassified,
				...(e.committee ? { committee: e.committee } : {})
			}))
		),
		/** Lab-defined DLT candidates: toxicity read from the counts, with the draws and the AE recorded for it if any. */
		labCandidates: ev.subjects.flatMap((s) =>
			s.labEvents.map((e) => ({
				usubjid: e.ae.usubjid,
				key: e.ae.aeseq,
				testcd: e.lab!.testcd,
				term: e.ae.term,
				grade: e.ae.grade,
				firstDraw: e.lab!.draws[0]!.date,
				recovery: e.lab!.recovery?.date ?? null,
				matchedAe: e.lab!.matchedAe?.aeseq ?? null,
				verdict: e.verdict,
				rule: e.rule,
				reason: e.reason,
				...(e.committee ? { committee: e.committee } : {})
			}))
		),
		doseLevels: ev.doseLevels.map((d) => ({
			doseLevel: d.doseLevel,
			enrolled: d.enrolled,
			evaluable: d.evaluable,
			dlts: d.dlts,
			pending: d.pending,
			decision: d.decision,
			reason: d.reason
		}))
	};
}

export function evaluationCsv(ev: StudyEvaluation): string {
	const rows = evaluationJson(ev, '').events;
	return toCsv(rows, [
		{ header: 'USUBJID', value: (r) => r.usubjid },
		{ header: 'AESEQ', value: (r) => r.aeseq },
		{ header: 'TERM', value: (r) => r.term },
		{ header: 'GRADE', value: (r) => r.grade },
		{ header: 'STUDYDAY', value: (r) => r.studyDay },
		{ header: 'TEAE', value: (r) => (r.teae ? 'Y' : 'N') },
		{ header: 'INWINDOW', value: (r) => (r.inWindow === null ? '' : r.inWindow ? 'Y' : 'N') },
		{ header: 'RELATED', value: (r) => (r.related === null ? '' : r.related ? 'Y' : 'N') },
		{ header: 'VERDICT', value: (r) => r.verdict },
		{ header: 'RULE', value: (r) => r.rule },
		{ header: 'FATAL', value: (r) => (r.fatal ? 'Y' : 'N') },
		{ header: 'REASON', value: (r) => r.reason },
		{ header: 'COMMITTEE', value: (r) => ('committee' in r && r.committee ? r.committee.decision : '') },
		{ header: 'COMMITTEE_REASON', value: (r) => ('committee' in r && r.committee ? r.committee.reason : '') },
		{ header: 'RULESET', value: (r) => `${r.ruleSet.id} v${r.ruleSet.version}` }
	]);
}

const STATUS_WORD = { dlt: 'DLT', no_dlt: 'no DLT', pending: 'pending', not_evaluable: 'not evaluable' } as const;

export function evaluationText(ev: StudyEvaluation, title: string, recommendation: ReportRecommendation | null = null): string {
	const several = ev.ruleSetsUsed.length > 1;
	const rules = several ? `Rule sets ${ev.ruleSetsUsed.map(describeRuleSetRef).join('; ')} (each subject by the version in force on their day 1)` : `Rule set ${ev.ruleSet.id} v${ev.ruleSet.version}`;
	const lines = [`DLT evaluation: ${title}`, `${rules}, data as of ${formatDtc(ev.asOf)}`, ''];
	if (recommendation) {
		const head = recommendation.kind === 'next_cohort' ? `Next cohort: ${recommendation.doseLevel}.` : recommendation.mtd ? `Stop. MTD: ${recommendation.mtd}.` : 'Stop. No acceptable dose (no MTD).';
		lines.push(`Recommendation: ${head} ${recommendation.reason}`, '');
	}
	lines.push('Dose level   Enrolled  Evaluable  DLTs  Pending  Standing');
	for (const d of ev.doseLevels) {
		lines.push(
			`${d.doseLevel.padEnd(12)} ${String(d.enrolled).padStart(8)}  ${String(d.evaluable).padStart(9)}  ${String(d.dlts).padStart(4)}  ${String(d.pending).padStart(7)}  ${d.decision}`
		);
	}
	for (const d of ev.doseLevels) {
		lines.push('', `== ${d.doseLevel}: ${d.reason}`);
		for (const s of ev.subjects.filter((x) => x.subject.doseLevel === d.doseLevel)) {
			const window = s.firstDose ? ` (day 1 ${s.firstDose}, window to ${s.windowEnd})` : '';
			lines.push(`  ${s.subject.usubjid}${window}: ${STATUS_WORD[s.status]}. ${s.reason}${several ? ` [rules ${s.ruleSet.id} v${s.ruleSet.version}]` : ''}`);
			// Fatal events are always listed, whatever their verdict.
			for (const e of s.events.filter((x) => x.verdict !== 'not_dlt' || x.committee || x.fatal)) {
				const flags = [e.fatal ? 'FATAL' : '', e.unclassified ? 'NOT CLASSIFIED' : ''].filter(Boolean).join(', ');
				lines.push(`    AE ${e.ae.aeseq} ${e.verdict.toUpperCase()}${flags ? ` [${flags}]` : ''}${e.committee ? ` (committee: ${e.committee.decision})` : ''}: ${e.reason}`);
			}
			for (const e of s.labEvents) lines.push(`    LABS ${eventName(e)} ${e.verdict.toUpperCase()}${e.committee ? ` (committee: ${e.committee.decision})` : ''}: ${e.reason}`);
		}
	}
	const unassigned = ev.subjects.filter((s) => s.subject.doseLevel === null).length;
	if (unassigned) lines.push('', `${unassigned} subject(s) at no dose level (screen failures, never treated) are not counted.`);
	return lines.join('\n') + '\n';
}
