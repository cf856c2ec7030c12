/**
 * dosewatch: the headless command. Runs the app's own import and domain code on files, for data managers and
 * for validation. Exit codes: 0 fine, 1 the data has errors, 2 the command was used wrongly.
 */
import { forTerminal } from '../lib/io/visible-text';
import { STUDY_PRESETS } from '../lib/presets/study-presets';
import { DLT_RULE_SETS } from '../lib/presets/dlt-rule-sets';
import { UsageError } from './args';
import { boundaries } from './commands/boundaries';
import { evaluate } from './commands/evaluate';
import { labs } from './commands/labs';
import { ada } from './commands/ada';
import { response } from './commands/response';
import { recommend } from './commands/recommend';
import { validate } from './commands/validate';
import { verify } from './commands/verify';

const USAGE = `Usage: dosewatch <command> [options]

Commands:
  validate --dm DM.csv [--ex EX.csv] [--ae AE.csv] [--ds DS.csv] [--preset ID] [--format text|json]
      Checks SDTM (or ADaM ADSL/ADAE) files exactly as the app's import preview does and prints the
      problem report. Exit code 1 when there is an error, 0 otherwise.
      --preset checks dose levels and drugs against a study preset (${STUDY_PRESETS.map((p) => p.id).join(', ')}).

  evaluate (--preset ID | --study FILE) --dm DM.csv --ex EX.csv --ae AE.csv [--ds DS.csv] [--lb LB.csv] [--rules RULES.json ...] [--as-of YYYY-MM-DD] [--format json|csv|text]
      DLT verdicts per AE, subject and dose level, with TEAE flags, as of a date (default: today).
      --preset: a DLT rule set (${DLT_RULE_SETS.map((s) => s.id).join(', ')}) or a study preset; dose levels are
      the codes found in DM.ACTARMCD (else ARMCD), in natural order (DL2 before DL10).
      --study: a study JSON file (as in a DoseWatch backup); dose levels follow its escalation order.
      --lb: the counts are judged by the same rules: a neutropenia or thrombocytopenia that meets (or may meet)
      a DLT clause without an AE that already is one is listed as a lab-defined DLT candidate (labCandidates).
      --rules: the study's own DLT rule set versions (the DLT page's "Download the rules"), in place of the
      preset's; after a protocol amendment each subject is judged by the version in force on their day 1.

  labs --dm DM.csv --ex EX.csv --lb LB.csv [--vs VS.csv] [--eg EG.csv] [--format json|csv]
      Every lab result graded to CTCAE v5.0 (admiral's criteria; SI, or US conventional units with the US
      criteria), with its baseline (LBBLFL, else the last value on or before day 1 = first dose > 0) and, when
      no grade can be given, why. JSON: { "records": [...], "subjects": [...] } (each subject's baseline and
      worst post-baseline grade per test). VS and EG results are listed, not graded.

  ada --dm DM.csv --ex EX.csv --is IS.csv [--cut-point N] [--test ADA_BAB] [--format json]
      Anti-drug antibodies by protocol 000's rule: each sample positive (a level exceeding the cut-point, or
      reported positive), negative or indeterminate; each participant positive with 2 consecutive positive
      samples or a positive final sample, with the pattern (treatment-induced, treatment-boosted, pre-existing,
      negative) and the reason; participants with a positive sample per dose level and cycle.

  response --dm DM.csv --ex EX.csv --rs RS.csv [--tr TR.csv] [--ae AE.csv] [--ds DS.csv] [--evaluator INVESTIGATOR]
           [--confirm-min-days 28] [--sd-min-days 42] [--as-of YYYY-MM-DD] [--format json]
      Best overall response by RECIST 1.1 per subject, confirmed and unconfirmed (admiralonco's conventions:
      days from RSDTC, a missing day the month's last, the worst of two on a date, up to the first PD), and per
      dose level ORR and disease control with Clopper-Pearson 95% intervals (percent); PFS and duration of
      response per subject (days; event or censored, with the reason) and their Kaplan-Meier medians per level;
      with TR, each subject's best change in the sum of target diameters (percent).

  recommend --json < scenarios.json
      Reads a JSON array of scenarios on standard input and writes a JSON array of results in the same order.
      A scenario: {"design": "3+3" | "boin", "currentDose": 2, "n": [3, 6, 0], "dlt": [0, 1, 0],
      "deescalation": true, "target": 0.3, "elimination": true, "stopWhenDeescalationImpossible": false}.
      3+3 is the standard design (deescalation true: an MTD is confirmed on 6); false is Storer's variant.
  recommend --design 3+3|boin --current-dose D --n 3,6,0 --dlt 0,1,0 [--storer] [--target 0.3]
            [--no-elimination] [--stop-when-deescalation-impossible]
      One scenario, answered in words.

  verify BACKUP.json [--head STUDY:SEQ:HASH ...] [--format text|json]
      Every check a restore makes: records against the schema, no orphan records, the audit trail's hash
      chains, the chain heads signed meetings recorded, and every electronic signature. --head checks a chain
      head copied from a printed meeting pack (e.g. tst:12:3f9a0c1d). Exit code 1 when the file does not hold.

  boundaries --target 0.3 --max-n 30 [--format json|text]
      The BOIN decision table: escalate when DLTs ≤ escalate, de-escalate when ≥ deescalate, eliminate when
      ≥ eliminate.
`;

export async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	try {
		switch (command) {
			case 'validate':
				return await validate(rest);
			case 'evaluate':
				return await evaluate(rest);
			case 'labs':
				return await labs(rest);
			case 'ada':
				return await ada(rest);
			case 'response':
				return await response(rest);
			case 'recommend':
				return recommend(rest);
			case 'boundaries':
				return boundaries(rest);
			case 'verify':
				return await verify(rest);
			case undefined:
			case 'help':
			case '--help':
			case '-h':
				process.stdout.write(USAGE);
				return command === undefined ? 2 : 0;
			default:
				throw new UsageError(`unknown command "${command}"`);
		}
	} catch (e) {
		if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
			process.stderr.write(forTerminal(`dosewatch: ${(e as Error).message}\nRun "dosewatch help" for the commands and their options.\n`));
			return 2;
		}
		throw e;
	}
}

process.exitCode = await main(process.argv.slice(2));
