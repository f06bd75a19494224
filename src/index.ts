/**
 * match-sim as a library: the same results the command line prints as JSON, as objects.
 *
 * ```ts
 * import { loadScenario, simulate } from "match-sim";
 * const scenario = await loadScenario("scenarios/classroom.yaml");
 * const results = await simulate(scenario, { runs: 2000, set: { "ripple.sameRegion": 0.8 } });
 * ```
 *
 * Every problem with the input is thrown as a MatchSimError; a bad scenario carries its
 * positioned issues (`error.issues`: file, line, col, path, message).
 */
import { existsSync } from "node:fs";
import { PRESETS, presetNamed, presetScenario } from "./generate/presets.js";
import type { ScenarioInput } from "./scenario/schema.js";
import type { Settings } from "./settings-paths.js";
import { fingerprintOf } from "./scenario/hash.js";
import { UserError } from "./errors.js";
import { deferredAcceptance, type Proposer } from "./match/deferred-acceptance.js";
import { fixedListMarket } from "./match/fixed-lists.js";
import { describeMatch, matchResults } from "./match/match-outcome.js";
import type { MatchResults } from "./results/match-results.js";
import { simulate as simulateTrials } from "./montecarlo/simulate.js";
import { runSweep } from "./montecarlo/run-sweep.js";
import type { SweepResults } from "./results/sweep-results.js";
import { parseAxis } from "./montecarlo/sweep.js";
import type { GroupBy } from "./montecarlo/groups.js";
import { resultsContext, resultsOf } from "./montecarlo/results-of.js";
import type { RunResults } from "./results/run-results.js";
import { traceModel, type TraceModel } from "./report/trace-model.js";
import type { Issue } from "./scenario/issue.js";
import { checkScenarioText, loadScenarioText, readScenarioText, scenarioLabel, type LoadedScenario } from "./scenario/load.js";
import { librarySetting, type ParameterSetting } from "./scenario/overrides.js";
import { withSettings } from "./scenario/edits.js";
import { scenarioJsonSchema } from "./scenario/json-schema.js";
import { makeSeasonPlan } from "./season/plan.js";
import { findTrial, traceTrial } from "./season/trace.js";
import { parseStories, storyInWords, type StoryKind } from "./season/stories.js";
import { runCompare, runKnowers } from "./montecarlo/run-compare.js";
import type { CompareResults } from "./results/compare-results.js";

export { UserError as MatchSimError, ScenarioError } from "./errors.js";
export type { Issue } from "./scenario/issue.js";
export { formatIssue } from "./scenario/issue.js";
export type { ScenarioInput, Scenario } from "./scenario/schema.js";
export type { Grouping, GroupBy } from "./montecarlo/groups.js";
export type { ModelParams } from "./scenario/model-params.js";
export type { LoadedScenario } from "./scenario/load.js";
export type { MatchOutcome, MatchResults } from "./results/match-results.js";
export type { RunResults, ApplicantResult, ProgramResult } from "./results/run-results.js";
export type { TraceModel, TraceEvent } from "./report/trace-model.js";
export type { SweepResults, SweepPoint } from "./results/sweep-results.js";
export type { CompareResults, VariantResult, ApplicantComparison, KnowerResult } from "./results/compare-results.js";
export type { Story, StoryKind } from "./season/stories.js";
export type { Proposer } from "./match/deferred-acceptance.js";
export { scenarioJsonSchema };

export type { ParameterPath, Settings } from "./settings-paths.js";

const DEFAULT_RUNS = 1000;
const DEFAULT_SEED = 1;

/**
 * Whether a source is scenario text rather than a path: text has a line break, starts with
 * `{` or `[`, or reads as a mapping ("key: value"). Anything else is a path, so a missing file
 * is "no such file", not a puzzling message about its name read as YAML.
 */
