/** Words for study settings, shared by the pages. */
import type { DltWindow, EscalationDesign, SubjectStatus } from '$lib/domain/types';

export function designLabel(d: EscalationDesign): string {
	if (d.kind === '3+3') return d.deescalation ? '3+3 (standard: MTD confirmed on 6)' : "3+3, Storer's variant (MTD may be declared on 3)";
	return `BOIN, target DLT rate ${d.target}`;
}

export function windowLabel(w: DltWindow): string {
	const source = w.protocol ? '' : w.confirmed ? ', confirmed by a reviewer' : ", DoseWatch's assumption (not in the protocol)";
	return `Cycle ${w.cycle}, days ${w.startDay}–${w.endDay}${source}`;
}

/** The treatment-emergent window as the overview states it; null is protocol 001's "through study completion". */
export function teaeWindowLabel(days: number | null): string {
	if (days === null) return 'from the first dose through study completion (no limit after the last dose)';
	return `from the first dose up to ${days} day${days === 1 ? '' : 's'} after the last dose`;
}

export const STATUS_LABEL: Record<SubjectStatus, string> = {
	screening: 'Screening',
	on_treatment: 'On treatment',
	completed: 'Completed',
	discontinued: 'Discontinued',
	screen_failure: 'Screen failure',
	not_treated: 'Not treated'
};

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "3 mg/kg"; cell doses as the protocol writes them: 3000000000 cells → "30×10⁸ cells". */
export function formatDose(amount: number, unit: string): string {
	if (unit === 'cells' && amount >= 1e6) {
		const exp = Math.floor(Math.log10(amount)) - 1;
		const mantissa = amount / 10 ** exp;
		const power = String(exp).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
		return `${Number.isInteger(mantissa) ? mantissa : mantissa.toFixed(1)}×10${power} cells`;
	}
	return `${amount} ${unit}`;
}
