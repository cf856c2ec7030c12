/**
 * The audit trail as a hash chain, one chain per study (and one for entries about the whole database): each entry
 * carries its place in the chain (`seq`), the hash of the entry before it (`prev`) and its own hash over every
 * other field. Changing, removing or reordering an entry breaks the chain from that entry on, and a signed
 * meeting records the chain's head so a printed pack can check a later file. Pure and synchronous (the hash is
 * computed inside database transactions, where WebCrypto's promises would end the transaction).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { AuditEntry, AuditEntryInput } from '../model/audit';
import type { ChainHead } from '../model/meeting';

export type { ChainHead };

/** The chain an entry belongs to: its study, or '*' for entries about the whole database. */
export const chainOf = (studyId: string | null): string => studyId ?? '*';

/** The `prev` of a chain's first entry. */
export const GENESIS = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth and `undefined` fields left out, so the same record always gives
 * the same text, whichever order its fields were written in and whether it went through IndexedDB or a file.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
	if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
	const obj = value as Record<string, unknown>;
	const keys = Object.keys(obj)
		.filter((k) => obj[k] !== undefined)
		.sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** The hash of an entry: SHA-256 of the canonical JSON of every field but `hash` itself. */
export function hashEntry(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
	const { hash: _ignored, ...rest } = entry;
	return sha256Hex(canonicalJson(rest));
}

/** Places a new entry after `last` (the chain's current head, or null for a new chain) and seals it. */
export function sealEntry(input: AuditEntryInput, last: Pick<AuditEntry, 'seq' | 'hash'> | null, id: string): AuditEntry {
	const unsealed = {
		...input,
		id,
		chain: chainOf(input.studyId),
		seq: last ? last.seq + 1 : 1,
		prev: last ? last.hash : GENESIS
	};
	return { ...unsealed, hash: hashEntry(unsealed) };
}


export interface ChainProblem {
	chain: string;
	seq: number | null;
	message: string;
}

export interface ChainReport {
	ok: boolean;
	/** Entries checked, per chain. */
	chains: { chain: string; entries: number; head: ChainHead | null }[];
	problems: ChainProblem[];
}

const describe = (e: AuditEntry) => `entry ${e.seq} (${e.at.slice(0, 16).replace('T', ' ')}, ${e.action} ${e.entity} "${e.key}" by ${e.who || 'unnamed'})`;

/**
 * Checks every chain: sequence numbers without gaps from 1, each `prev` the hash of the entry before, each hash
 * recomputed from the entry, and every head a signed meeting recorded still present with the same hash (so
 * entries removed from the end are found too).
 */
export function verifyChains(entries: readonly AuditEntry[], anchors: readonly (ChainHead & { label: string; signedEntry?: boolean })[] = []): ChainReport {
	const byChain = new Map<string, AuditEntry[]>();
	for (const e of entries) {
		const list = byChain.get(e.chain) ?? [];
		list.push(e);
		byChain.set(e.chain, list);
	}
	const problems: ChainProblem[] = [];
	const chains: ChainReport['chains'] = [];
	for (const [chain, list] of [...byChain].sort(([a], [b]) => a.localeCompare(b))) {
		list.sort((a, b) => a.seq - b.seq);
		let expectedPrev = GENESIS;
		let expectedSeq = 1;
		for (const e of list) {
			if (e.seq !== expectedSeq) {
				problems.push({
					chain,
					seq: e.seq,
					message:
						e.seq < expectedSeq
							? `${describe(e)} repeats place ${e.seq} in the chain`
							: `${e.seq - 1 > expectedSeq ? `entries ${expectedSeq}–${e.seq - 1} are` : `entry ${expectedSeq} is`} missing before ${describe(e)}`
				});
			}
			if (e.prev !== expectedPrev) problems.push({ chain, seq: e.seq, message: `${describe(e)} does not follow the entry before it (its link to it does not match)` });
			if (hashEntry(e) !== e.hash) problems.push({ chain, seq: e.seq, message: `${describe(e)} was altered after it was written (its hash does not match its contents)` });
			expectedPrev = e.hash;
			expectedSeq = e.seq + 1;
		}
		const last = list.at(-1);
		chains.push({ chain, entries: list.length, head: last ? { chain, seq: last.seq, hash: last.hash } : null });
	}
	for (const a of anchors) {
		const e = a.seq === 0 ? ({ hash: GENESIS } as Pick<AuditEntry, 'hash'>) : byChain.get(a.chain)?.find((x) => x.seq === a.seq);
		if (!e) problems.push({ chain: a.chain, seq: a.seq, message: `${a.label} recorded the trail up to entry ${a.seq}, which is no longer there (entries were removed)` });
		else if (e.hash !== a.hash) problems.push({ chain: a.chain, seq: a.seq, message: `${a.label} recorded entry ${a.seq} with hash ${a.hash.slice(0, 12)}…, but it now has ${e.hash.slice(0, 12)}… (the trail was rewritten)` });
		// The signing itself is the entry right after the head the meeting recorded.
		else if (a.signedEntry && !byChain.get(a.chain)?.some((x) => x.seq === a.seq + 1 && x.action === 'sign'))
			problems.push({ chain: a.chain, seq: a.seq + 1, message: `${a.label} has no audit entry of its signing after entry ${a.seq} (it was removed)` });
	}
	return { ok: problems.length === 0, chains, problems };
}

/** "12ab34cd 56ef…": a hash as printed, in groups a person can read aloud and compare. */
export function printableHash(hash: string, groups = 4): string {
	return (hash.match(/.{1,8}/g) ?? []).slice(0, groups).join(' ');
}

/** The chain heads signed meetings recorded, as anchors for verifyChains. */
export function meetingAnchors(meetings: readonly { date: string; chainHead?: ChainHead | null; signedAt: string | null; studyId: string }[]): (ChainHead & { label: string; signedEntry: boolean })[] {
	return meetings
		.filter((m) => m.signedAt && m.chainHead !== undefined)
		.map((m) => ({
			...(m.chainHead ?? { chain: m.studyId, seq: 0, hash: GENESIS }),
			label: `The meeting of ${m.date}, signed ${m.signedAt!.slice(0, 16).replace('T', ' ')},`,
			signedEntry: true
		}));
}
