/**
 * Hepatic safety (eDISH): each subject's peak ALT or AST and peak total bilirubin after the first dose, as
 * multiples of the upper limit of normal of the same draw. Hy's law quadrant: aminotransferase > 3 × ULN and
 * bilirubin > 2 × ULN (FDA's 2009 DILI guidance); the two peaks need not be on the same day, as eDISH plots them.
 * Pure.
 */
import type { GradedResult } from './grade-labs';

export interface HepaticPeak {
	usubjid: string;
	/** Peak of ALT/ULN and AST/ULN after the first dose. */
	transaminase: number;
	/** Which test gave it. */
	transaminaseTest: 'ALT' | 'AST';
	bilirubin: number;
	/** Both above their limits: a potential Hy's law case. */
	hysLaw: boolean;
}

export const HYS_LAW = { transaminase: 3, bilirubin: 2 } as const;

export function hepaticPeaks(graded: readonly GradedResult[]): HepaticPeak[] {
	const peaks = new Map<string, { t: number; tTest: 'ALT' | 'AST'; b: number }>();
	for (const g of graded) {
		const r = g.result;
		if (!g.postBaseline || r.value === null || !r.high || r.high <= 0) continue;
		const code = r.testcd.toUpperCase();
		if (code !== 'ALT' && code !== 'AST' && code !== 'BILI') continue;
		const p = peaks.get(r.usubjid) ?? { t: -1, tTest: 'ALT' as const, b: -1 };
		const x = r.value / r.high;
		if (code === 'BILI') p.b = Math.max(p.b, x);
		else if (x > p.t) {
			p.t = x;
			p.tTest = code;
		}
		peaks.set(r.usubjid, p);
	}
	return [...peaks]
		.filter(([, p]) => p.t >= 0 && p.b >= 0)
		.map(([usubjid, p]) => ({ usubjid, transaminase: p.t, transaminaseTest: p.tTest, bilirubin: p.b, hysLaw: p.t > HYS_LAW.transaminase && p.b > HYS_LAW.bilirubin }));
}
