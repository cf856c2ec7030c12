/**
 * The date a study is read as of: its data cut-off when set; otherwise the last complete date recorded in its
 * data (a dose or an AE start or end), which is what a reviewer means by "as of the extract"; otherwise today.
 * Today is passed in: domain code never reads the clock.
 */
import { datePart } from './partial-date';
import type { AdverseEvent, DoseAdministration, Study } from './types';

export function computeAsOf(
	study: Pick<Study, 'dataCutoff'>,
	doses: readonly Pick<DoseAdministration, 'start' | 'end'>[],
	aes: readonly Pick<AdverseEvent, 'start' | 'end'>[],
	today: string
): { asOf: string; source: 'cutoff' | 'data' | 'today' } {
	if (study.dataCutoff) return { asOf: study.dataCutoff, source: 'cutoff' };
	let latest: string | null = null;
	for (const r of [...doses, ...aes]) {
		for (const d of [datePart(r.start), datePart(r.end)]) if (d && (latest === null || d > latest)) latest = d;
	}
	return latest ? { asOf: latest, source: 'data' } : { asOf: today, source: 'today' };
}
