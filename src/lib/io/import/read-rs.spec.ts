import { describe, expect, it } from 'vitest';
import { readRs } from './read-rs';

const RS = [
	'USUBJID,RSTESTCD,RSSTRESC,RSEVAL,RSEVALID,RSACPTFL,RSDTC',
	'S-1,OVRLRESP,PR,INDEPENDENT ASSESSOR,RADIOLOGIST 1,Y,2026-04-01',
	'S-1,OVRLRESP,NE,INDEPENDENT ASSESSOR,RADIOLOGIST 2,,2026-04-01',
	'S-1,OVRLRESP,SD,INVESTIGATOR,,,2026-04-01',
	'S-1,TRGRESP,PR,INVESTIGATOR,,,2026-04-01',
	'S-9,OVRLRESP,PD,INVESTIGATOR,,,2026-04-01'
].join('\n');

describe('reading RS for the best overall response', () => {
	it('keeps the overall responses of the investigator by default', () => {
		const r = readRs({ name: 'rs.csv', text: RS }, new Set(['S-1', 'S-9']), 'INVESTIGATOR');
		expect(r.assessments).toEqual([
			{ usubjid: 'S-1', date: '2026-04-01', response: 'SD' },
			{ usubjid: 'S-9', date: '2026-04-01', response: 'PD' }
		]);
	});

	it('keeps only the accepted read of an independent assessor where two radiologists read', () => {
		const r = readRs({ name: 'rs.csv', text: RS }, new Set(['S-1', 'S-9']), 'INDEPENDENT ASSESSOR');
		expect(r.assessments).toEqual([{ usubjid: 'S-1', date: '2026-04-01', response: 'PR' }]);
	});

	it('names a subject not in DM by file, row and column', () => {
		const r = readRs({ name: 'rs.csv', text: RS }, new Set(['S-1']), 'INVESTIGATOR');
		expect(r.problems).toEqual([{ file: 'rs.csv', row: 6, column: 'USUBJID', severity: 'error', message: 'subject "S-9" is not in DM' }]);
	});
});
