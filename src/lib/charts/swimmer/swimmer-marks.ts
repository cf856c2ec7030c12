/** What the swimmer's marks say: the dose shapes per drug, the DLT-call marks, and each AE's tooltip lines. Pure. */
import { RELATEDNESS_LABEL, type Drug } from '../../domain/types';
import { formatDtc } from '../../domain/partial-date';
import type { SwimmerAe } from '../swimmer';

export const DRUG_SHAPES = ['M0,-4 L4,4 L-4,4 Z', 'M0,-4 L4,0 L0,4 L-4,0 Z', 'M-3.5,-3.5 H3.5 V3.5 H-3.5 Z'];
export const shapeOf = (drugs: readonly Drug[], drug: string) => DRUG_SHAPES[Math.max(0, drugs.findIndex((d) => d.code === drug)) % DRUG_SHAPES.length]!;
export const MARK = { dlt: '★', pending: '◔', overruled: '✕' } as const;
/** Each drug's dose marks in its own colour as well as its own shape (Okabe–Ito, dark first). */
export const DRUG_COLORS = ['#1b2430', '#0072B2', '#009E73'] as const;
export const colorOf = (drugs: readonly Drug[], drug: string) => DRUG_COLORS[Math.max(0, drugs.findIndex((d) => d.code === drug)) % DRUG_COLORS.length]!;
/** The DLT-call marks drawn about 13 px across, centred on 0,0: a star (DLT); a cross (overruled). Pending is a clock face. */
export const STAR_PATH = 'M0,-6.5 L1.59,-2.18 L6.18,-2.01 L2.57,0.83 L3.82,5.26 L0,2.7 L-3.82,5.26 L-2.57,0.83 L-6.18,-2.01 L-1.59,-2.18 Z';
export const CROSS_PATH = 'M-4,-4 L4,4 M4,-4 L-4,4';
/** The colours of the DLT calls, the same on the lane's status strip. */
export const CALL_COLORS = { dlt: '#a4161a', pending: '#b36b00', overruled: '#4a5566' } as const;
export const STATUS_WORD = { dlt: 'DLT', pending: 'pending', no_dlt: 'no DLT', not_evaluable: 'not evaluable' } as const;
export const MARK_WORD = { dlt: 'DLT', pending: 'pending', overruled: 'overruled by the committee' } as const;

/** An AE's tooltip: what it is, its grade, dates, time since the last dose, attribution, the DLT call and why. */
export function aeTooltipLines(a: SwimmerAe, drugs: readonly Drug[], highlight: ReadonlyMap<string, string>): string[] {
	const ae = a.event.ae;
	const since = a.sinceLastDose
		? a.sinceLastDose.hours !== null && a.sinceLastDose.hours < 48
			? `${+a.sinceLastDose.hours.toFixed(1)} hours after the last dose`
			: `${a.sinceLastDose.days} days after the last dose`
		: 'before any dose';
	const verdict = a.event.committee
		? `Committee: ${a.event.committee.decision === 'dlt' ? 'DLT' : 'not a DLT'} (engine: ${a.event.verdict})`
		: `Engine: ${a.event.verdict === 'dlt' ? 'DLT' : a.event.verdict === 'pending' ? 'pending' : 'not a DLT'}${a.event.rule ? ` (rule ${a.event.rule})` : ''}`;
	return [
		`${ae.usubjid} AE ${ae.aeseq}: ${ae.term}`,
		`Grade ${ae.grade ?? '–'}${ae.gradeHistory.length > 1 ? ` (${ae.gradeHistory.map((g) => `G${g.grade}`).join(' → ')})` : ''}${ae.serious ? ', serious' : ''}`,
		`${formatDtc(ae.start)}${a.event.studyDay !== null ? ` (day ${a.event.studyDay})` : ''} to ${ae.end ? formatDtc(ae.end) : 'ongoing'}`,
		since,
		drugs.map((d) => `${d.code}: ${ae.attribution[d.code] ? RELATEDNESS_LABEL[ae.attribution[d.code]!].toLowerCase() : 'not assessed'}`).join('; '),
		verdict,
		...(a.event.verdict !== 'not_dlt' || a.event.committee ? [a.event.reason] : []),
		...(highlight.has(a.key) ? [`Since the last review: ${highlight.get(a.key)}`] : [])
	];
}

/** The accessible name of an AE's focus target: the first four tooltip lines, and what changed since the review. */
export function aeLabel(a: SwimmerAe, drugs: readonly Drug[], highlight: ReadonlyMap<string, string>): string {
	const lines = aeTooltipLines(a, drugs, highlight);
	return [...lines.slice(0, 4), ...(highlight.has(a.key) ? [`Since the last review: ${highlight.get(a.key)}`] : [])].join('. ');
}
