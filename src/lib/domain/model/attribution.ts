/** How related an adverse event is to each study drug, and every revision of that call. */

/** Attribution categories, weakest first. The order matters: rules compare by index. */
export const RELATEDNESS = ['not_related', 'unlikely', 'possible', 'probable', 'definite'] as const;
export type Relatedness = (typeof RELATEDNESS)[number];

export const RELATEDNESS_LABEL: Record<Relatedness, string> = {
	not_related: 'Not related',
	unlikely: 'Unlikely',
	possible: 'Possible',
	probable: 'Probable',
	definite: 'Definite'
};

export interface AttributionRevision {
	drug: string;
	at: string;
	by: string;
	from: Relatedness | null;
	to: Relatedness | null;
	/** The wording as recorded, for imported values ("PROBABLE", "Y"). */
	recorded?: string;
	reason: string;
}
