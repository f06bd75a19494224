import { Option, type Command } from "commander";
import { basename } from "node:path";
import { UsageError } from "../../errors.js";
import type { Proposer } from "../../match/deferred-acceptance.js";
import type { VariantSpec } from "../../montecarlo/compare-results-of.js";
import { renderJson } from "../../report/json.js";
import type { CompareResults } from "../../results/compare-results.js";
import { withSettings } from "../../scenario/edits.js";
import { fingerprintOf } from "../../scenario/hash.js";
import type { IndexedScenario } from "../../scenario/index-scenario.js";
import { scenarioLabel, type LoadedScenario } from "../../scenario/load.js";
import { parseSetting, type ParameterSetting } from "../../scenario/overrides.js";
import type { Io } from "../io.js";
import { interruptible } from "../interrupt.js";
import { collectOpinions, opinionOption, outOption, proposerOption, runsOption, seedOption, setOption, settingsOf, workersOption } from "../options.js";
import { chooseFormat, formatOption, quietOption, refuseOverwritingInputs, wideOption, writeOutput } from "../output.js";
import { progressBar } from "../progress.js";
import { renderDocument } from "../render.js";
import { loadScenarioInput, requireId } from "../scenario-input.js";
import { DEFAULT_RUNS, DEFAULT_SEED } from "./run.js";

export const COMPARE_FORMATS = ["text", "json", "csv", "markdown", "html"] as const;

interface CompareCliOptions {
  set?: ParameterSetting[];
  baseSet?: ParameterSetting[];
  opinion?: ParameterSetting[];
  variant?: string[];
  focus?: string;
  knowers?: boolean;
  runs?: number;
  seed?: number;
  proposer: Proposer;
  workers?: number;
  format?: string;
  out?: string;
  wide?: boolean;
  quiet?: boolean;
  color?: boolean;
}

const EXAMPLES = `
A what-if is the base with --set (and --opinion) applied, or a second file; --variant adds
more, each with a name: --variant "mentor: --set applicants.Ava.advocates+={referrer: dr-okafor}".
--base-set edits the base itself, and so every what-if built on it (write yourself in with
--base-set "applicants+={id: me, …}"). --knowers (with --focus) compares the base with each
knower of the focus silent in turn.

Examples:
  $ match-sim compare scenarios/classroom.yaml --set referrers.dr-okafor.clout=0.3 --focus Ava
  $ match-sim compare scenarios/classroom.yaml --focus Ava --knowers
  $ match-sim compare scenarios/classroom.yaml --focus Ivan --variant "no advocate: --set applicants.Ivan.advocates=[]" --variant "genuine: --opinion dr-lind:Ivan=positive"
  $ match-sim compare scenarios/classroom.yaml --base-set "applicants+={id: me, paper: 0.6, letters: [dr-okafor], preferences: [Lakeview]}" --focus me --knowers
`;

/** `NAME: --set A --set B --opinion R:A=v` (or `NAME: A; B`) as a named list of settings. */
export function parseVariant(text: string): { name: string; settings: ParameterSetting[] } {
  const colon = text.indexOf(":");
  if (colon <= 0) throw new UsageError(`--variant ${text}: expected NAME: --set path=value …`);
  const name = text.slice(0, colon).trim();
  const rest = text.slice(colon + 1).trim();
  const origin = (part: string) => `--variant ${name}: ${part}`;
  if (/(^|\s)--(set|opinion)\s/.test(`${rest} `)) {
    const settings: ParameterSetting[] = [];
    const parts = rest.split(/(?:^|\s)--(set|opinion)\s+/).slice(1);
    for (let i = 0; i < parts.length; i += 2) {
      const kind = parts[i]!;
      const body = parts[i + 1]!.trim();
      if (kind === "set") settings.push(parseSetting(body, origin(`--set ${body}`)));
      else settings.push(...collectOpinions(body).map((s) => ({ ...s, origin: origin(`--opinion ${body}`) })));
    }
    return { name, settings };
  }
  return { name, settings: rest.split(";").filter((x) => x.trim() !== "").map((x) => parseSetting(x.trim(), origin(x.trim()))) };
}

