import { UsageError } from "../errors.js";
import { targetOf } from "../scenario/edits.js";
import { isModelPath, parameterPaths, type ParameterSetting } from "../scenario/overrides.js";
import { didYouMean } from "../scenario/did-you-mean.js";
import type { Difference } from "../results/estimates.js";
import { round } from "../results/numbers.js";
import { meanInterval, pairedProportions } from "../results/paired.js";
import type { RunResults } from "../results/run-results.js";
import type { SweepPoint } from "../results/sweep-results.js";
import { VS_BASELINE } from "./sweep-seasons.js";

/** A value an axis takes: a number, true or false, or a word (a verdict, an id) for a field of the scenario. */
export type AxisValue = number | boolean | string;

/** One axis of a sweep: a model parameter or a field of the scenario, and the values it takes. */
export interface SweepAxis {
  readonly path: string;
  readonly values: readonly AxisValue[];
  /** Where it was given, as messages name it (`--set …`, or the library's `axes["…"]`). */
  readonly origin: string;
}

const decimals = (text: string) => (/\.(\d+)/.exec(text)?.[1]?.length ?? 0) + (/e-(\d+)/i.exec(text) ? Number(/e-(\d+)/i.exec(text)![1]) : 0);

function parseValue(text: string, origin: string, words: boolean): AxisValue {
  const t = text.trim();
  if (t === "true") return true;
  if (t === "false") return false;
  const n = Number(t);
  if (t !== "" && Number.isFinite(n)) return n;
  if (words && t !== "") return t;
  throw new UsageError(`${origin}: "${t}" is not a number, true or false`);
}

/** Values `from:to:step`, inclusive of `to` when the steps land on it, without float drift. */
export function rangeValues(from: number, to: number, step: number, places: number, origin: string): number[] {
  if (step === 0 || Math.sign(to - from) * Math.sign(step) < 0) {
    throw new UsageError(`${origin}: the step must be nonzero and go from ${from} towards ${to}`);
  }
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > 10_000) throw new UsageError(`${origin}: ${count} values is too many for one axis (at most 10,000)`);
  // Each value is computed from its index and rounded to the inputs' decimals, so 0.1 steps
  // give 0.3, not 0.30000000000000004, and no error accumulates along the axis.
  const f = 10 ** Math.min(places, 12);
  return Array.from({ length: Math.max(0, count) }, (_, i) => Math.round((from + i * step) * f) / f);
}

/** Parses `path=v1,v2,…` or `path=from:to:step` (a single value is an axis of one). */
export function parseAxis(text: string, known: readonly string[] = parameterPaths(), origin = `--set ${text}`): SweepAxis {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UsageError(`${origin}: expected path=v1,v2,… or path=from:to:step`);
  const path = text.slice(0, eq).trim().replace(/^model\./, "");
  const spec = text.slice(eq + 1).trim();
  const model = isModelPath(path);
  if (model && !known.includes(path)) {
    const guess = didYouMean(path, known);
    throw new UsageError(`${origin}: unknown parameter "${path}"${guess ? ` (did you mean "${guess}"?)` : ""}`);
  }
  // A field of the scenario: its path is read now, its values checked against the scenario later.
  if (!model) targetOf({ path, op: "=", value: null, text, origin });
  const range = spec.split(":");
  if (range.length === 3) {
    const [from, to, step] = range.map((x) => parseValue(x, origin, false));
    if (typeof from !== "number" || typeof to !== "number" || typeof step !== "number") {
      throw new UsageError(`${origin}: a range takes numbers: from:to:step`);
    }
    return { path, values: rangeValues(from, to, step, Math.max(...range.map(decimals)), origin), origin };
  }
  if (range.length !== 1) throw new UsageError(`${origin}: expected v1,v2,… or from:to:step`);
  const values = spec.split(",").map((v) => parseValue(v, origin, !model));
  if (new Set(values).size !== values.length) throw new UsageError(`${origin}: a value is listed twice`);
  return { path, values, origin };
}

/** One value of an axis as a setting. */
export const axisSetting = (axis: SweepAxis, value: AxisValue): ParameterSetting => ({
  path: axis.path,
  op: "=",
  value,
  text: `${axis.path}=${value}`,
  origin: axis.origin,
});

