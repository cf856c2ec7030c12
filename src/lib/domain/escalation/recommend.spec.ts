import { describe, expect, it } from 'vitest';
import {
	boinRow,
	boinTable,
	EscalationInputError,
	posteriorAbove,
	recommendBoin,
	recommendThreePlusThree,
	selectMtd,
	type EscalationState
} from './recommend';

type Expect = { nextDose: number | null; continue: boolean; mtd: number | null; reason: RegExp };
const s = (currentDose: number, n: number[], dlt: number[]): EscalationState => ({ currentDose, n, dlt });

describe('3+3, standard (MTD confirmed on 6; de-escalation after Korn et al. 1994)', () => {
	const rows: [string, EscalationState, Expect][] = [
		['nobody treated yet: stay', s(1, [0, 0, 0], [0, 0, 0]), { nextDose: 1, continue: true, mtd: null, reason: /0 treated .*stay \(rule 2\)/ }],
		['2 treated, 0 DLT: stay', s(1, [2, 0, 0], [0, 0, 0]), { nextDose: 1, continue: true, mtd: null, reason: /rule 2/ }],
		['0 of 3: escalate', s(1, [3, 0, 0], [0, 0, 0]), { nextDose: 2, continue: true, mtd: null, reason: /0 DLTs in 3 at dose 1: escalate to dose 2 \(rule 4\)/ }],
		['1 of 3: treat 3 more', s(2, [3, 3, 0], [0, 1, 0]), { nextDose: 2, continue: true, mtd: null, reason: /1 DLT in 3 at dose 2: treat 3 more/ }],
		['1 of 4: stay', s(2, [3, 4, 0], [0, 1, 0]), { nextDose: 2, continue: true, mtd: null, reason: /4 treated .*stay \(rule 2\)/ }],
		['1 of 5: stay', s(2, [3, 5, 0], [0, 1, 0]), { nextDose: 2, continue: true, mtd: null, reason: /rule 2/ }],
		['1 of 6: escalate', s(2, [3, 6, 0], [0, 1, 0]), { nextDose: 3, continue: true, mtd: null, reason: /1 DLT in 6 at dose 2: escalate to dose 3/ }],
		['2 of 3 at dose 2, dose 1 had 3: treat 3 more at dose 1', s(2, [3, 3, 0], [0, 2, 0]), { nextDose: 1, continue: true, mtd: null, reason: /too toxic; de-escalate below dose 2; dose 1 has 0 DLTs in 3 \(6 needed to confirm an MTD\): treat 3 more at dose 1/ }],
		['2 of 2: too toxic before the cohort is complete', s(2, [3, 2, 0], [0, 2, 0]), { nextDose: 1, continue: true, mtd: null, reason: /too toxic/ }],
		['2 of 3 at dose 3, dose 2 has 6 with 1 DLT: MTD = 2', s(3, [3, 6, 3], [0, 1, 2]), { nextDose: 2, continue: false, mtd: 2, reason: /dose 2 has 1 DLT in 6: stop, MTD = dose 2/ }],
		['3 of 6 at dose 4 above 2 of 6 at dose 3 (the Gentuximab demo): MTD = 2, never 3', s(4, [3, 6, 6, 6, 0], [0, 0, 2, 3, 0]), { nextDose: 2, continue: false, mtd: 2, reason: /dose 3 has 2 DLTs in 6: it and every dose above it \(dose 4 included\) are too toxic.*MTD = dose 2/ }],
		['the same with dose 2 at 3 treated: expand dose 2', s(4, [3, 3, 6, 6, 0], [0, 0, 2, 3, 0]), { nextDose: 2, continue: true, mtd: null, reason: /treat 3 more at dose 2/ }],
		['late DLT: dose 2 reaches 2 DLTs while dose 3 is current', s(3, [3, 6, 3, 0], [0, 2, 0, 0]), { nextDose: 1, continue: true, mtd: null, reason: /dose 2 has 2 DLTs in 6/ }],
		['dose 1 too toxic: stop, no MTD', s(1, [3, 0, 0], [2, 0, 0]), { nextDose: null, continue: false, mtd: null, reason: /dose 1 is too toxic: stop, no MTD/ }],
		['re-adjudication makes dose 1 too toxic while dose 3 is current: no MTD', s(3, [6, 6, 3], [2, 1, 0]), { nextDose: null, continue: false, mtd: null, reason: /dose 1 has 2 DLTs/ }],
		['the top dose at 0 of 3 is expanded to 6 before it is named', s(3, [3, 3, 3], [0, 0, 0]), { nextDose: 3, continue: true, mtd: null, reason: /the top dose; dose 3 has 0 DLTs in 3 \(6 needed to confirm an MTD\): treat 3 more at dose 3/ }],
		['the top dose at 1 of 6: MTD = top', s(3, [3, 3, 6], [0, 0, 1]), { nextDose: 3, continue: false, mtd: 3, reason: /MTD = dose 3/ }],
		['the next dose has 2 DLTs and this one 3 treated: expand this one', s(2, [3, 3, 3], [0, 0, 2]), { nextDose: 2, continue: true, mtd: null, reason: /dose 3 has 2 DLTs in 3 \(too toxic\).*treat 3 more at dose 2/ }],
		['the next dose has 2 DLTs and this one 6 treated: MTD = this one', s(2, [3, 6, 3], [0, 1, 2]), { nextDose: 2, continue: false, mtd: 2, reason: /MTD = dose 2/ }],
		['the next dose already has 6 with 1 DLT: decide from there', s(2, [3, 6, 6], [0, 1, 1]), { nextDose: 3, continue: false, mtd: 3, reason: /dose 3 already has 6 or more treated with at most 1 DLT, so from dose 3: .*MTD = dose 3/ }]
	];
	it.each(rows)('%s', (_n, state, e) => {
		const r = recommendThreePlusThree(state, { deescalation: true });
		expect(r.reason).toMatch(e.reason);
		expect({ nextDose: r.nextDose, continue: r.continue, mtd: r.mtd }).toEqual({ nextDose: e.nextDose, continue: e.continue, mtd: e.mtd });
	});
});

