import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import DeleteConfirm from './DeleteConfirm.svelte';

const children = createRawSnippet(() => ({ render: () => '<strong>Delete dose 3?</strong>' }));

describe('DeleteConfirm', () => {
	it('needs a reason, then deletes with it', async () => {
		const user = userEvent.setup();
		const onconfirm = vi.fn(async () => {});
		render(DeleteConfirm, { id: 'x', label: 'Delete dose', onconfirm, oncancel: vi.fn(), children });
		expect(screen.getByRole('alertdialog')).toHaveTextContent('Delete dose 3? The audit trail keeps a copy.');
		await user.click(screen.getByRole('button', { name: 'Delete dose' }));
		expect(screen.getByLabelText('Reason')).toHaveAccessibleDescription('Give a reason: the audit trail keeps it');
		expect(onconfirm).not.toHaveBeenCalled();
		await user.type(screen.getByLabelText('Reason'), 'entered twice');
		await user.click(screen.getByRole('button', { name: 'Delete dose' }));
		expect(onconfirm).toHaveBeenCalledWith('entered twice');
	});

	it('keeps the record on Keep', async () => {
		const user = userEvent.setup();
		const oncancel = vi.fn();
		render(DeleteConfirm, { id: 'x', label: 'Delete AE', onconfirm: vi.fn(), oncancel, children });
		await user.click(screen.getByRole('button', { name: 'Keep' }));
		expect(oncancel).toHaveBeenCalled();
	});
});
