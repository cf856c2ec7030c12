/**
 * The study-review state every tab shares: one read of the study, one as-of (the URL's, else the default), one
 * evaluation that tabs reuse and that follows writes to the database.
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { inRoot, reactive } from '../../../test/unit/runes-root.svelte';
import { seededDatabase } from '../../../test/unit/helpers';
import { computeAsOf } from '$lib/domain/compute-as-of';
import { computeCommitteeDecisions } from '$lib/domain/dlt/compute-committee-decisions';
import { evaluateStudy } from '$lib/domain/dlt/evaluate-study';
import { saveAe } from '$lib/db/record-repository';
import { buildAeRows } from '$lib/domain/ae-listing';
import { groupByDoseLevel, summarizeSubjects } from '$lib/domain/summarize-subjects';
import { StudyReview } from './study-review.svelte';

async function open(asOf: string | null = null) {
	const db = await seededDatabase(`review-${Math.random()}`);
	const param = reactive<string | null>(asOf);
	const root = inRoot(() => new StudyReview({ db, studyId: () => 'tst', asOfParam: () => param.value, today: () => '2026-11-30' }));
	await expect.poll(() => (flushSync(), root.value.live !== null)).toBe(true);
	return { db, param, review: root.value, stop: root.stop };
}

describe('StudyReview', () => {
	it('reads the study once and evaluates it as the engine does, as of the default date', async () => {
		const { review, stop } = await open();
		const live = review.live!;
		const expected = computeAsOf(live.study, live.doses, live.aes, '2026-11-30');
		expect(review.asOf).toBe(expected.asOf);
		expect(review.asOfQuery).toBe('');
		expect(review.evaluation).toEqual(evaluateStudy({ ...live, asOf: expected.asOf, decisions: computeCommitteeDecisions(live.adjudications, live.aes) }));
		// Every tab that reads it gets the same object: nothing is evaluated again.
		expect(review.evaluation).toBe(review.evaluation);
		expect(review.recommendation?.codes).toEqual(live.study.doseLevels.map((l) => l.code));
		stop();
	});

	it('reads the URL’s as-of for every tab, ignores one that is not a date, and carries it on tab links', async () => {
		const { review, param, stop } = await open('2025-01-31');
		expect(review.asOf).toBe('2025-01-31');
		expect(review.evaluation!.asOf).toBe('2025-01-31');
		expect(review.asOfQuery).toBe('?asOf=2025-01-31');
		param.value = 'yesterday';
		flushSync();
		expect(review.asOf).toBe(review.defaultAsOf.asOf);
		expect(review.asOfQuery).toBe('');
		stop();
	});

	it('follows a write to the database: the verdicts change without a reload', async () => {
		const { db, review, stop } = await open();
		const before = review.verdicts!.get('TST01-001|1');
		const ae = (await db.aes.get(['tst', 'TST01-001', 1]))!;
		await saveAe(db, { ...ae, grade: 4, attribution: Object.fromEntries(Object.keys(ae.attribution).map((d) => [d, 'definite'])) }, { who: 'Dr A', at: '2025-03-05T00:00:00Z', reason: 'Regraded' });
		await expect.poll(() => (flushSync(), review.live!.aes.find((a) => a.usubjid === 'TST01-001' && a.aeseq === 1)!.grade)).toBe(4);
		expect(before).toBe('not_dlt');
		expect(review.verdicts!.get('TST01-001|1')).toBe('dlt');
		stop();
	});

	it('builds the AE rows and the subjects per level once, for every tab, and rebuilds them after a write', async () => {
		const { db, review, stop } = await open();
		const live = review.live!;
		expect(review.aeRows).toEqual(buildAeRows(live.subjects, live.doses, live.aes, live.study.teaeWindowDays, live.study.dltWindow));
		expect(review.aeRows.length).toBe(live.aes.length);
		expect(review.subjectsByLevel).toEqual(groupByDoseLevel(summarizeSubjects(live.subjects, live.doses, live.aes), live.study.doseLevels.map((l) => l.code)));
		// The overview, the swimmer, the listing and the attribution tab read the same arrays.
		const rows = review.aeRows;
		const groups = review.subjectsByLevel;
		expect(review.aeRows).toBe(rows);
		expect(review.subjectsByLevel).toBe(groups);
		const ae = (await db.aes.get(['tst', 'TST01-001', 1]))!;
		await saveAe(db, { ...ae, grade: 4 }, { who: 'Dr A', at: '2025-03-05T00:00:00Z', reason: 'Regraded' });
		await expect.poll(() => (flushSync(), review.aeRows.find((r) => r.ae.usubjid === 'TST01-001' && r.ae.aeseq === 1)!.ae.grade)).toBe(4);
		expect(review.aeRows).not.toBe(rows);
		const worst = review.subjectsByLevel.flatMap((g) => g.rows).find((r) => r.subject.usubjid === 'TST01-001')!.worstGrade;
		expect(worst).toBe(4);
		stop();
	});
});
