/**
 * Electronic signatures bound to a person (21 CFR Part 11 §11.50 and §11.200 as the model): a reviewer profile
 * on this device holds an ECDSA P-256 key pair whose private half is encrypted with the reviewer's passphrase;
 * each signature names the signer, the time and what the signature means, and is a WebCrypto signature over the
 * signed record's content hash.
 */

/** A reviewer who can sign on this device. The private key never leaves it unencrypted. */
export interface ReviewerProfile {
	id: string;
	/** Printed name, as it appears on every signature. */
	name: string;
	/** Role shown beside the name ("Medical monitor", "SRC chair"). */
	role: string;
	/** The public key (JWK), to verify this reviewer's signatures. */
	publicKey: JsonWebKey;
	/** PKCS#8 private key, AES-GCM encrypted under a PBKDF2 key from the passphrase; base64. */
	wrappedKey: string;
	salt: string;
	iv: string;
	iterations: number;
	createdAt: string;
}

/** What a signature means, printed beside it. */
export const SIGNATURE_MEANINGS = ['approved as chair', 'reviewed as committee member', 'decided as committee', 'recorded for the committee'] as const;
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];

export interface Signature {
	signerId: string;
	/** Printed name of the signer at signing. */
	name: string;
	role: string;
	meaning: string;
	/** When it was signed (ISO 8601 with time, UTC). */
	at: string;
	/** SHA-256 (hex) of the canonical JSON of what was signed. */
	contentHash: string;
	/** ECDSA P-256 / SHA-256 signature over contentHash, base64. */
	value: string;
	/** The signer's public key at signing, so a backup can be checked without the profile. */
	publicKey: JsonWebKey;
}
