/**
 * The `envoy` command line. Exit codes: 0 success, 1 when any article (or the
 * rule set) failed, 2 on bad usage.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseReferenceDate } from '../refdate.ts';
import { RuleError } from '../rules/load.ts';
import { runExtract, type ExtractCliOptions } from './extract.ts';
import type { EnqueueCliOptions } from './enqueue.ts';
import type { WorkerCliOptions } from './worker.ts';
import type { CollectCliOptions } from './collect.ts';
import { OUTPUT_FORMATS } from '../io/formats.ts';
import { DEFAULT_QUEUE } from '../batch/job.ts';
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

function integerOption(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number of at least ${min}`);
    return n;
  };
}
const positiveInteger = integerOption(1);
const nonNegativeInteger = integerOption(0);

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
    .addOption(new Option('--workers <n>', 'worker threads (default: one per core)').argParser(positiveInteger))
    .addOption(new Option('--format <format>', 'json (one file per article), jsonl, or csv (one row per visit)').choices(OUTPUT_FORMATS))
    .option('--resume', 'skip articles whose output under --out is current (same content, code, rules and options)')
    .addOption(new Option('--timeout <seconds>', 'stop an article that takes longer (0: no limit)').argParser(nonNegativeInteger).default(600))
    .action(async (paths: string[], opts: ExtractCliOptions) => {
      if (opts.resume && !opts.out) throw new UsageError('--resume needs --out: it skips articles whose output there is current');
      setExit(await runExtract(paths, opts));
    });

  const redisOption = () => new Option('--redis <url>', 'Redis server, e.g. redis://127.0.0.1:6379').makeOptionMandatory();
  const queueOption = () => new Option('--queue <name>', 'queue name').default(DEFAULT_QUEUE);
  cmd
    .command('enqueue')
    .description('put articles on a Redis queue for `envoy worker`s on any machine')
    .argument('<paths...>', 'article files, directories or globs')
    .addOption(redisOption())
    .addOption(queueOption())
    .addOption(new Option('--reference-date <date>', 'reference date for every article: YYYY, YYYY-MM or YYYY-MM-DD').argParser(referenceDateOption))
    .addOption(new Option('--attempts <n>', 'attempts per article before it goes to the failed set').argParser(positiveInteger).default(3))
    .addOption(new Option('--backoff <ms>', 'delay before the first retry, doubling after each').argParser(nonNegativeInteger).default(1000))
    .action(async (paths: string[], opts: EnqueueCliOptions) => {
      const { runEnqueue } = await import('./enqueue.ts');
      setExit(await runEnqueue(paths, opts));
    });

  cmd
    .command('worker')
    .description('process queued articles until stopped (any number, on any machine)')
    .addOption(redisOption())
    .addOption(queueOption())
    .addOption(new Option('--concurrency <n>', 'threads, and jobs taken at once (default: one per core)').argParser(positiveInteger))
    .option('-o, --out <dir>', 'write outputs under <dir> (shared by the workers) instead of returning them to Redis for `envoy collect`')
    .addOption(new Option('--format <format>', 'output format under --out').choices(OUTPUT_FORMATS).default('json'))
    .option('--rules <dir>', 'run with the rule files in <dir>')
    .addOption(new Option('--lock-duration <ms>', 'how long a job stays claimed by a worker that stopped answering').argParser(positiveInteger).default(30_000))
    .action(async (opts: Omit<WorkerCliOptions, 'concurrency'> & { concurrency?: number }) => {
      const [{ runWorker }, { defaultWorkerCount }] = await Promise.all([import('./worker.ts'), import('../batch/pool.ts')]);
      setExit(await runWorker({ ...opts, concurrency: opts.concurrency ?? defaultWorkerCount() }));
    });

  cmd
    .command('collect')
    .description('write the outputs of completed jobs and report the failed ones')
    .addOption(redisOption())
    .addOption(queueOption())
    .option('-o, --out <dir>', 'write <dir>/<path>.<format> per article (default: stdout)')
    .addOption(new Option('--format <format>', 'json (with --out), jsonl, or csv').choices(OUTPUT_FORMATS))
    .option('--wait', 'keep collecting until no job is waiting, active or delayed')
    .action(async (opts: CollectCliOptions) => {
      const { runCollect } = await import('./collect.ts');
      setExit(await runCollect(opts));
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
