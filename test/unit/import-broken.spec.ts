/**
 * The broken-input corpus: each file under test/fixtures/broken is a valid fixture with one defect. Each must be
 * refused with a message naming the file, row and field, and the database must be exactly as before.
 */
import { readAllAudit } from '../../src/lib/db/audit-repository';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DoseWatchDatabase } from '../../src/lib/db/database';
import { commitImport, ImportRefusedError } from '../../src/lib/db/study-repository';
import { hasErrors } from '../../src/lib/io/import-types';
import { planImport } from '../../src/lib/io/import/plan-import';
import { source } from './helpers';

const FIX = resolve(__dirname, '../fixtures');
const small = () => ({
	dm: source(resolve(FIX, 'small/dm.csv')),
	ex: source(resolve(FIX, 'small/ex.csv')),
	ae: source(resolve(FIX, 'small/ae.csv'))
});

// file, the row and column the message must name (null: the problem is the whole file), words it must contain
const CASES: [string, number | null, string | null, RegExp][] = [
	['01-impossible-date.ae.csv', 3, 'AESTDTC', /2025-13-40.*no month 13/],
	['02-end-before-start.ae.csv', 2, 'AEENDTC', /end 2025-01-02 is before start 2025-01-08/],
	['03-grade-out-of-range.ae.csv', 2, 'AETOXGR', /grade "7" is not a CTCAE grade 1–5/],
	['04-duplicate-key.ae.csv', 3, 'AESEQ', /duplicate key TST01-001 AESEQ 1 \(first at row 2\)/],
	['05-unknown-subject.ae.csv', 4, 'USUBJID', /subject "TST01-099" is not in dm.csv/],
	['06-ragged-row.ae.csv', 3, 'AESER', /has 9 fields but the header has 15/],
	['07-missing-aeseq-column.ae.csv', 1, 'AESEQ', /required column AESEQ is missing/],
	['08-not-csv-binary.ae.csv', null, null, /not a CSV text file/],
	['09-duplicate-subject.dm.csv', 3, 'USUBJID', /duplicate subject TST01-001/],
	['10-dose-not-a-number.ex.csv', 5, 'EXDOSE', /dose "ten" is not a plain decimal number/],
	['11-unknown-relatedness.ae.csv', 2, 'AEREL', /relatedness "MAYBE" is not a known wording/],
	['12-age-not-a-number.dm.csv', 2, 'AGE', /age "sixty"/],
	['13-dose-end-before-start.ex.csv', 2, 'EXENDTC', /end 2025-01-05T10:00 is before start 2025-01-06T09:00/],
	['14-unclosed-quote.ae.csv', 2, null, /CSV syntax: .*[Qq]uote/],
	['15-json-not-csv.ae.csv', null, null, /JSON file, not a CSV export/],
	['16-empty.ae.csv', null, null, /the file is empty/],
	['17-serious-not-yn.ae.csv', 2, 'AESER', /AESER "MAYBE" is not Y or N/],
	['18-dose-unknown-subject.ex.csv', 5, 'USUBJID', /subject "TST01-077" is not in dm.csv/]
];

function filesWith(name: string) {
	const files = small();
	const domain = name.split('.').at(-2) as 'dm' | 'ex' | 'ae';
	files[domain] = source(resolve(FIX, 'broken', name));
	return files;
}

const options = { target: null, newStudyId: 'tst', now: '2025-03-01T00:00:00Z', who: 'tester' };

describe('the broken-input corpus', () => {
	let db: DoseWatchDatabase;
	beforeEach(async () => {
		db = new DoseWatchDatabase(`broken-${Math.random()}`);
		// Something already stored, which a refused import must leave exactly as it was.
		const plan = planImport(small(), { ...options, newStudyId: 'existing' });
		await commitImport(db, plan, { who: 'tester', at: options.now, files: ['dm.csv', 'ex.csv', 'ae.csv'] });
	});

	it('covers every file in test/fixtures/broken', () => {
		expect(readdirSync(resolve(FIX, 'broken')).sort()).toEqual(CASES.map((c) => c[0]).sort());
	});

	it('the valid fixture itself imports without problems', () => {
		expect(planImport(small(), options).problems).toEqual([]);
	});

	it.each(CASES)('%s is refused naming row %s, column %s', async (name, row, column, message) => {
		const plan = planImport(filesWith(name), options);
		const match = plan.problems.find((p) => p.severity === 'error' && p.file === name && message.test(p.message));
		expect(match, JSON.stringify(plan.problems, null, 1)).toBeDefined();
		expect(match!.row).toBe(row);
		expect(match!.column).toBe(column);

		const snapshot = async () => ({
			studies: await db.studies.toArray(),
			subjects: await db.subjects.toArray(),
			doses: await db.doses.toArray(),
			aes: await db.aes.toArray(),
			audit: await readAllAudit(db)
		});
		const before = await snapshot();
		expect(hasErrors(plan.problems)).toBe(true);
		await expect(commitImport(db, plan, { who: 'tester', at: options.now, files: [name] })).rejects.toBeInstanceOf(
			ImportRefusedError
		);
		expect(await snapshot()).toEqual(before);
	});
});
