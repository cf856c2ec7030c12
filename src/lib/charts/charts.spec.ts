import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DoseLevelEvaluation } from '$lib/domain/dlt/evaluate-study';
import DltBarChart from './DltBarChart.svelte';
import IncidenceHeatmap from './IncidenceHeatmap.svelte';
import type { IncidenceSoc } from './incidence';

const level = (doseLevel: string, evaluable: number, dlts: number, pending: number, notEvaluable: number, decision: DoseLevelEvaluation['decision']): DoseLevelEvaluation => ({
	doseLevel, enrolled: evaluable + pending + notEvaluable, evaluable, dlts, pending, notEvaluable, decision, reason: '', usesCommittee: false
});
const levels = [level('DL1', 3, 0, 0, 0, 'escalate'), level('DL2', 3, 2, 2, 1, 'de_escalate')];

describe('DltBarChart', () => {
	it('draws one link per level with one rect per non-empty segment, labelled in words', () => {
		const { container } = render(DltBarChart, { levels, design: { kind: '3+3', deescalation: false }, hrefFor: (c: string) => `/dlt#${c}` });
		expect(screen.getByRole('figure', { name: 'DLTs per dose level' })).toBeInTheDocument();
		const bars = container.querySelectorAll('a.bar');
		expect(bars).toHaveLength(2);
		expect(bars[0]!.querySelectorAll('rect')).toHaveLength(1);
		expect(bars[1]!.querySelectorAll('rect')).toHaveLength(4);
		expect(bars[1]).toHaveAttribute('href', '/dlt#DL2');
		expect(bars[1]).toHaveAccessibleName('DL2: 6 subjects. DLT: 2. Evaluable, no DLT: 1. Pending: 2. Not evaluable: 1. Design standing: de-escalate');
		expect(within(container.querySelector('svg') as unknown as HTMLElement).getByText('de-escalate')).toBeInTheDocument();
	});

	it('shows the tooltip on keyboard focus and on hover, and hides it after', async () => {
		const user = userEvent.setup();
		const { container } = render(DltBarChart, { levels, design: { kind: '3+3', deescalation: false }, hrefFor: () => '#' });
		// The first stop is the skip link past the chart.
		await user.tab();
		expect(screen.getByRole('link', { name: /^Skip the chart/ })).toHaveFocus();
		await user.tab();
		expect(screen.getByRole('tooltip')).toHaveTextContent('DL1: 3 subjects');
		await user.tab();
		expect(screen.getByRole('tooltip')).toHaveTextContent('DL2: 6 subjects');
		await user.tab();
		expect(screen.queryByRole('tooltip')).toBeNull();
		await fireEvent.mouseEnter(container.querySelectorAll('a.bar')[1]!);
		expect(screen.getByRole('tooltip')).toHaveTextContent('Pending: 2');
	});

	it('draws BOIN boundary marks and says so in the legend', () => {
		const { container } = render(DltBarChart, {
			levels: [level('DL1', 6, 1, 0, 0, 'escalate')],
			design: { kind: 'boin', target: 0.3, elimination: true, stopWhenDeescalationImpossible: false },
			hrefFor: () => '#'
		});
		expect(container.querySelectorAll('line.boundary')).toHaveLength(2);
		expect(screen.getByLabelText('Legend')).toHaveTextContent('BOIN boundaries');
		expect(container.querySelector('a.bar')).toHaveAccessibleName(/escalate if DLTs ≤ 1, de-escalate if ≥ 3/);
	});

	it('offers the same numbers as a table, built when opened', async () => {
		render(DltBarChart, { levels, design: { kind: '3+3', deescalation: false }, hrefFor: () => '#' });
		expect(screen.queryByRole('row', { name: /DL2 2 1 2 1 de-escalate/ })).toBeNull();
		await fireEvent.click(screen.getByText('Show the data as a table'));
		expect(await screen.findByRole('row', { name: /DL2 2 1 2 1 de-escalate/ })).toBeInTheDocument();
	});
});

