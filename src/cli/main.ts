/**
 * The `envoy` command line. Exit codes: 0 success, 1 when any article (or the
 * rule set) failed, 2 on bad usage.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseReferenceDate } from '../refdate.ts';
import { RuleError } from '../rules/load.ts';
import { runExtract } from './extract.ts';
import { runEval } from './eval.ts';
import { runSchema } from './schema.ts';
import { runExplain } from './explain.ts';

export class UsageError extends Error {}

function referenceDateOption(value: string): string {
  try {
    return parseReferenceDate(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function program(setExit: (code: number) => void): Command {
  const cmd = new Command('envoy')
    .description('Extract diplomatic visits, dates, entities and figures from English news articles as validated JSON.')
    .exitOverride()
    .showHelpAfterError('(run envoy --help for usage)');

  cmd
    .command('extract')
    .description('extract articles (.txt files, or folders of them) to JSON')
    .argument('<paths...>', 'article files or directories (walked recursively for *.txt)')
    .option('-o, --out <dir>', 'write <dir>/<stem>.json per article (default: JSON Lines on stdout)')
    .addOption(new Option('--reference-date <date>', 'reference date for every article: YYYY, YYYY-MM or YYYY-MM-DD').argParser(referenceDateOption))
    .option('--rules <dir>', 'run with the rule files in <dir> instead of the shipped rules/')
    .action(async (paths: string[], opts: { out?: string; referenceDate?: string; rules?: string }) => {
      setExit(await runExtract(paths, opts));
    });

  cmd
    .command('eval')
    .description('score the pipeline against gold annotations (<name>.txt + <name>.gold.json)')
    .requiredOption('--gold <dir>', 'directory of gold-annotated articles')
    .option('--json', 'print the report as JSON')
    .option('-v, --verbose', 'list every missed, spurious and wrong item per article, with its sentence')
    .option('--baseline <report.json>', 'print the difference against an earlier `eval --json` report')
    .option('--watch', 'run again whenever a file in the rules directory changes, printing the difference')
    .option('--rules <dir>', 'run with the rule files in <dir>')
    .action(async (opts: { gold: string; json?: boolean; verbose?: boolean; baseline?: string; watch?: boolean; rules?: string }) => {
      setExit(await runEval(opts));
    });

  cmd
    .command('explain')
    .description('show, sentence by sentence, what each stage found, which rule fired where, and the near misses')
    .argument('<file>', 'one article')
    .option('--rule <id>', 'show only what rule <id> did')
    .option('--html <out.html>', 'write a self-contained HTML page with highlights and visit cards instead')
    .addOption(new Option('--reference-date <date>', 'reference date: YYYY, YYYY-MM or YYYY-MM-DD').argParser(referenceDateOption))
    .option('--rules <dir>', 'run with the rule files in <dir>')
    .action(async (file: string, opts: { rule?: string; html?: string; referenceDate?: string; rules?: string }) => {
      setExit(await runExplain(file, opts));
    });

  cmd
    .command('schema')
    .description('print the JSON Schema of the output (generated from the zod schemas)')
    .action(() => {
      setExit(runSchema());
    });

  return cmd;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const cmd = program((c) => {
    code = c;
  });
  if (argv.length === 0) {
    cmd.outputHelp();
    return 2;
  }
  try {
    await cmd.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`envoy: ${err.message}\n`);
      return 2;
    }
    if (err instanceof RuleError) {
      process.stderr.write(`envoy: invalid rules:\n${err.message}\n`);
      return 1;
    }
    process.stderr.write(`envoy: ${(err as Error).stack ?? err}\n`);
    return 1;
  }
}
