import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createStudyFromPreset, findPreset } from '$lib/presets/study-presets';
import SubjectForm from './SubjectForm.svelte';
import DoseForm from './DoseForm.svelte';

const study = createStudyFromPreset(findPreset('sk-nk')!, { id: 's', now: 't', isDemo: false });

describe('SubjectForm', () => {
	it('adds a subject at a dose level', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(SubjectForm, { study, onsave, oncancel: vi.fn() });
		await user.type(screen.getByLabelText('Subject ID (USUBJID)'), 'SKNK-002-1301');
		await user.selectOptions(screen.getByLabelText('Dose level received'), 'D30');
		await user.selectOptions(screen.getByLabelText('Sex'), 'F');
		await user.type(screen.getByLabelText('Age (years)'), '57');
		await user.click(screen.getByRole('button', { name: 'Add subject' }));
		expect(onsave).toHaveBeenCalledWith(
			expect.objectContaining({ usubjid: 'SKNK-002-1301', doseLevel: 'D30', sex: 'F', age: 57, status: 'on_treatment' }),
			'Subject added by hand'
		);
	});

	it('names a wrong age and a repository refusal', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {
			throw new Error('Subject SKNK-002-1301 already exists in this study');
		});
		render(SubjectForm, { study, onsave, oncancel: vi.fn() });
		await user.type(screen.getByLabelText('Subject ID (USUBJID)'), 'SKNK-002-1301');
		await user.type(screen.getByLabelText('Age (years)'), '300');
		await user.click(screen.getByRole('button', { name: 'Add subject' }));
		expect(screen.getByLabelText('Age (years)')).toHaveAccessibleDescription('Age must be a whole number from 0 to 120');
		expect(onsave).not.toHaveBeenCalled();
		await user.clear(screen.getByLabelText('Age (years)'));
		await user.click(screen.getByRole('button', { name: 'Add subject' }));
		expect(screen.getByRole('alert')).toHaveTextContent('already exists');
	});
});

describe('DoseForm', () => {
	it('prefills the level dose and refuses an end before the start, naming the field', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(DoseForm, { study, usubjid: 'S-1', doseLevel: 'D20', onsave, oncancel: vi.fn() });
		expect(screen.getByLabelText('Dose')).toHaveValue('2000000000');
		expect(screen.getByLabelText('Unit')).toHaveValue('cells');
		await user.type(screen.getByLabelText('Start'), '2026-05-04T10:00');
		await user.type(screen.getByLabelText('End'), '2026-05-04T09:00');
		await user.click(screen.getByRole('button', { name: 'Add dose' }));
		expect(screen.getByLabelText('End')).toHaveAccessibleDescription(/End 2026-05-04T09:00 is before start 2026-05-04T10:00/);
		await user.clear(screen.getByLabelText('End'));
		await user.type(screen.getByLabelText('Cycle'), '1');
		await user.click(screen.getByRole('button', { name: 'Add dose' }));
		expect(onsave).toHaveBeenCalledWith(expect.objectContaining({ drug: 'SK-NK', dose: 2e9, start: '2026-05-04T10:00', end: null, cycle: 1 }), 'Dose added by hand');
	});
});