export function registerCompare(program: Command, io: Io): void {
  program
    .command("compare")
    .description("run what-ifs against their base on the same seasons: what one call, one tie or one field does to each applicant's odds")
    .argument("<base>", "the base scenario (.yaml, .yml, .json, or - for standard input)")
    .argument("[variant]", "a second scenario to compare with the base (the same entities, edited)")
    .addOption(setOption())
    .addOption(opinionOption())
    .addOption(
      new Option("--base-set <path=value>", "edit the base itself, and so every what-if (repeatable), as --set does").argParser((v: string, prev: ParameterSetting[] = []) => [
        ...prev,
        parseSetting(v, `--base-set ${v}`),
      ]),
    )
    .addOption(new Option("--variant <name: settings>", "a named what-if: NAME: --set path=value … (repeatable, one column each)").argParser((v: string, prev: string[] = []) => [...prev, v]))
    .option("--focus <id>", "only this applicant: every measure, with and without calls")
    .option("--knowers", "with --focus: what each knower of the applicant says, and what their silence would change")
    .addOption(runsOption())
    .addOption(seedOption())
    .addOption(proposerOption())
    .addOption(workersOption())
    .addOption(formatOption(COMPARE_FORMATS))
    .addOption(outOption())
    .addOption(wideOption())
    .addOption(quietOption())
    .option("--no-color", "never colour the output")
    .addHelpText("after", EXAMPLES)
    .action((baseFile: string, variantFile: string | undefined, opts: CompareCliOptions) =>
      interruptible(async (signal) => {
        refuseOverwritingInputs(opts.out, [baseFile, variantFile]);
        const format = chooseFormat("compare", COMPARE_FORMATS, opts.format, opts.out);
        const base = await loadScenarioInput(baseFile, io, { settings: opts.baseSet ?? [] });
        if (opts.focus !== undefined && !base.indexed.applicantIds.includes(opts.focus) && [...(opts.set ?? []), ...(opts.variant ?? [])].some((x) => (typeof x === "string" ? x : x.text).includes(opts.focus!))) {
          // Someone only a what-if adds has nothing to be compared with.
          throw new UsageError(`--focus ${opts.focus}: not in the base, only in a what-if; to compare what-ifs for someone you add, add them to the base with --base-set "applicants+={id: ${opts.focus}, …}"`);
        }
        requireId("--focus", opts.focus, base.indexed.applicantIds, base.file);
        const results = await compareCommand(io, base, variantFile, opts, signal);
        let text: string;
        if (format === "json") text = renderJson(results);
        else {
          const { compareCsv, compareDocument } = await import("../../report/compare-report.js");
          text = format === "csv" ? compareCsv(results) : await renderDocument(io, compareDocument(results), format, opts, results.scenario);
        }
        await writeOutput(io, text, opts.out, opts.quiet === true);
      }),
    );
}

/** Builds the variants a command line asks for, runs them against the base, and gives the results. */
export async function compareCommand(io: Io, base: LoadedScenario, variantFile: string | undefined, opts: CompareCliOptions, signal: AbortSignal): Promise<CompareResults> {
  const loose = settingsOf(opts);
  const variants: { spec: VariantSpec; indexed: IndexedScenario }[] = [];
  if (opts.knowers) {
    if (opts.focus === undefined) throw new UsageError("--knowers needs --focus ID: the applicant whose knowers to weigh");
    if (variantFile !== undefined || loose.length > 0 || (opts.variant ?? []).length > 0) {
      throw new UsageError("--knowers compares the base with each knower silent in turn: give no other what-if with it");
    }
  } else {
    if (variantFile !== undefined) {
      const other = await loadScenarioInput(variantFile, io, { settings: [...(opts.baseSet ?? []), ...loose] });
      variants.push({ spec: { name: basename(variantFile), settings: loose.map((s) => s.text), file: variantFile, fingerprint: fingerprintOf(other) }, indexed: other.indexed });
    } else if (loose.length > 0) {
      const edited = withSettings(base, loose);
      variants.push({ spec: { name: "what-if", settings: loose.map((s) => s.text), fingerprint: fingerprintOf(edited) }, indexed: edited.indexed });
    }
    for (const text of opts.variant ?? []) {
      const { name, settings } = parseVariant(text);
      if (variants.some((v) => v.spec.name === name)) throw new UsageError(`--variant ${name}: that name is given twice`);
      const edited = withSettings(base, settings);
      variants.push({ spec: { name, settings: settings.map((s) => s.text), fingerprint: fingerprintOf(edited) }, indexed: edited.indexed });
    }
    if (variants.length === 0) throw new UsageError("compare: give a what-if: --set path=value, --opinion, --variant NAME: …, a second file, or --focus ID --knowers");
  }
  const runs = opts.runs ?? base.scenario.runs ?? DEFAULT_RUNS;
  const seed = opts.seed ?? base.scenario.seed ?? DEFAULT_SEED;
  const { runCompare, runKnowers } = await import("../../montecarlo/run-compare.js");
  const bar = await progressBar(io, { quiet: opts.quiet === true, label: "compare" });
  const common = {
    seed,
    runs,
    proposer: opts.proposer,
    label: scenarioLabel(base),
    focus: opts.focus,
    workers: opts.workers,
    signal,
    onProgress: (d: number, t: number) => bar.update(d, t),
    fingerprint: fingerprintOf(base),
    settings: (opts.baseSet ?? []).map((x) => x.text),
  };
  try {
    if (opts.knowers) return await runKnowers(base.indexed, { ...common, focus: opts.focus! });
    return await runCompare(base.indexed, variants, common);
  } finally {
    bar.stop();
  }
}