describe("3+3, Storer's variant (the design says in words that the MTD may be declared without 6)", () => {
	const rows: [string, EscalationState, Expect][] = [
		['0 of 3: escalate (as the standard)', s(1, [3, 0, 0], [0, 0, 0]), { nextDose: 2, continue: true, mtd: null, reason: /escalate/ }],
		['2 of 3: stop, MTD one dose lower, saying it had 3', s(2, [3, 3, 0], [0, 2, 0]), { nextDose: 1, continue: false, mtd: 1, reason: /dose 1 has 0 DLTs in 3: stop, MTD = dose 1 \(rule 1; Storer's variant/ }],
		['2 of 6: stop, MTD one dose lower', s(3, [3, 6, 6], [0, 1, 2]), { nextDose: 2, continue: false, mtd: 2, reason: /MTD = dose 2/ }],
		['dose 1 too toxic: no MTD', s(1, [3, 0, 0], [2, 0, 0]), { nextDose: null, continue: false, mtd: null, reason: /no MTD/ }],
		['top dose 0 of 3: MTD = top, not expanded', s(3, [3, 3, 3], [0, 0, 0]), { nextDose: 3, continue: false, mtd: 3, reason: /the top dose.*Storer's variant/ }],
		['late DLT below the current dose: MTD under it', s(3, [3, 3, 3], [0, 2, 0]), { nextDose: 1, continue: false, mtd: 1, reason: /dose 2 has 2 DLTs/ }]
	];
	it.each(rows)('%s', (_n, state, e) => {
		const r = recommendThreePlusThree(state, { deescalation: false });
		expect(r.reason).toMatch(e.reason);
		expect({ nextDose: r.nextDose, continue: r.continue, mtd: r.mtd }).toEqual({ nextDose: e.nextDose, continue: e.continue, mtd: e.mtd });
	});
});

describe('BOIN boundaries (Liu and Yuan 2015)', () => {
	it('match the published table for φ = 0.3 at n = 3, 6, …, 30', () => {
		const t = boinTable(0.3, 30).filter((r) => r.n % 3 === 0);
		expect(t.map((r) => r.escalate)).toEqual([0, 1, 2, 2, 3, 4, 4, 5, 6, 7]);
		expect(t.map((r) => r.deescalate)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(t.map((r) => r.eliminate)).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 12, 14]);
	});

	it.each([
		[1, 0, 1, null], // no elimination below 3 patients
		[2, 0, 1, null],
		[3, 0, 2, 3]
	])('n = %i: escalate ≤ %i, de-escalate ≥ %i, eliminate ≥ %s', (n, esc, de, elim) => {
		expect(boinRow(0.3, n)).toEqual({ n, escalate: esc, deescalate: de, eliminate: elim });
	});

	it('elimination: 3 of 3 at φ = 0.3 has P(p > 0.3) > 0.95; 2 of 3 does not', () => {
		expect(posteriorAbove(0.3, 3, 3)).toBeCloseTo(0.9919, 4);
		expect(posteriorAbove(0.3, 2, 3)).toBeCloseTo(0.9163, 4);
	});

	it('the de-escalation boundary never exceeds the elimination boundary', () => {
		for (const target of [0.2, 0.25, 0.3, 0.33]) {
			for (const r of boinTable(target, 30)) if (r.eliminate !== null) expect(r.deescalate).toBeLessThanOrEqual(r.eliminate);
		}
	});
});

describe('BOIN decisions', () => {
	const boin = { target: 0.3, elimination: true, stopWhenDeescalationImpossible: false };
	const rows: [string, EscalationState, Partial<typeof boin>, Expect][] = [
		['nobody treated at the current dose: treat there', s(2, [3, 0, 0], [0, 0, 0]), {}, { nextDose: 2, continue: true, mtd: null, reason: /Nobody treated/ }],
		['0 of 3: escalate', s(1, [3, 0, 0], [0, 0, 0]), {}, { nextDose: 2, continue: true, mtd: null, reason: /≤ escalation boundary 0: escalate to dose 2/ }],
		['1 of 3: stay (between boundaries)', s(1, [3, 0, 0], [1, 0, 0]), {}, { nextDose: 1, continue: true, mtd: null, reason: /between the boundaries/ }],
		['2 of 3 at dose 2: de-escalate, not eliminated', s(2, [3, 3, 0], [0, 2, 0]), {}, { nextDose: 1, continue: true, mtd: null, reason: /≥ de-escalation boundary 2: de-escalate to dose 1/ }],
		['3 of 3 at dose 2: eliminate dose 2 and above, go to dose 1', s(2, [3, 3, 0], [0, 3, 0]), {}, { nextDose: 1, continue: true, mtd: null, reason: /dose 2 and above eliminated; de-escalate to dose 1/ }],
		['3 of 3 at dose 1: stop, no MTD', s(1, [3, 0, 0], [3, 0, 0]), {}, { nextDose: null, continue: false, mtd: null, reason: /dose 1 is too toxic: stop.*No MTD/ }],
		['3 of 3 with elimination switched off: only de-escalate', s(2, [3, 3, 0], [0, 3, 0]), { elimination: false }, { nextDose: 1, continue: true, mtd: null, reason: /de-escalation boundary/ }],
		['an eliminated next dose blocks escalation', s(1, [6, 3, 0], [0, 3, 0]), {}, { nextDose: 1, continue: true, mtd: null, reason: /dose 2 is eliminated: stay/ }],
		['at the top dose: stay instead of escalating', s(3, [3, 3, 3], [0, 0, 0]), {}, { nextDose: 3, continue: true, mtd: null, reason: /top dose: stay/ }],
		['2 of 3 at dose 1: stay', s(1, [3, 0, 0], [2, 0, 0]), {}, { nextDose: 1, continue: true, mtd: null, reason: /dose 1 is the lowest: stay/ }],
		['2 of 3 at dose 1 with "stop when de-escalation is impossible"', s(1, [3, 0, 0], [2, 0, 0]), { stopWhenDeescalationImpossible: true }, { nextDose: null, continue: false, mtd: null, reason: /de-escalation is impossible: stop for toxicity \(rule 4\)\. No MTD/ }],
		['a late DLT eliminates dose 1 while dose 2 is current: stop, no MTD', s(2, [3, 3, 0], [3, 0, 0]), {}, { nextDose: null, continue: false, mtd: null, reason: /dose 1 and above are eliminated: stop\. No MTD/ }],
		['dose 2 eliminated below the current dose 3: the next cohort goes to dose 1', s(3, [3, 3, 3], [0, 3, 0]), {}, { nextDose: 1, continue: true, mtd: null, reason: /dose 2 and above are eliminated: treat at dose 1/ }],
		['1 of 6: escalate (≤ 1)', s(2, [3, 6, 0], [0, 1, 0]), {}, { nextDose: 3, continue: true, mtd: null, reason: /escalate to dose 3/ }],
		['2 of 6: stay', s(2, [3, 6, 0], [0, 2, 0]), {}, { nextDose: 2, continue: true, mtd: null, reason: /stay \(rule 5\)/ }],
		['3 of 6: de-escalate', s(2, [3, 6, 0], [0, 3, 0]), {}, { nextDose: 1, continue: true, mtd: null, reason: /de-escalate to dose 1/ }],
		['4 of 6: eliminate', s(2, [3, 6, 0], [0, 4, 0]), {}, { nextDose: 1, continue: true, mtd: null, reason: /eliminated/ }]
	];
	it.each(rows)('%s', (_n, state, opts, e) => {
		const r = recommendBoin(state, { ...boin, ...opts });
		expect(r.reason).toMatch(e.reason);
		expect({ nextDose: r.nextDose, continue: r.continue, mtd: r.mtd }).toEqual({ nextDose: e.nextDose, continue: e.continue, mtd: e.mtd });
	});

	it('lists the eliminated doses', () => {
		expect(recommendBoin(s(2, [3, 3, 0], [0, 3, 0]), boin).eliminated).toEqual([2, 3]);
	});
});

describe('MTD selection by isotonic regression', () => {
	it.each([
		['closest to the target', [6, 6, 6], [0, 2, 4], [], 2],
		['pools a violation (dose 2 above dose 3) before choosing', [6, 6, 6], [1, 3, 2], [], 2],
		['tie below the target: the higher dose', [10, 10, 3], [2, 2, 3], [], 2], // 0.2 and 0.2 tie
		['tie above the target: the lower dose', [3, 10, 10], [0, 4, 4], [], 2], // 0.4 and 0.4 tie
		['eliminated doses are not candidates', [6, 6, 3], [1, 2, 3], [3], 2],
		['untreated doses are not candidates', [6, 0, 0], [1, 0, 0], [], 1],
		['dose 1 eliminated: no MTD', [3, 0, 0], [3, 0, 0], [1, 2, 3], null]
	] as const)('%s', (_n, n, dlt, eliminated, mtd) => {
		expect(selectMtd({ n: [...n], dlt: [...dlt] }, 0.3, [...eliminated]).mtd).toBe(mtd);
	});

	it('gives the pooled estimates', () => {
		const { estimates } = selectMtd({ n: [6, 6, 6], dlt: [1, 3, 2] }, 0.3, []);
		expect([...estimates.values()].map((v) => +v.toFixed(4))).toEqual([0.1667, 0.4167, 0.4167]);
	});
});

describe('invalid input is refused with a clear message', () => {
	it.each([
		[s(1, [3, 3], [0]), /n has 2 doses but dlt has 1/],
		[s(1, [3], [4]), /dose 1 has 4 DLTs but only 3 treated/],
		[s(3, [3, 3], [0, 0]), /currentDose 3 is not one of the doses 1–2/],
		[s(1, [-1], [0]), /n\[1\] = -1/],
		[s(1, [2.5], [0]), /n\[1\] = 2.5/]
	])('%j', (state, message) => {
		expect(() => recommendThreePlusThree(state, { deescalation: false })).toThrow(EscalationInputError);
		expect(() => recommendThreePlusThree(state, { deescalation: false })).toThrow(message);
	});

	it.each([0, 1, -0.2, 1.5])('target %d is outside (0, 1)', (target) => {
		expect(() => recommendBoin(s(1, [3], [0]), { target, elimination: true, stopWhenDeescalationImpossible: false })).toThrow(/target .* must be between 0 and 1/);
	});
});
