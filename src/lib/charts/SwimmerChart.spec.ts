import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { EventEvaluation, SubjectEvaluation } from '$lib/domain/dlt/evaluate-study';
import type { AdverseEvent, DoseAdministration, Subject } from '$lib/domain/types';
import { layoutSwimmer } from './swimmer';
import SwimmerChart from './SwimmerChart.svelte';
import { STAR_PATH } from './swimmer/swimmer-marks';

const drugs = [{ code: 'A', name: 'Drug A' }, { code: 'B', name: 'Drug B' }];
function subjectEval(usubjid: string, level: string, events: Partial<AdverseEvent>[], verdicts: EventEvaluation['verdict'][] = []): SubjectEvaluation {
	return {
		subject: { usubjid, doseLevel: level } as Subject,
		firstDose: '2026-03-02',
		windowEnd: '2026-03-22',
		status: 'no_dlt',
		reason: '',
		ruleSet: { id: 'generic', version: 1, effectiveFrom: null, amendment: null },
		labEvents: [],
		events: events.map((e, i) => ({
			ae: { usubjid, aeseq: i + 1, term: 'Nausea', grade: 3, gradeHistory: [], serious: false, attribution: { A: 'probable', B: null }, start: '2026-03-05', end: '2026-03-08', ...e } as AdverseEvent,
			verdict: verdicts[i] ?? 'not_dlt', rule: verdicts[i] === 'dlt' ? '1' : null, reason: verdicts[i] === 'dlt' ? 'Grade 3 nausea …: DLT under rule 1.' : '', studyDay: 4, inWindow: true, related: true,
			turnsOn: null, fatal: false, unclassified: false, teae: true, teaeReason: '', committee: null, effective: verdicts[i] ?? 'not_dlt'
		}))
	};
}
const doses = new Map([['S-1', [{ start: '2026-03-02T09:00', drug: 'A' }, { start: '2026-03-02T10:00', drug: 'B' }] as DoseAdministration[]]]);