/** Every point of the grid, the first axis varying slowest. */
export function gridPoints(axes: readonly SweepAxis[]): ParameterSetting[][] {
  let points: ParameterSetting[][] = [[]];
  for (const axis of axes) {
    points = points.flatMap((p) => axis.values.map((value) => [...p, axisSetting(axis, value)]));
  }
  return points;
}

/**
 * Whether a setting can change the season without calls. Only settings that act through
 * calls cannot: the call, effect, ripple, late-call, advocacy and opinion parameters, and
 * the fields of people, ties, opinions, a program's director and backchannelUse, and an
 * applicant's letter writers, knowers, advocates and "#1"s.
 */
export function changesWorldWithoutCalls(path: string): boolean {
  if (isModelPath(path)) return !/^(calls|preInterview|rankList|effects|ripple|late|advocacy|opinions)\./.test(path);
  if (/^(referrers|relationships|opinions)(\.|$)/.test(path)) return false;
  try {
    const target = targetOf({ path, op: "=", value: null, text: path, origin: path });
    if (target.kind !== "entity" || target.field === undefined) return true;
    if (target.list === "programs") return !["director", "backchannelUse", "name"].includes(target.field);
    if (target.list === "applicants") return !["letters", "knownBy", "advocates", "toldNumberOne", "name", "tags"].includes(target.field);
    return true;
  } catch {
    return true;
  }
}

/** A paired difference of a per-season count, as a share of `per`. */
function differenceOf(n: number, sum: number, sumSq: number, per: number): Difference {
  const d = meanInterval(n, sum, sumSq);
  if (d === null || per === 0) return { estimate: 0, interval: null };
  const r = (x: number) => round(x / per, 6);
  return { estimate: r(d.estimate), interval: d.interval === null ? null : [r(d.interval[0]), r(d.interval[1])] };
}

/** One point of a sweep: its summary, against the baseline point, and the focus applicant. */
export function sweepPoint(
  settings: readonly ParameterSetting[],
  r: RunResults,
  vs: Float64Array | null,
  focus: string | undefined,
  full: boolean,
): SweepPoint {
  const s = r.summary;
  const n = r.runs;
  const nA = r.applicants.length;
  const cell = (k: number) => vs![k]!;
  const a = focus === undefined ? undefined : r.applicants.find((x) => x.id === focus)!;
  const focusVs = (): Difference | null => {
    if (vs === null) return null;
    const d = pairedProportions(cell(VS_BASELINE.focus11), cell(VS_BASELINE.focus10), cell(VS_BASELINE.focus01), n - cell(VS_BASELINE.focus11) - cell(VS_BASELINE.focus10) - cell(VS_BASELINE.focus01));
    return { estimate: d.estimate, interval: d.interval };
  };
  return {
    parameters: Object.fromEntries(settings.map((x) => [x.path, x.value as AxisValue])),
    matchRate: s.matchRate,
    vsBaseline:
      vs === null
        ? null
        : {
            matchRateWithCalls: differenceOf(n, cell(VS_BASELINE.matchedWith), cell(VS_BASELINE.matchedWithSq), nA),
            matchRateWithoutCalls: differenceOf(n, cell(VS_BASELINE.matchedWithout), cell(VS_BASELINE.matchedWithoutSq), nA),
            outcomeChanged: differenceOf(n, cell(VS_BASELINE.changed), cell(VS_BASELINE.changedSq), nA),
          },
    callsPerSeason: round(s.calls.preInterview + s.calls.rankList + s.calls.advocacy + s.calls.late),
    invitesShaped: s.invitesShaped,
    outcomeChanged: { estimate: s.outcomeChanged.estimate, interval: s.outcomeChanged.interval },
    focus:
      a === undefined
        ? null
        : {
            applicant: a.id,
            ...(a.name === undefined ? {} : { name: a.name }),
            pMatch: a.pMatch,
            pMatchCi: a.pMatchCi,
            pMatchWithoutCalls: a.pMatchWithoutCalls,
            delta: a.delta,
            deltaCi: a.deltaCi,
            vsBaseline: focusVs(),
          },
    ...(full ? { results: r } : {}),
  };
}