const cells = (n: number[], g: (1 | 2 | 3 | 4 | 5 | null)[]) => n.map((subjects, i) => ({ level: `DL${i + 1}`, subjects, percent: (100 * subjects) / 3, maxGrade: subjects ? g[i]! : null }));
const socs: IncidenceSoc[] = [
	{ label: 'Investigations', total: 3, cells: cells([1, 2], [4, 3]), terms: [{ label: 'Neutrophil count decreased', total: 3, cells: cells([1, 2], [4, 3]) }] },
	{ label: 'Gastrointestinal disorders', total: 1, cells: cells([0, 1], [null, 1]), terms: [{ label: 'Nausea', total: 1, cells: cells([0, 1], [null, 1]) }] }
];

describe('IncidenceHeatmap', () => {
	const props = { socs, levels: ['DL1', 'DL2'], denominators: new Map([['DL1', 3], ['DL2', 3]]), hrefFor: (l: string, t: string) => `/aes?level=${l}&q=${t}` };

	it('shows counts and percents, shaded by the worst grade, with the level denominators', () => {
		render(IncidenceHeatmap, props);
		const cell = screen.getByRole('link', { name: 'Neutrophil count decreased, DL1: 1 of 3 subjects (33%), worst grade 4' });
		expect(cell).toHaveTextContent('1 (33%)');
		expect(cell).toHaveAttribute('href', '/aes?level=DL1&q=Neutrophil count decreased');
		expect(cell.closest('td')).toHaveStyle({ background: 'rgb(227, 26, 28)' });
		expect(screen.getAllByText('n = 3')).toHaveLength(2);
	});

	it('says the focused cell in words in a tooltip', async () => {
		render(IncidenceHeatmap, props);
		const cell = screen.getByRole('link', { name: /Nausea, DL2/ });
		await fireEvent.focusIn(cell);
		expect(screen.getByRole('tooltip')).toHaveTextContent('Nausea, DL2: 1 of 3 subjects (33%), worst grade 1');
	});

	it('collapses and expands an SOC with the keyboard', async () => {
		const user = userEvent.setup();
		render(IncidenceHeatmap, props);
		const toggle = screen.getByRole('button', { name: /Gastrointestinal disorders/ });
		expect(toggle).toHaveAttribute('aria-expanded', 'true');
		toggle.focus();
		await user.keyboard('{Enter}');
		expect(toggle).toHaveAttribute('aria-expanded', 'false');
		expect(screen.queryByRole('rowheader', { name: 'Nausea' })).toBeNull();
		await user.keyboard(' ');
		expect(screen.getByRole('rowheader', { name: 'Nausea' })).toBeInTheDocument();
	});
});

import SinceLastDoseChart from './SinceLastDoseChart.svelte';