function isText(source: string): boolean {
  if (source.includes("\n") || /^\s*[{[]/.test(source)) return true;
  return /^\s*[^\s:]+:\s/.test(source) && !existsSync(source);
}

function settingsOf(set: Settings | undefined): ParameterSetting[] {
  // Settings is a type with optional keys: entries of undefined are keys left out.
  return Object.entries(set ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([path, value]) => librarySetting("set", path, value));
}

const label = scenarioLabel;

/** What every whole job takes from its options, with the file's runs and seed as defaults. */
function jobOf(
  scenario: LoadedScenario,
  options: { runs?: number; seed?: number; proposer?: Proposer; focus?: string; workers?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
) {
  const runs = options.runs ?? scenario.scenario.runs ?? DEFAULT_RUNS;
  if (!Number.isSafeInteger(runs) || runs < 1) throw new UserError(`runs: expected a whole number ≥ 1, got ${runs}`);
  return {
    runs,
    seed: options.seed ?? scenario.scenario.seed ?? DEFAULT_SEED,
    proposer: options.proposer ?? ("applicant" as const),
    label: label(scenario),
    focus: options.focus,
    workers: options.workers,
    onProgress: options.onProgress,
    signal: options.signal,
  };
}

/**
 * Loads a scenario from a file path, or from YAML or JSON text (anything with a line break,
 * starting with `{` or `[`, or reading as "key: value" is text; anything else is a path).
 */
export async function loadScenario(source: string | ScenarioInput, options: { name?: string } = {}): Promise<LoadedScenario> {
  // A scenario as data (what generate() returns) is checked as its JSON would be.
  if (typeof source !== "string") return loadScenarioText(JSON.stringify(source), options.name ?? "<data>");
  if (isText(source)) return loadScenarioText(source, options.name ?? "<text>");
  return loadScenarioText(await readScenarioText(source), source);
}

export interface GenerateOptions {
  /** A preset's name (see presets()): dermatology, orthopaedics, emergency-medicine, internal-medicine, nrmp. */
  preset: string;
  seed?: number;
  /** Scales programs, positions and applicants (0.01 to 10). */
  scale?: number;
}

/** The presets generate() knows: name, title and the published sizes they follow. */
export function presets(): { name: string; title: string; sizes: string }[] {
  return PRESETS.map((p) => ({ name: p.name, title: p.title, sizes: p.sizes }));
}

/**
 * A synthetic market the size of a real specialty, as `generate --preset NAME --format json`
 * writes it: the scenario as data, ready for loadScenario().
 */
export function generate(options: GenerateOptions): ScenarioInput {
  const preset = presetNamed(options.preset);
  if (!preset) throw new UserError(`preset: no preset "${options.preset}" (${PRESETS.map((p) => p.name).join(", ")})`);
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale < 0.01 || scale > 10) throw new UserError(`scale: expected a number from 0.01 to 10, got ${scale}`);
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UserError(`seed: expected a whole number ≥ 0, got ${seed}`);
  return presetScenario(preset, scale, seed);
}

/** Checks a scenario without throwing for its problems: every error and warning, positioned. */
export async function validateScenario(
  pathOrText: string,
  options: { name?: string } = {},
): Promise<{ valid: boolean; errors: readonly Issue[]; warnings: readonly Issue[] }> {
  const text = isText(pathOrText) ? pathOrText : await readScenarioText(pathOrText);
  const checked = checkScenarioText(text, isText(pathOrText) ? (options.name ?? "<text>") : pathOrText);
  return { valid: checked.errors.length === 0, errors: checked.errors, warnings: checked.warnings };
}

/** Matches the rank lists written in the scenario, as `match --format json` does. */
export function match(scenario: LoadedScenario, options: { proposer?: Proposer } = {}): MatchResults {
  const proposer = options.proposer ?? "applicant";
  const s = scenario.scenario;
  const market = fixedListMarket(s, scenario.resolved);
  const ids = { applicants: s.applicants.map((a) => a.id), programs: s.programs.map((p) => p.id) };
  return matchResults(describeMatch(market, deferredAcceptance(market, proposer), proposer, ids), label(scenario), fingerprintOf(scenario), s.model);
}

export interface SimulateOptions {
  runs?: number;
  seed?: number;
  set?: Settings;
  workers?: number;
  proposer?: Proposer;
  /** How applicants are grouped in `groups` (as `--group-by`); default "access". */
  groupBy?: GroupBy;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Simulates seasons with and without calls, as `run --format json` does. */
export async function simulate(scenario: LoadedScenario, options: SimulateOptions = {}): Promise<RunResults> {
  const at = withSettings(scenario, settingsOf(options.set));
  const job = jobOf(at, options);
  const groupBy = options.groupBy ?? "access";
  const acc = await simulateTrials(at.indexed, { ...job, groupBy });
  return resultsOf(acc, resultsContext(at.indexed, { groupBy, fingerprint: fingerprintOf(at) }), {
    scenario: label(scenario),
    seed: job.seed,
    proposer: job.proposer,
    settings: settingsOf(options.set).map((x) => x.text),
  });
}

/**
 * One season told in full, as `trace --format json` does. With `find`, the first trial
 * (within `within`, default the file's runs or 1000) where those stories happen (to
 * `applicant`, if given); its number is in `found`.
 */
export function trace(
  scenario: LoadedScenario,
  options: { seed?: number; trial?: number; set?: Settings; proposer?: Proposer; find?: readonly (StoryKind | `${string}:${StoryKind}`)[]; applicant?: string; within?: number } = {},
): TraceModel {
  const at = withSettings(scenario, settingsOf(options.set));
  const seed = options.seed ?? at.scenario.seed ?? DEFAULT_SEED;
  const proposer = options.proposer ?? "applicant";
  const plan = makeSeasonPlan(at.indexed);
  const origin = { fingerprint: fingerprintOf(at), settings: settingsOf(options.set).map((x) => x.text) };
  let trial = options.trial ?? 0;
  if (options.find !== undefined) {
    const ids = at.indexed.applicantIds;
    if (options.applicant !== undefined && !ids.includes(options.applicant)) throw new UserError(`applicant: no applicant "${options.applicant}" in ${scenario.file}`);
    const stories = parseStories(options.find.join(","), ids, options.applicant);
    const within = options.within ?? at.scenario.runs ?? DEFAULT_RUNS;
    const wanted = stories.map((x) => ({ kind: x.kind, applicant: x.applicant === undefined ? undefined : ids.indexOf(x.applicant) }));
    const found = findTrial(plan, seed, proposer, wanted, within);
    if (found === undefined) throw new UserError(`find: none of the first ${within} trials has ${stories.map((x) => storyInWords(x)).join(" and ")}`);
    trial = found;
    return { ...traceModel(traceTrial(plan, seed, trial, proposer), at.indexed, label(scenario), origin), found: { trial, stories } };
  }
  return traceModel(traceTrial(plan, seed, trial, proposer), at.indexed, label(scenario), origin);
}

export interface CompareOptions {
  /** What-ifs by name, each the base with these settings (as `--variant NAME: --set …`). */
  variants?: Readonly<Record<string, Settings>>;
  /** Scenarios to compare with the base as they are (entities matched by id), by name. */
  files?: Readonly<Record<string, LoadedScenario>>;
  /** Only this applicant; with `knowers`, whose word about them matters. */
  focus?: string;
  knowers?: boolean;
  runs?: number;
  seed?: number;
  workers?: number;
  proposer?: Proposer;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** What-ifs against their base on the same seasons, as `compare --format json` does. */
export async function compare(scenario: LoadedScenario, options: CompareOptions): Promise<CompareResults> {
  const o = { ...jobOf(scenario, options), fingerprint: fingerprintOf(scenario) };
  if (options.focus !== undefined && !scenario.indexed.applicantIds.includes(options.focus)) {
    throw new UserError(`focus: no applicant "${options.focus}" in ${scenario.file}`);
  }
  if (options.knowers) {
    if (options.focus === undefined) throw new UserError("knowers: give the applicant whose knowers to weigh as focus");
    return runKnowers(scenario.indexed, { ...o, focus: options.focus });
  }
  const variants = [
    ...Object.entries(options.variants ?? {}).map(([name, set]) => {
      const settings = Object.entries(set).map(([k, v]) => librarySetting(`variants[${JSON.stringify(name)}]`, k, v));
      const edited = withSettings(scenario, settings);
      return { spec: { name, settings: settings.map((x) => x.text), fingerprint: fingerprintOf(edited) }, indexed: edited.indexed };
    }),
    ...Object.entries(options.files ?? {}).map(([name, other]) => ({ spec: { name, settings: [], file: other.file, fingerprint: fingerprintOf(other) }, indexed: other.indexed })),
  ];
  if (variants.length === 0) throw new UserError("variants: give at least one what-if (variants or files), or focus with knowers");
  return runCompare(scenario.indexed, variants, o);
}

export interface SweepOptions {
  /** Each axis: a list of values, or "from:to:step" / "v1,v2" as on the command line. */
  axes: Readonly<Record<string, readonly (number | boolean | string)[] | string>>;
  /** Settings fixed at every point (model parameters or scenario fields, as `set` elsewhere). */
  set?: Settings;
  runs?: number;
  seed?: number;
  focus?: string;
  workers?: number;
  proposer?: Proposer;
  /** The point every other is compared with: its number (1 is the first, the default) or its settings (`path=value,…`). */
  baseline?: number | string;
  groupBy?: GroupBy;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs a grid of parameter values, every point on the same seasons and compared with the
 * baseline point, as `sweep --full --format json` does: every point carries its full results.
 */
export async function sweep(scenario: LoadedScenario, options: SweepOptions): Promise<SweepResults> {
  const axes = Object.entries(options.axes).map(([path, values]) =>
    parseAxis(`${path}=${typeof values === "string" ? values : values.map(String).join(",")}`, undefined, `axes[${JSON.stringify(path)}]`),
  );
  const at = withSettings(scenario, settingsOf(options.set));
  if (options.focus !== undefined && !at.indexed.applicantIds.includes(options.focus)) {
    throw new UserError(`focus: no applicant "${options.focus}" in ${scenario.file}`);
  }
  return runSweep(at, {
    ...jobOf(scenario, options),
    axes,
    baseline: options.baseline,
    full: true,
    groupBy: options.groupBy,
    settings: settingsOf(options.set).map((x) => x.text),
  });
}
