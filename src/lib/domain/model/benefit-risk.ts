/**
 * The benefit–risk view per dose level (domain/benefit-risk.ts derives it; a signed meeting freezes it), and the
 * categories it names: a RECIST 1.1 response and a participant's anti-drug antibody status.
 */

/** A RECIST 1.1 overall response. */
export type ResponseCategory = 'CR' | 'PR' | 'SD' | 'NON-CR/NON-PD' | 'PD' | 'NE';

/** A participant's anti-drug antibody status by protocol 000's rule. */
export type AdaStatus = 'positive' | 'negative' | 'not_evaluable';

export interface BenefitRiskRow {
	doseLevel: string;
	/** DLTs of the evaluable participants, with those still pending. */
	dlt: { dlts: number; evaluable: number; pending: number };
	/** Participants with a graded lab result after the first dose, and how many of them reached grade 3 and 4. */
	labs: { graded: number; grade3OrWorse: number; grade4: number; terms: string[] };
	/** Participants with an ADA status, and those with an anti-drug response; null without IS in the study. */
	ada: { evaluable: number; positive: number } | null;
	/** Best overall responses; null without RS in the study. */
	response: { assessed: number; bor: Record<ResponseCategory, number>; orr: number | null; orrCi95: [number, number] | null; medianPfsDays: number | null; pfsEvents: number } | null;
	/** Each participant of the level with the same readings side by side. */
	participants: BenefitRiskParticipant[];
}

export interface BenefitRiskParticipant {
	usubjid: string;
	/** The DLT status: dlt, no_dlt, pending, not_evaluable. */
	dlt: string;
	worstLab: { grade: number; terms: string[] } | null;
	ada: AdaStatus | null;
	bor: { confirmed: ResponseCategory; unconfirmed: ResponseCategory } | null;
	/** Best percentage change in the sum of target diameters. */
	tumourChange: number | null;
}