describe('SinceLastDoseChart', () => {
	const points = [
		{ key: 'S-1|1', level: 'DL1', term: 'Infusion related reaction', grade: 3 as const, days: 1.5 / 24, hours: 1.5 },
		{ key: 'S-3|1', level: 'DL1', term: 'Fatigue', grade: 2 as const, days: 3, hours: null },
		{ key: 'S-3|2', level: 'DL1', term: 'Rash', grade: 1 as const, days: 9, hours: null },
		{ key: 'S-2|1', level: 'DL2', term: 'Nausea', grade: 1 as const, days: 5, hours: null }
	];
	it('draws the dots as paths, one focus target per level, the arrow keys moving it and the tooltip saying the time', async () => {
		const user = userEvent.setup();
		const { container } = render(SinceLastDoseChart, { points, levels: ['DL1', 'DL2'], hrefFor: (k: string) => `/s/${k}` });
		// Four AEs: one circle per AE across the grade paths, and one link per dose level.
		expect([...container.querySelectorAll('path.dots')].reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0)).toBe(4);
		expect(screen.getAllByRole('link', { name: /arrow keys move between them/ })).toHaveLength(2);
		expect(screen.getByRole('link', { name: /^S-1 AE 1: Infusion related reaction, grade 3, 1\.5 hours after the last dose \(DL1: 3 events/ })).toBeInTheDocument();
		// The first stop is the skip link past the chart, then DL1's first event in time.
		await user.tab();
		expect(screen.getByRole('link', { name: /^Skip the chart/ })).toHaveFocus();
		await user.tab();
		expect(screen.getByRole('tooltip')).toHaveTextContent('S-1 AE 1: Infusion related reaction, grade 3, 1.5 hours after the last dose');
		await user.keyboard('{ArrowRight}');
		expect(screen.getByRole('link', { name: /^S-3 AE 1: Fatigue/ })).toHaveFocus();
		expect(screen.getByRole('tooltip')).toHaveTextContent('S-3 AE 1: Fatigue, grade 2, 3 days after the last dose');
		await user.keyboard('{End}');
		expect(screen.getByRole('link', { name: /^S-3 AE 2: Rash/ })).toHaveFocus();
		await user.keyboard('{ArrowDown}');
		expect(screen.getByRole('link', { name: /^S-2 AE 1: Nausea/ })).toHaveFocus();
		expect(screen.getByRole('link', { name: /^S-2 AE 1: Nausea/ })).toHaveAttribute('href', '/s/S-2|1');
		// Up: back to DL1, at the event nearest in time (5 days: the fatigue at 3, not the rash at 9).
		await user.keyboard('{ArrowUp}');
		expect(screen.getByRole('link', { name: /^S-3 AE 1: Fatigue/ })).toHaveFocus();
	});
});

import AttributionStackChart from './AttributionStackChart.svelte';
import RevisionChart from './RevisionChart.svelte';
import { computeAttributionStack, computeRevisions } from './attribution';
import type { AdverseEvent as Ae } from '$lib/domain/types';

describe('attribution charts', () => {
	const aes = [
		{ usubjid: 'S', aeseq: 1, start: '2026-03-02', attribution: { A: 'possible' }, attributionHistory: [{ drug: 'A', from: null, to: 'unlikely', at: '2026-03-03', by: 'x', reason: '' }, { drug: 'A', from: 'unlikely', to: 'possible', at: '2026-04-01T10:00', by: 'Dr Y', reason: 'rechallenge' }] },
		{ usubjid: 'S', aeseq: 2, start: '2026-04-10', attribution: { A: null }, attributionHistory: [] }
	] as unknown as Ae[];

	it('stacks a column per period with a rect per non-empty category, described in words on focus', async () => {
		const user = userEvent.setup();
		const { container } = render(AttributionStackChart, { id: 'a', drug: 'A', data: computeAttributionStack(aes, 'A', 'month'), period: 'month' });
		expect(container.querySelectorAll('a.col')).toHaveLength(2);
		expect(container.querySelectorAll('a.col rect')).toHaveLength(2);
		// The first stop is the skip link past the chart.
		await user.tab();
		expect(screen.getByRole('link', { name: /^Skip the chart/ })).toHaveFocus();
		await user.tab();
		expect(screen.getByRole('tooltip')).toHaveTextContent('2026-03: 1 AEs');
		expect(screen.getByRole('tooltip')).toHaveTextContent('Possible: 1');
	});

	it('shows a month’s revisions on focus', async () => {
		const user = userEvent.setup();
		render(RevisionChart, { revisions: computeRevisions(aes) });
		// The first stop is the skip link past the chart.
		await user.tab();
		expect(screen.getByRole('link', { name: /^Skip the chart/ })).toHaveFocus();
		await user.tab();
		expect(screen.getByRole('tooltip')).toHaveTextContent('2026-04: 1 toward a drug, 0 away or cleared');
	});

	it('draws revisions toward the drug above the axis', () => {
		const { container } = render(RevisionChart, { revisions: computeRevisions(aes) });
		expect(container.querySelectorAll('rect.toward')).toHaveLength(1);
		expect(container.querySelectorAll('rect.away')).toHaveLength(0);
		expect(screen.getByRole('figure', { name: 'Attribution revisions' })).toHaveAccessibleDescription(/1 revision of an earlier assessment: 1 toward a drug, 0 away/);
	});
});
