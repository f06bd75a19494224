import { GROUP_BY, parseGroupBy } from "../montecarlo/groups.js";
import { InvalidArgumentError, Option } from "commander";
import { parseSetting, type ParameterSetting } from "../scenario/overrides.js";

export const proposerOption = () =>
  new Option("--proposer <side>", "which side proposes in deferred acceptance")
    .choices(["applicant", "program"])
    .default("applicant");

export const outOption = () => new Option("-o, --out <file>", "write the result to FILE (atomically) instead of stdout");

/** A whole number within bounds, for options such as --runs and --workers. */
export function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** Collects repeated `--set path=value` options. */
export function collectSettings(value: string, previous: ParameterSetting[] = []): ParameterSetting[] {
  return [...previous, parseSetting(value)];
}

export const runsOption = () =>
  new Option("-n, --runs <n>", "seasons to simulate (default: the file's runs, else 1000)").argParser(wholeNumber(1, 100_000_000));

export const seedOption = () =>
  new Option("-s, --seed <n>", "random seed (default: the file's seed, else 1)").argParser(wholeNumber(0, Number.MAX_SAFE_INTEGER));

export const setOption = () =>
  new Option(
    "--set <path=value>",
    "set a model parameter or a field of the scenario by id, e.g. ripple.sameRegion=0.8, referrers.dr-x.clout=0.5, applicants.me.aways=[P7] or advocates+={referrer: dr-x} (repeatable)",
  ).argParser(collectSettings);

/** `--opinion R:A=verdict`: what referrer R thinks and says of applicant A, as `--set opinions.R~A=verdict`. */
export function collectOpinions(value: string, previous: ParameterSetting[] = []): ParameterSetting[] {
  const m = /^([^:=]+):([^=]+)=(.*)$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError("expected REFERRER:APPLICANT=verdict, for example dr-x:me=strong.");
  const setting = parseSetting(`opinions.${m[1]!.trim()}~${m[2]!.trim()}=${m[3]!.trim()}`, `--opinion ${value}`);
  return [...previous, setting];
}

export const opinionOption = () =>
  new Option("--opinion <referrer:applicant=verdict>", "fix what a referrer thinks and says of an applicant, e.g. dr-x:me=strong (repeatable)").argParser(
    collectOpinions,
  );

/** Every setting of a command line: its --set and its --opinion options. */
export const settingsOf = (opts: { set?: ParameterSetting[] | undefined; opinion?: ParameterSetting[] | undefined }): ParameterSetting[] => [
  ...(opts.set ?? []),
  ...(opts.opinion ?? []),
];

export const workersOption = () =>
  new Option("-w, --workers <n>", "worker threads (default: every core for large jobs, 1 for small ones)").argParser(
    wholeNumber(1, 1024),
  );

export const shardOption = () =>
  new Option("--shard <i/n>", "compute only shard i of n of the trials, as a part for `merge`").argParser((v: string) => {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || count < 1 || index < 1 || index > count || count > 1_000_000) {
      throw new InvalidArgumentError("expected i/n with 1 ≤ i ≤ n, for example 2/8.");
    }
    return { index, count };
  });

/** --group-by: how the run's groups of applicants are formed. */
export const groupByOption = () =>
  new Option("--group-by <attribute>", `group applicants by ${GROUP_BY.join(", ")} (default: access, who has a home or away program and a letter writer tied to a director)`).argParser(
    (v: string) => parseGroupBy(v),
  );

/** --table: which tidy table a CSV holds. */
export const tableOption = (tables: readonly string[]) =>
  new Option("--table <name>", `with CSV, which table: ${tables.join(", ")} (default: applicants)`).choices(tables);
