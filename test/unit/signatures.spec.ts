import { describe, expect, it } from 'vitest';
import { createProfile, signContent, signatureProblem, WrongPassphraseError, signedContent } from '../../src/lib/io/signatures';

const profile = (name = 'Dr Ada Chair') => createProfile({ id: `p-${name}`, name, role: 'SRC chair', passphrase: 'correct horse', at: '2026-01-01T00:00:00Z', iterations: 1000 });

describe('electronic signatures', () => {
	const record = { id: 'm1', decision: { kind: 'next_cohort', doseLevel: 'DL3' }, minutes: 'Escalate.' };

	it('a signature names the signer, the time and its meaning, and verifies against what was signed', async () => {
		const p = await profile();
		const sig = await signContent(p, 'correct horse', record, 'approved as chair', '2026-03-01T10:00:00Z');
		expect(sig).toMatchObject({ name: 'Dr Ada Chair', role: 'SRC chair', meaning: 'approved as chair', at: '2026-03-01T10:00:00Z' });
		expect(await signatureProblem(sig, record, [p])).toBeNull();
	});

	it('a wrong passphrase signs nothing', async () => {
		const p = await profile();
		await expect(signContent(p, 'Correct horse', record, 'approved as chair', 't')).rejects.toBeInstanceOf(WrongPassphraseError);
		await expect(signContent(p, 'Correct horse', record, 'approved as chair', 't')).rejects.toThrow("The passphrase is not Dr Ada Chair's. Nothing was signed.");
	});

	it.each([
		['the content changed after signing', async (sig: Awaited<ReturnType<typeof signContent>>) => ({ sig, content: { ...record, minutes: 'De-escalate.' } }), /signed content was changed after Dr Ada Chair signed it/],
		['the content and its hash changed, the signature kept', async (sig: Awaited<ReturnType<typeof signContent>>) => {
			const content = { ...record, minutes: 'De-escalate.' };
			const { contentHash } = await import('../../src/lib/io/signatures');
			return { sig: { ...sig, contentHash: contentHash(content) }, content };
		}, /signature does not verify/],
		['re-signed with another person’s key under the chair’s name', async (sig: Awaited<ReturnType<typeof signContent>>) => {
			const forger = await profile('Mallory');
			const forged = await signContent(forger, 'correct horse', record, 'approved as chair', sig.at);
			return { sig: { ...forged, signerId: sig.signerId, name: sig.name }, content: record };
		}, /the key on Dr Ada Chair's signature is not the key of their profile/]
	])('fails when %s', async (_name, tamper, message) => {
		const p = await profile();
		const sig = await signContent(p, 'correct horse', record, 'approved as chair', '2026-03-01T10:00:00Z');
		const { sig: s, content } = await tamper(sig);
		expect(await signatureProblem(s, content, [p])).toMatch(message);
	});

	it('what a record’s signature covers is every field but the signature', () => {
		expect(signedContent({ a: 1, signature: { x: 1 } })).toEqual({ a: 1 });
	});
});
