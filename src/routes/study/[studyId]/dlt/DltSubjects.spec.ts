import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { SubjectEvaluation } from '$lib/domain/dlt/evaluate-study';
import DltSubjects from './DltSubjects.svelte';

const subject = (i: number, status: SubjectEvaluation['status']): SubjectEvaluation => ({
	subject: { studyId: 's', usubjid: `S-${String(i).padStart(3, '0')}`, doseLevel: 'DL1', site: '', sex: '', age: null, enrolled: null, status: 'on_treatment', refStart: null },
	firstDose: '2026-03-02',
	windowEnd: '2026-03-22',
	status,
	reason: status === 'dlt' ? `DLT: Colitis AE 1 on day ${i}.` : 'Completed the DLT window without a DLT.',
	events: [],
	labEvents: [],
	ruleSet: { id: 'generic', version: 1, effectiveFrom: null, amendment: null }
});

describe('DltSubjects: a long dose level', () => {
	it('shows the first 12 subjects with the page and every subject, the last one a DLT, once the page is idle', async () => {
		const subjects = Array.from({ length: 40 }, (_, i) => subject(i + 1, i === 39 ? 'dlt' : 'no_dlt'));
		render(DltSubjects, { studyId: 's', subjects, canDecide: false, ondecide: vi.fn() });
		expect(screen.getAllByRole('listitem')).toHaveLength(12);
		expect(screen.getByRole('link', { name: 'S-001' })).toBeInTheDocument();
		await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(40));
		expect(screen.getByText('DLT: Colitis AE 1 on day 40.')).toBeInTheDocument();
	});

	it('a short level is listed whole at once', () => {
		render(DltSubjects, { studyId: 's', subjects: [subject(1, 'dlt'), subject(2, 'pending')], canDecide: false, ondecide: vi.fn() });
		expect(screen.getAllByRole('listitem')).toHaveLength(2);
	});
});
