import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DoseWatchDatabase } from '../../src/lib/db/database';
import { commitImport } from '../../src/lib/db/study-repository';
import type { SourceFile } from '../../src/lib/io/import-types';
import { planImport } from '../../src/lib/io/import/plan-import';

export const SHARED = resolve(__dirname, '../../../shared');
export const PILOT = resolve(SHARED, 'data/cdiscpilot01');

if (!existsSync(PILOT)) {
	throw new Error(`The reference data is missing: expected ${PILOT}. Tests read ../shared/data beside the checkout.`);
}

export function source(path: string): SourceFile {
	return { name: basename(path), text: readFileSync(path, 'utf8') };
}

export function pilotFiles() {
	return {
		dm: source(resolve(PILOT, 'dm.csv')),
		ex: source(resolve(PILOT, 'ex.csv')),
		ae: source(resolve(PILOT, 'ae.csv'))
	};
}

export const SMALL = resolve(__dirname, '../fixtures/small');

/** A fresh database holding the small valid fixture study "tst", imported at `at`. */
export async function seededDatabase(name: string, at = '2025-03-01T00:00:00Z'): Promise<DoseWatchDatabase> {
	const db = new DoseWatchDatabase(name);
	const files = { dm: source(`${SMALL}/dm.csv`), ex: source(`${SMALL}/ex.csv`), ae: source(`${SMALL}/ae.csv`) };
	await commitImport(db, planImport(files, { target: null, newStudyId: 'tst', now: at, who: 'a' }), { who: 'a', at, files: [] });
	return db;
}

/** A signer for tests: a reviewer profile with a fast key derivation (the app uses 310,000 PBKDF2 iterations). */
const signers = new Map<string, Promise<import('../../src/lib/db/meeting-repository').Signer>>();
export function testSigner(name = 'Dr Chair', meaning = 'approved as chair') {
	const key = `${name}|${meaning}`;
	if (!signers.has(key)) {
		signers.set(
			key,
			import('../../src/lib/io/signatures').then(async ({ createProfile }) => ({
				profile: await createProfile({ id: `profile-${name}`, name, role: 'SRC chair', passphrase: 'correct horse', at: '2025-01-01T00:00:00Z', iterations: 1000 }),
				passphrase: 'correct horse',
				meaning
			}))
		);
	}
	return signers.get(key)!;
}

/** The stores of each released schema before 4, to write a database as an older DoseWatch did. */
const V1_STORES = {
	studies: 'id',
	subjects: '[studyId+usubjid], studyId',
	doses: '[studyId+usubjid+seq], studyId, [studyId+usubjid]',
	aes: '[studyId+usubjid+aeseq], studyId, [studyId+usubjid]',
	audit: '++id, studyId, at',
	settings: 'key'
};
const V2_STORES = { ...V1_STORES, adjudications: '++id, studyId, [studyId+usubjid+aeseq]', ruleSets: 'key, studyId' };
export const LEGACY_STORES: Record<1 | 2 | 3, Record<string, string>> = { 1: V1_STORES, 2: V2_STORES, 3: { ...V2_STORES, meetings: '++id, studyId' } };
