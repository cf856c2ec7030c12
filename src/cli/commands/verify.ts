/**
 * `dosewatch verify BACKUP.json [--head STUDY:SEQ:HASH] [--format text|json]`: every check a restore makes (schema,
 * orphans, the audit hash chains, the heads signed meetings recorded, every signature), and optionally a chain
 * head copied from a printed meeting pack. Exit 0 when the file holds, 1 when it does not.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { printableHash, verifyChains } from '../../lib/domain/audit/audit-chain';
import { SCHEMA_VERSION } from '../../lib/db/database';
import { parseBackup } from '../../lib/io/backup';
import { UsageError, out } from '../args';

export async function verify(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({ args, options: { head: { type: 'string', multiple: true }, format: { type: 'string', default: 'text' } }, allowPositionals: true, strict: true });
	const path = positionals[0];
	if (!path || positionals.length > 1) throw new UsageError('verify needs one backup file: dosewatch verify BACKUP.json');
	if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format must be text or json');
	const heads = (values.head ?? []).map((h) => {
		const m = /^(.+):(\d+):([0-9a-f ]{8,})$/i.exec(h.trim());
		if (!m) throw new UsageError(`--head "${h}" is not STUDY:SEQ:HASH (as printed in the meeting pack, e.g. tst:12:3f9a0c1d)`);
		return { chain: m[1]!, seq: Number(m[2]), hash: m[3]!.replace(/\s/g, '').toLowerCase() };
	});
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		throw new UsageError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
	}
	// Ids are needed only to upgrade files from before schema 4; they do not change what is checked.
	const parsed = await parseBackup(basename(path), text, SCHEMA_VERSION, () => crypto.randomUUID());
	const problems: string[] = [];
	let chains: { chain: string; entries: number; head: string | null }[] = [];
	let signatures: string[] = [];
	if (!parsed.ok) problems.push(parsed.error);
	else {
		const d = parsed.backup.data;
		const report = verifyChains(d.audit);
		chains = report.chains.map((c) => ({ chain: c.chain, entries: c.entries, head: c.head ? `${c.head.seq}:${c.head.hash}` : null }));
		for (const h of heads) {
			const e = d.audit.find((x) => x.chain === h.chain && x.seq === h.seq);
			if (!e) problems.push(`the printed head ${h.chain}:${h.seq} is not in the file: the trail was cut short`);
			else if (!e.hash.startsWith(h.hash)) problems.push(`the printed head ${h.chain}:${h.seq} was ${h.hash}…, the file has ${e.hash.slice(0, h.hash.length)}…: the trail was rewritten`);
		}
		signatures = [
			...d.meetings.filter((m) => m.signature).map((m) => `meeting ${m.date} (${m.studyId}): ${m.signature!.name}${m.signature!.role ? `, ${m.signature!.role}` : ''}, ${m.signature!.meaning}, ${m.signature!.at}`),
			...d.adjudications.filter((a) => a.signature).map((a) => `adjudication ${a.usubjid} AE ${a.aeseq} (${a.decision}): ${a.signature!.name}, ${a.signature!.meaning}, ${a.signature!.at}`)
		];
	}
	const ok = problems.length === 0;
	if (values.format === 'json') out(JSON.stringify({ file: path, ok, problems, chains, signatures }, null, 2) + '\n');
	else {
		const lines = [ok ? `${path}: the backup holds.` : `${path}: the backup does NOT hold.`];
		for (const p of problems) lines.push(`  PROBLEM ${p}`);
		for (const c of chains) lines.push(`  audit chain ${c.chain === '*' ? '(whole database)' : c.chain}: ${c.entries} entries, head ${c.head ? `${c.head.split(':')[0]}: ${printableHash(c.head.split(':')[1]!)}` : 'none'}`);
		for (const s of signatures) lines.push(`  signature verified: ${s}`);
		out(lines.join('\n') + '\n');
	}
	return ok ? 0 : 1;
}
