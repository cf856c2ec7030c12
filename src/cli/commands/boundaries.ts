/** `dosewatch boundaries`: the BOIN decision table for a target DLT rate. */
import { parseArgs } from 'node:util';
import { boinTable } from '../../lib/domain/escalation/recommend';
import { UsageError, out } from '../args';

export function boundaries(args: string[]): number {
	const { values } = parseArgs({
		args,
		options: { target: { type: 'string' }, 'max-n': { type: 'string', default: '30' }, format: { type: 'string', default: 'text' } },
		strict: true
	});
	const target = Number(values.target);
	if (values.target === undefined || !(target > 0 && target < 1)) throw new UsageError(`--target ${values.target ?? '(missing)'} must be a number between 0 and 1`);
	const maxN = Number(values['max-n']);
	if (!Number.isInteger(maxN) || maxN < 1 || maxN > 1000) throw new UsageError(`--max-n ${values['max-n']} must be a whole number from 1 to 1000`);
	if (values.format !== 'json' && values.format !== 'text') throw new UsageError('--format must be json or text');
	const rows = boinTable(target, maxN);
	if (values.format === 'json') {
		out(JSON.stringify({ target, rows }, null, 2) + '\n');
		return 0;
	}
	const lines = [`BOIN boundaries for target DLT rate ${target} (φ1 = ${+(0.6 * target).toFixed(4)}, φ2 = ${+(1.4 * target).toFixed(4)})`, '', '  n  escalate if ≤  de-escalate if ≥  eliminate if ≥'];
	for (const r of rows) lines.push(`${String(r.n).padStart(3)}  ${String(r.escalate).padStart(13)}  ${String(r.deescalate).padStart(16)}  ${String(r.eliminate ?? 'NA').padStart(14)}`);
	out(lines.join('\n') + '\n');
	return 0;
}
