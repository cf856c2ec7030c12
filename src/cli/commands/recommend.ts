/** `dosewatch recommend`: the escalation design's answer for scenarios, through the same recommendFor as the app. */
import { parseArgs } from 'node:util';
import { answerScenario, parseScenario, ScenarioError } from '../../lib/io/escalation-scenarios';
import { UsageError, readStdin, numberList, out } from '../args';

export function recommend(args: string[]): number {
	const { values } = parseArgs({
		args,
		options: {
			json: { type: 'boolean', default: false },
			design: { type: 'string' },
			'current-dose': { type: 'string' },
			n: { type: 'string' },
			dlt: { type: 'string' },
			storer: { type: 'boolean', default: false },
			// The standard 3+3 de-escalates; kept so older command lines still run.
			deescalation: { type: 'boolean', default: true },
			target: { type: 'string' },
			'no-elimination': { type: 'boolean', default: false },
			'stop-when-deescalation-impossible': { type: 'boolean', default: false }
		},
		strict: true
	});
	try {
		if (values.json) {
			let raw: unknown;
			try {
				raw = JSON.parse(readStdin());
			} catch (e) {
				throw new UsageError(`standard input is not JSON (${(e as Error).message})`);
			}
			if (!Array.isArray(raw)) throw new UsageError('standard input must be a JSON array of scenarios');
			const results = raw.map((item, i) => answerScenario(parseScenario(item, `scenario ${i}`), `scenario ${i}`));
			out(JSON.stringify(results, null, 2) + '\n');
			return 0;
		}
		const scenario = parseScenario(
			{
				design: values.design,
				currentDose: Number(values['current-dose']),
				n: numberList(values.n, '--n'),
				dlt: numberList(values.dlt, '--dlt'),
				deescalation: !values.storer,
				...(values.target !== undefined ? { target: Number(values.target) } : {}),
				elimination: !values['no-elimination'],
				stopWhenDeescalationImpossible: values['stop-when-deescalation-impossible']
			},
			'scenario'
		);
		const r = answerScenario(scenario, 'scenario');
		const head = r.continue ? `Next cohort: dose ${r.nextDose}.` : r.mtd ? `Stop. MTD: dose ${r.mtd}.` : 'Stop. No acceptable dose (no MTD).';
		out(`${head}\n${r.reason}\n`);
		return 0;
	} catch (e) {
		if (e instanceof ScenarioError) throw new UsageError(e.message);
		throw e;
	}
}
