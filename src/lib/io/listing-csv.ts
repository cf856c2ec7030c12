/** The AE listing as CSV, exactly the rows and order on screen; text is neutralised against formulas. */
import type { AeVerdict } from '../domain/model/rule-set';
import { aeKey } from '../domain/model/adverse-event';
import type { AeRow } from '../domain/ae-listing';
import type { Drug } from '../domain/types';
import { describeChange, type AeChange } from '../domain/review-changes';
import { toCsv } from './write-csv';

function sinceLastReview(changes: ReadonlyMap<string, AeChange>, r: AeRow): string {
	const c = changes.get(aeKey(r.ae));
	return c ? describeChange(c) : '';
}

/** With `changes` (what is new since the last signed review), a SINCE_LAST_REVIEW column says what changed. */
export function aeListingCsv(
	rows: readonly AeRow[],
	drugs: readonly Drug[],
	changes: ReadonlyMap<string, AeChange> | null = null,
	verdicts: ReadonlyMap<string, AeVerdict> | null = null
): string {
	return toCsv(rows, [
		{ header: 'USUBJID', value: (r) => r.ae.usubjid },
		{ header: 'AESEQ', value: (r) => r.ae.aeseq },
		{ header: 'DOSE_LEVEL', value: (r) => r.doseLevel },
		{ header: 'AETERM', value: (r) => r.ae.verbatim },
		{ header: 'AEDECOD', value: (r) => r.ae.term },
		{ header: 'AEBODSYS', value: (r) => r.ae.soc },
		{ header: 'GRADE', value: (r) => r.ae.grade },
		{ header: 'GRADE_FROM_SEVERITY', value: (r) => (r.ae.gradeDerived ? 'Y' : 'N') },
		{ header: 'AESTDTC', value: (r) => r.ae.start },
		{ header: 'STUDY_DAY', value: (r) => r.studyDay },
		{ header: 'AEENDTC', value: (r) => r.ae.end },
		{ header: 'TEAE', value: (r) => (r.teae ? 'Y' : 'N') },
		...(verdicts ? [{ header: 'DLT_VERDICT', value: (r: AeRow) => verdicts.get(aeKey(r.ae)) ?? '' }] : []),
		{ header: 'AESER', value: (r) => (r.ae.serious === null ? '' : r.ae.serious ? 'Y' : 'N') },
		...drugs.map((d) => ({ header: `REL_${d.code}`, value: (r: AeRow) => r.ae.attribution[d.code] ?? '' })),
		{ header: 'AECONTRT', value: (r) => (r.ae.treated === null ? '' : r.ae.treated ? 'Y' : 'N') },
		{ header: 'AEOUT', value: (r) => r.ae.outcome },
		...(changes
			? [{ header: 'SINCE_LAST_REVIEW', value: (r: AeRow) => sinceLastReview(changes, r) }]
			: [])
	]);
}
