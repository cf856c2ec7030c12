/** The import and restore jobs the worker runs, run here without a worker: what the page receives. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../src/lib/db/backup-repository';
import { checkBackupJob, commitJob, planJob, restoreJob } from '../../src/lib/services/import-job';
import { seededDatabase, SMALL } from './helpers';
import { DoseWatchDatabase } from '../../src/lib/db/database';

const file = (name: string, text: string) => Object.assign(new Blob([text]), { name });
const read = (f: string) => readFileSync(`${SMALL}/${f}`, 'utf8');

describe('planJob and commitJob', () => {
	it('plan a re-import, report progress, send only what the preview shows, and write it', async () => {
		const db = await seededDatabase(`job-${Math.random()}`);
		const stages: string[] = [];
		const ae = read('ae.csv').replace('TST01,AE,TST01-003,1,ANAEMIA,Anemia,Blood and lymphatic system disorders,,SEVERE', 'TST01,AE,TST01-003,1,ANAEMIA,Anemia,Blood and lymphatic system disorders,4,');
		const { plan, view } = await planJob(
			db,
			{ files: { dm: file('dm.csv', read('dm.csv')), ex: file('ex.csv', read('ex.csv')), ae: file('ae.csv', ae) }, targetId: 'tst', newStudyId: 'x', now: 't', who: 'Dr Data' },
			(s) => stages.push(s)
		);
		expect(stages).toEqual(expect.arrayContaining(['reading the files', 'checking ae.csv', 'comparing with the stored study']));
		expect(view.study).toMatchObject({ id: 'tst', isNew: false, sdtmStudyId: 'TST01' });
		expect(view.errorCount).toBe(0);
		expect(view.reimport?.changed.lines).toEqual(['TST01-003 AE 1: Grade: 3 → 4']);
		expect(view.reimport?.removals).toBeNull();
		expect(JSON.stringify(view)).not.toContain('attributionHistory'); // no records cross to the page
		await commitJob(db, plan, { who: 'Dr Data', at: '2025-03-05T00:00:00Z', files: ['ae.csv'], expectedHead: view.reimport!.head }, () => {});
		expect((await db.aes.get(['tst', 'TST01-003', 1]))!.grade).toBe(4);
	});
});

describe('the settings step of an import', () => {
	it('writes the study with the settings chosen in the preview, in one audit entry with the import', async () => {
		const db = new DoseWatchDatabase(`job-settings-${Math.random()}`);
		const { plan, view } = await planJob(
			db,
			{ files: { dm: file('dm.csv', read('dm.csv')), ex: file('ex.csv', read('ex.csv')), ae: file('ae.csv', read('ae.csv')) }, targetId: null, newStudyId: 'new', now: 't', who: 'Dr Data' },
			() => {}
		);
		// What the step starts from: the settings as read, and the rule sets to choose from.
		expect(view.study.settings).toMatchObject({ dltRuleSet: 'generic', design: { kind: '3+3' }, dltWindow: { startDay: 1, endDay: 21 } });
		expect(view.study.ruleSetChoices.map((c) => c.id)).toEqual(['bat4706-bat1308', 'generic']);
		const chosen = { ...view.study.settings, dltRuleSet: 'bat4706-bat1308', dltWindow: { ...view.study.settings.dltWindow, endDay: 28 }, dataCutoff: '2025-03-01' };
		await commitJob(db, plan, { who: 'Dr Data', at: '2025-03-05T00:00:00Z', files: ['dm.csv'], settings: { settings: chosen, reason: 'As in the protocol' } }, () => {});
		const study = (await db.studies.get('new'))!;
		expect(study).toMatchObject({ dltRuleSet: 'bat4706-bat1308', dataCutoff: '2025-03-01', dltWindow: { endDay: 28, confirmed: { by: 'Dr Data', reason: 'As in the protocol' } } });
		const entries = await db.auditTrail.where('studyId').equals('new').toArray();
		expect(entries).toHaveLength(1);
		expect(entries[0]!.after).toMatchObject({
			settings: { reason: 'As in the protocol', changes: expect.arrayContaining(['dltRuleSet: generic → bat4706-bat1308', 'dltWindow.endDay: 21 → 28', 'dataCutoff: – → 2025-03-01']) }
		});
	});
});

describe('checkBackupJob and restoreJob', () => {
	it('checks a backup and restores it after confirmation when it is older than the history here', async () => {
		const db = await seededDatabase(`job-${Math.random()}`);
		const text = await exportBackup(db, 'Dr Backup', '2025-03-02T00:00:00Z');
		const other = new DoseWatchDatabase(`job-other-${Math.random()}`);
		const checked = await checkBackupJob(other, file('b.json', text), () => {});
		if ('error' in checked) throw new Error(checked.error);
		expect(checked.view).toMatchObject({ name: 'b.json', exportedBy: 'Dr Backup', counts: { studies: 1 }, impact: { dropped: 0 } });
		await restoreJob(other, checked.backup, 'Dr Kim', '2025-03-03T00:00:00Z', false, () => {});
		expect(await other.studies.count()).toBe(1);
	});

	it('gives the refusal in words for a damaged file', async () => {
		const db = await seededDatabase(`job-${Math.random()}`);
		const r = await checkBackupJob(db, file('bad.json', '{"format":"dosewatch-backup"'), () => {});
		expect(r).toEqual({ error: 'bad.json cannot be restored: it is not valid JSON (the file may be truncated or damaged). Nothing was changed.' });
	});
});
