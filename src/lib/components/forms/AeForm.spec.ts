import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EditConflictError } from '$lib/db/record-repository';
import type { CtcaeList } from '$lib/domain/ctcae';
import type { AdverseEvent } from '$lib/domain/types';
import { createStudyFromPreset, findPreset } from '$lib/presets/study-presets';
import AeForm from './AeForm.svelte';

const terms = (JSON.parse(readFileSync(resolve(__dirname, '../../../../static/ctcae/ctcae-v5.0.json'), 'utf8')) as CtcaeList).terms;
const study = createStudyFromPreset(findPreset('bat4706-bat1308')!, { id: 's', now: 't', isDemo: false });

function setup(ae: AdverseEvent | null = null, onsave = vi.fn(async () => {})) {
	const user = userEvent.setup();
	render(AeForm, { study, usubjid: 'S-1', ae, terms, onsave, oncancel: vi.fn() });
	return { user, onsave };
}

describe('AeForm', () => {
	it('picks a CTCAE term with the keyboard, fills the SOC and shows the grade definitions', async () => {
		const { user } = setup();
		const combo = screen.getByRole('combobox', { name: 'CTCAE v5.0 term' });
		await user.type(combo, 'neutrophil');
		expect(screen.getByRole('listbox', { name: 'CTCAE v5.0 terms' })).toBeInTheDocument();
		await user.keyboard('{ArrowDown}{Enter}');
		expect(combo).toHaveValue('Neutrophil count decreased');
		expect(screen.getByLabelText('System organ class')).toHaveValue('Investigations');
		const table = screen.getByRole('table', { name: /CTCAE v5.0: Neutrophil count decreased/ });
		expect(within(table).getByText(/<500\/mm3/)).toBeInTheDocument();
	});

	it('names every missing field and does not save', async () => {
		const { user, onsave } = setup();
		await user.click(screen.getByRole('button', { name: 'Add adverse event' }));
		expect(screen.getByText('Verbatim term (as reported) is required')).toBeInTheDocument();
		expect(screen.getByText(/CTCAE term is required/)).toBeInTheDocument();
		expect(screen.getByText('Grade must be 1 to 5')).toBeInTheDocument();
		expect(screen.getByText('Onset is required')).toBeInTheDocument();
		expect(screen.getByLabelText('Onset')).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByLabelText('Onset')).toHaveAccessibleDescription(/Onset is required/);
		expect(onsave).not.toHaveBeenCalled();
	});

	it('saves a complete AE with per-drug attribution', async () => {
		const { user, onsave } = setup();
		await user.type(screen.getByRole('combobox', { name: 'CTCAE v5.0 term' }), 'Diarrhea');
		await user.keyboard('{ArrowDown}{Enter}');
		await user.selectOptions(screen.getByLabelText('Grade (worst)'), '3');
		await user.type(screen.getByLabelText('Onset'), '2026-03-05T07:30');
		await user.type(screen.getByLabelText('Resolution'), '2026-03-08T07:30');
		await user.selectOptions(screen.getByLabelText('Related to BAT4706 Injection'), 'probable');
		await user.selectOptions(screen.getByLabelText('Related to BAT1308 Injection'), 'unlikely');
		await user.selectOptions(screen.getByLabelText('Treatment given for it (AECONTRT)'), 'Y');
		await user.click(screen.getByRole('button', { name: 'Add adverse event' }));
		expect(onsave).toHaveBeenCalledTimes(1);
		const [ae, reason] = onsave.mock.calls[0] as unknown as [AdverseEvent, string];
		expect(ae).toMatchObject({
			term: 'Diarrhea',
			verbatim: 'Diarrhea',
			soc: 'Gastrointestinal disorders',
			grade: 3,
			start: '2026-03-05T07:30',
			end: '2026-03-08T07:30',
			treated: true,
			attribution: { BAT4706: 'probable', BAT1308: 'unlikely' },
			gradeHistory: [{ grade: 3, from: '2026-03-05T07:30' }]
		});
		expect(reason).toBe('AE added by hand');
	});

	it('requires a reason to change an existing AE, and asks for seriousness criteria', async () => {
		const existing: AdverseEvent = {
			studyId: 's', usubjid: 'S-1', aeseq: 2, verbatim: 'nausea', term: 'Nausea', soc: 'Gastrointestinal disorders',
			grade: 2, gradeDerived: false, gradeHistory: [{ grade: 2, from: '2026-03-02' }], start: '2026-03-02', end: null,
			serious: false, seriousCriteria: [], attribution: { BAT4706: 'possible', BAT1308: null }, attributionHistory: [],
			action: '', outcome: '', treated: null, notes: '', rev: 4
		};
		const { user, onsave } = setup(existing);
		await user.selectOptions(screen.getByLabelText('Serious'), 'Y');
		await user.click(screen.getByRole('button', { name: 'Save changes' }));
		expect(screen.getByText('Say why the AE is changed')).toBeInTheDocument();
		expect(screen.getByText('A serious AE needs at least one seriousness criterion')).toBeInTheDocument();
		await user.click(screen.getByRole('checkbox', { name: 'Hospitalisation' }));
		await user.type(screen.getByLabelText('Reason for change (kept in the audit trail)'), 'hospitalised day 3');
		await user.click(screen.getByRole('button', { name: 'Save changes' }));
		expect(onsave).toHaveBeenCalledWith(expect.objectContaining({ aeseq: 2, rev: 4, serious: true, seriousCriteria: ['AESHOSP'] }), 'hospitalised day 3');
	});

	it('on a conflict shows the saved and the typed values side by side, and starts again from the saved one', async () => {
		const mine = { term: 'Nausea', grade: 3 } as AdverseEvent;
		const base: AdverseEvent = {
			studyId: 's', usubjid: 'S-1', aeseq: 1, verbatim: 'nausea', term: 'Nausea', soc: 'Gastrointestinal disorders',
			grade: 2, gradeDerived: false, gradeHistory: [], start: '2026-03-02', end: null, serious: false, seriousCriteria: [],
			attribution: { BAT4706: null, BAT1308: null }, attributionHistory: [], action: '', outcome: '', treated: null, notes: '', rev: 1
		};
		const theirs = { ...base, grade: 4 as const, rev: 2 };
		const onsave = vi.fn(async () => {
			throw new EditConflictError({ ...base, ...mine }, theirs);
		});
		const { user } = setup(base, onsave);
		await user.selectOptions(screen.getByLabelText('Grade (worst)'), '3');
		await user.type(screen.getByLabelText('Reason for change (kept in the audit trail)'), 'worse');
		await user.click(screen.getByRole('button', { name: 'Save changes' }));
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent('Not saved: this AE was changed elsewhere');
		const row = within(alert).getByRole('row', { name: /grade/ });
		expect(row).toHaveTextContent('grade43');
		await user.click(screen.getByRole('button', { name: 'Start again from the saved version' }));
		expect(screen.getByLabelText('Grade (worst)')).toHaveValue('4');
	});
});