describe('SwimmerChart', () => {
	const layout = layoutSwimmer(
		[subjectEval('S-1', 'DL1', [{}, { start: '2026-03-06', end: null, serious: true, term: 'Fever' }], ['dlt', 'not_dlt']), subjectEval('S-2', 'DL2', [{ start: '2026-03-10' }])],
		doses,
		{ xMode: 'day', asOf: '2026-03-20', windowEndDay: 21, levelOrder: ['DL1', 'DL2'] }
	);

	it('draws a lane per subject, one link per lane on its first AE, dose marks per drug, the window and the marks', () => {
		const { container } = render(SwimmerChart, { layout, xMode: 'day', drugs, hrefFor: (u: string) => `/s/${u}`, onxmode: vi.fn() });
		expect(container.querySelectorAll('g.lane')).toHaveLength(2);
		// Three AEs as paths; each lane's one focus target sits on its first AE and says where it is.
		expect(container.querySelectorAll('a.ae')).toHaveLength(2);
		expect(container.querySelector('a.ae')).toHaveAttribute('data-key', 'S-1|1');
		expect(container.querySelector('a.ae')!.getAttribute('aria-label')).toMatch(/\(1 of 2 in this lane; arrow keys move between them\)$/);
		expect(container.querySelectorAll('path.dose')).toHaveLength(2);
		expect(container.querySelectorAll('rect.window')).toHaveLength(2);
		// The serious, ongoing fever: the lane's outline and arrow paths draw it (one box each).
		expect(container.querySelectorAll('path.serious')).toHaveLength(1);
		expect(container.querySelector('path.serious')!.getAttribute('d')!.match(/M/g)).toHaveLength(1);
		expect(container.querySelectorAll('path.arrow')).toHaveLength(1);
		// Every AE's grade segments are drawn: one box per segment across the grade paths.
		const boxes = [...container.querySelectorAll('path.seg')].reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0);
		expect(boxes).toBe(layout.lanes.reduce((n, l) => n + l.aes.reduce((m, a) => m + a.segments.length, 0), 0));
		// The DLT call is a 13-pixel star; the two drugs dosed on day 1 sit in rows of their own, each in its colour.
		expect(container.querySelector('g.mark.dlt path')).toHaveAttribute('d', STAR_PATH);
		const [a, b] = [...container.querySelectorAll('g.lane')[0]!.querySelectorAll('path.dose')];
		expect(a!.getAttribute('transform')).not.toBe(b!.getAttribute('transform'));
		expect(a!.getAttribute('fill')).not.toBe(b!.getAttribute('fill'));
		expect(screen.getByText('DL2')).toBeInTheDocument();
		expect(container.querySelector('a.ae')).toHaveAttribute('href', '/s/S-1');
	});

	it('shows the AE in words on keyboard focus: term, grade, dates, time since dose, relatedness, verdict and reason', async () => {
		const user = userEvent.setup();
		render(SwimmerChart, { layout, xMode: 'day', drugs, hrefFor: () => '#', onxmode: vi.fn() });
		let tip: HTMLElement | null = null;
		for (let i = 0; i < 10 && !tip; i++) {
			await user.tab();
			tip = screen.queryByRole('tooltip');
		}
		expect(tip).toHaveTextContent('S-1 AE 1: Nausea');
		expect(tip).toHaveTextContent('Grade 3');
		expect(tip).toHaveTextContent('5 Mar 2026 (day 4) to 8 Mar 2026');
		expect(tip).toHaveTextContent('2 days after the last dose');
		expect(tip).toHaveTextContent('A: probable; B: not assessed');
		expect(tip).toHaveTextContent('Engine: DLT (rule 1)');
		expect(tip).toHaveTextContent('DLT under rule 1.');
	});

	it('makes each lane’s events one Tab stop that the arrow keys move, across lanes too', async () => {
		const user = userEvent.setup();
		const three = layoutSwimmer(
			[
				subjectEval('S-1', 'DL1', [{ term: 'Nausea', start: '2026-03-05', end: '2026-03-06' }, { term: 'Fever', start: '2026-03-09', end: '2026-03-10' }]),
				subjectEval('S-2', 'DL1', [{ term: 'Rash', start: '2026-03-08', end: '2026-03-09' }])
			],
			doses,
			{ xMode: 'day', asOf: '2026-03-20', windowEndDay: 21, levelOrder: ['DL1'] }
		);
		const { container } = render(SwimmerChart, { layout: three, xMode: 'day', drugs, hrefFor: () => '#', onxmode: vi.fn() });
		// Three AEs, two Tab stops: the first event of each lane.
		expect(container.querySelectorAll('a.ae')).toHaveLength(2);
		container.querySelector<SVGAElement>('a.ae[data-key="S-1|1"]')!.focus();
		await user.keyboard('{ArrowRight}');
		expect(container.querySelector('a.ae[data-key="S-1|2"]')).toHaveFocus();
		expect(container.querySelector('a.ae[data-key="S-1|1"]')).toBeNull();
		expect(screen.getByRole('tooltip')).toHaveTextContent('S-1 AE 2: Fever');
		await user.keyboard('{ArrowDown}');
		expect(container.querySelector('a.ae[data-key="S-2|1"]')).toHaveFocus();
		await user.keyboard('{ArrowDown}');
		expect(container.querySelector('a.ae[data-key="S-2|1"]')).toHaveFocus();
		// Back up: the lane kept its place (Fever); Home goes to its first.
		await user.keyboard('{ArrowUp}');
		expect(container.querySelector('a.ae[data-key="S-1|2"]')).toHaveFocus();
		await user.keyboard('{Home}');
		expect(container.querySelector('a.ae[data-key="S-1|1"]')).toHaveFocus();
	});

	it('switches the axis between study day and calendar date', async () => {
		const onxmode = vi.fn();
		render(SwimmerChart, { layout, xMode: 'day', drugs, hrefFor: () => '#', onxmode });
		await fireEvent.click(screen.getByRole('radio', { name: 'Calendar date' }));
		expect(onxmode).toHaveBeenCalledWith('date');
	});

	it('renders only the lanes in view when given a viewport', () => {
		const many = layoutSwimmer(
			Array.from({ length: 400 }, (_, i) => subjectEval(`S-${i}`, 'DL1', [{}])),
			new Map(),
			{ xMode: 'day', asOf: '2026-03-20', windowEndDay: 21, levelOrder: ['DL1'] }
		);
		const { container } = render(SwimmerChart, { layout: many, xMode: 'day', drugs, hrefFor: () => '#', onxmode: vi.fn(), viewportHeight: 300 });
		const drawn = container.querySelectorAll('g.lane').length;
		expect(drawn).toBeGreaterThan(10);
		expect(drawn).toBeLessThan(60);
	});
});
