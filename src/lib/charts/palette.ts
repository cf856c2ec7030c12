/**
 * Colours the charts share. CTCAE grades 1–5 use ColorBrewer YlOrRd (sequential, lightness rises with grade so
 * colour-blind readers and greyscale prints still order them); categorical series use the Okabe–Ito palette.
 * Every colour is also said in words (legend, tooltip, table alternative).
 */
export const GRADE_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c', '#800026'] as const;
/** Text colour that stays readable on each grade colour. */
export const GRADE_INK = ['#000', '#000', '#000', '#fff', '#fff'] as const;
export const UNGRADED = '#c8ced6';

export function gradeColor(grade: number | null): string {
	return grade && grade >= 1 && grade <= 5 ? GRADE_COLORS[grade - 1]! : UNGRADED;
}

/** Okabe–Ito, for categories such as relatedness or subject status. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export const STATUS_COLORS = {
	dlt: '#D55E00',
	no_dlt: '#009E73',
	pending: '#E69F00',
	not_evaluable: '#999999'
} as const;

export const RELATEDNESS_COLORS = {
	not_related: '#56B4E9',
	unlikely: '#0072B2',
	possible: '#E69F00',
	probable: '#D55E00',
	definite: '#CC79A7',
	unassessed: '#bbbbbb'
} as const;
