/**
 * Electronic signatures with WebCrypto (the browser's and Node's alike): a reviewer profile's ECDSA P-256 key pair,
 * its private key encrypted under a key derived from the reviewer's passphrase (PBKDF2-SHA-256, AES-GCM), and
 * signing and verifying a record's content hash. A wrong passphrase fails to decrypt the key, so no signature can
 * be made without it.
 */
import { canonicalJson, sha256Hex } from '../domain/audit/audit-chain';
import type { Adjudication, Meeting, ReviewerProfile, Signature } from '../domain/types';

const subtle = () => globalThis.crypto.subtle;
const ITERATIONS = 310_000;
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

const toB64 = (b: ArrayBuffer | Uint8Array) => {
	const bytes = b instanceof Uint8Array ? b : new Uint8Array(b);
	let s = '';
	for (const x of bytes) s += String.fromCharCode(x);
	return btoa(s);
};
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export class WrongPassphraseError extends Error {
	constructor(name: string) {
		super(`The passphrase is not ${name}'s. Nothing was signed.`);
		this.name = 'WrongPassphraseError';
	}
}

async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
	const base = await subtle().importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
	return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A new profile: a key pair whose private half only the passphrase opens. */
export async function createProfile(input: { id: string; name: string; role: string; passphrase: string; at: string; iterations?: number }): Promise<ReviewerProfile> {
	if (input.passphrase.length < 8) throw new Error('Choose a passphrase of at least 8 characters.');
	if (!input.name.trim()) throw new Error('Give the reviewer’s printed name.');
	const iterations = input.iterations ?? ITERATIONS;
	const pair = (await subtle().generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
	const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
	const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
	const pkcs8 = await subtle().exportKey('pkcs8', pair.privateKey);
	const wrapped = await subtle().encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, await passphraseKey(input.passphrase, salt, iterations), pkcs8);
	return {
		id: input.id,
		name: input.name.trim(),
		role: input.role.trim(),
		publicKey: await subtle().exportKey('jwk', pair.publicKey),
		wrappedKey: toB64(wrapped),
		salt: toB64(salt),
		iv: toB64(iv),
		iterations,
		createdAt: input.at
	};
}

async function unlock(profile: ReviewerProfile, passphrase: string): Promise<CryptoKey> {
	let pkcs8: ArrayBuffer;
	try {
		const key = await passphraseKey(passphrase, fromB64(profile.salt), profile.iterations);
		pkcs8 = await subtle().decrypt({ name: 'AES-GCM', iv: fromB64(profile.iv) as BufferSource }, key, fromB64(profile.wrappedKey) as BufferSource);
	} catch {
		throw new WrongPassphraseError(profile.name);
	}
	return subtle().importKey('pkcs8', pkcs8, ECDSA, false, ['sign']);
}

/** The hash a signature covers: SHA-256 of the canonical JSON of the content. */
export const contentHash = (content: unknown) => sha256Hex(canonicalJson(content));

/** Signs `content` as the profile's owner; throws WrongPassphraseError when the passphrase does not open the key. */
export async function signContent(profile: ReviewerProfile, passphrase: string, content: unknown, meaning: string, at: string): Promise<Signature> {
	const key = await unlock(profile, passphrase);
	const hash = contentHash(content);
	const value = await subtle().sign(SIGN, key, new TextEncoder().encode(hash));
	return { signerId: profile.id, name: profile.name, role: profile.role, meaning, at, contentHash: hash, value: toB64(value), publicKey: profile.publicKey };
}

/**
 * Why a signature does not hold for `content`, or null when it does: the content must hash to what was signed,
 * the signature must verify with the key it names, and that key must be the signer's profile key when the profile
 * is known here.
 */
export async function signatureProblem(sig: Signature, content: unknown, profiles: readonly ReviewerProfile[] = []): Promise<string | null> {
	if (contentHash(content) !== sig.contentHash) return `the signed content was changed after ${sig.name} signed it`;
	const profile = profiles.find((p) => p.id === sig.signerId);
	if (profile && canonicalJson(profile.publicKey) !== canonicalJson(sig.publicKey)) return `the key on ${sig.name}'s signature is not the key of their profile`;
	try {
		const key = await subtle().importKey('jwk', sig.publicKey, ECDSA, false, ['verify']);
		const ok = await subtle().verify(SIGN, key, fromB64(sig.value) as BufferSource, new TextEncoder().encode(sig.contentHash));
		return ok ? null : `${sig.name}'s signature does not verify`;
	} catch {
		return `${sig.name}'s signature cannot be read`;
	}
}

/** What a record's signature covers: every field but the signature itself. */
export function signedContent<T extends { signature?: unknown }>(record: T): Omit<T, 'signature'> {
	const { signature: _sig, ...rest } = record;
	return rest;
}

/** Every signature in the records that does not hold, in words naming the record. */
export async function signatureProblems(
	records: { adjudications: readonly Adjudication[]; meetings: readonly Meeting[]; reviewers?: readonly ReviewerProfile[] }
): Promise<string[]> {
	const out: string[] = [];
	for (const a of records.adjudications) {
		if (!a.signature) continue;
		const p = await signatureProblem(a.signature, signedContent(a), records.reviewers);
		if (p) out.push(`adjudication of ${a.usubjid} AE ${a.aeseq} (${a.at.slice(0, 16).replace('T', ' ')}): ${p}`);
	}
	for (const m of records.meetings) {
		if (!m.signature) continue;
		const p = await signatureProblem(m.signature, signedContent(m), records.reviewers);
		if (p) out.push(`meeting of ${m.date}: ${p}`);
	}
	return out;
}
