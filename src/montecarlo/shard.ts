import { UsageError, UserError } from "../errors.js";
import type { ResultsContext } from "./results-of.js";
import { SHARD_FORMAT, SHARD_VERSION, type ShardFile } from "./shard-schema.js";
import {
  APPLICANT,
  fromData,
  GLOBAL,
  GROUP,
  histogramByApplicant,
  histogramFromApplicantOrder,
  mergeInto,
  newAccumulator,
  PROGRAM,
  toData,
  type Accumulator,
} from "./accumulator.js";

export interface ShardSpec {
  readonly index: number; // 1-based
  readonly count: number;
}

/** The trials of shard i of n: consecutive, as even as whole trials allow. */
export function shardTrials(runs: number, shard: ShardSpec): { first: number; count: number } {
  const first = Math.floor(((shard.index - 1) * runs) / shard.count);
  const end = Math.floor((shard.index * runs) / shard.count);
  return { first, count: end - first };
}

export function shardFile(
  meta: Pick<ShardFile, "scenario" | "scenarioHash" | "seed" | "runs" | "proposer" | "shard" | "trials" | "settings">,
  context: ResultsContext,
  acc: Accumulator,
): ShardFile {
  const data = toData(acc);
  return {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    ...meta,
    parameters: context.model,
    groups: { by: context.groups.by, keys: [...context.groups.keys], labels: [...context.groups.labels] },
    signalling: context.signalling,
    applicants: [...context.applicantIds],
    programs: [...context.programIds],
    applicantNames: context.applicantNames ? [...context.applicantNames] : undefined,
    programNames: context.programNames ? [...context.programNames] : undefined,
    positions: Array.from(context.positions),
    counts: {
      trials: data.trials,
      histogramWidth: data.histogramWidth,
      global: Array.from(data.global),
      applicant: Array.from(data.applicant),
      histogram: Array.from(histogramByApplicant(acc)),
      program: Array.from(data.program),
      group: Array.from(data.group),
    },
  };
}

/** The first parameter path where two model blocks differ, or undefined. */
function differingParameter(a: unknown, b: unknown, path = ""): string | undefined {
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = differingParameter((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return a === b ? undefined : path;
}

const valueAt = (obj: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((o, k) => (typeof o === "object" && o !== null ? (o as Record<string, unknown>)[k] : undefined), obj);

/**
 * Checks that shard parts belong to one run and cover it exactly once, and adds them up.
 * Every refusal names the mismatch and the files involved.
 */
export function mergeShards(parts: readonly { file: string; shard: ShardFile }[]): {
  acc: Accumulator;
  context: ResultsContext;
  first: ShardFile;
} {
  if (parts.length === 0) throw new UsageError("merge: no parts given");
  const head = parts[0]!;
  const h = head.shard;
  for (const { file, shard } of parts) {
    if (shard.format !== SHARD_FORMAT) throw new UserError(`${file}: not a match-sim shard part (made by run --shard i/n --format json)`);
    if (shard.version !== SHARD_VERSION) {
      throw new UserError(`${file}: a shard part of format ${shard.version}, from another version of match-sim (this one reads ${SHARD_VERSION}); run the shard again`);
    }
  }
  for (const { file, shard: s } of parts.slice(1)) {
    const param = differingParameter(h.parameters, s.parameters);
    if (param !== undefined) {
      throw new UserError(
        `${file} does not belong with ${head.file}: parameter ${param} is ${JSON.stringify(valueAt(s.parameters, param))} ` +
          `there and ${JSON.stringify(valueAt(h.parameters, param))} here`,
      );
    }
    const checks: [string, unknown, unknown][] = [
      ["scenario", s.scenarioHash, h.scenarioHash],
      ["seed", s.seed, h.seed],
      ["runs", s.runs, h.runs],
      ["proposer", s.proposer, h.proposer],
      ["grouping", s.groups.by, h.groups.by],
      ["number of shards", s.shard.count, h.shard.count],
    ];
    for (const [what, mine, theirs] of checks) {
      if (mine !== theirs) {
        const shown = what === "scenario" ? "a different scenario" : `${what} ${JSON.stringify(mine)} (not ${JSON.stringify(theirs)})`;
        throw new UserError(`${file} does not belong with ${head.file}: ${shown}`);
      }
    }
  }
  for (const { file, shard } of parts) {
    const c = shard.counts;
    const nA = shard.applicants.length;
    const nP = shard.programs.length;
    const sizes =
      c.global.length === GLOBAL.size &&
      c.applicant.length === nA * APPLICANT.size &&
      c.histogram.length === nA * 2 * c.histogramWidth &&
      c.program.length === nP * PROGRAM.size &&
      c.group.length === shard.groups.keys.length * GROUP.size &&
      shard.positions.length === nP;
    if (!sizes || c.histogramWidth !== h.counts.histogramWidth || nA !== h.applicants.length || nP !== h.programs.length) {
      throw new UserError(`${file}: its counts do not fit its scenario (a damaged or edited part?)`);
    }
  }
  const seen = new Map<number, string>();
  for (const { file, shard } of parts) {
    const other = seen.get(shard.shard.index);
    if (other !== undefined) throw new UserError(`shard ${shard.shard.index}/${h.shard.count} given twice: ${other} and ${file}`);
    seen.set(shard.shard.index, file);
  }
  const missing: number[] = [];
  for (let i = 1; i <= h.shard.count; i++) if (!seen.has(i)) missing.push(i);
  if (missing.length > 0) {
    const shown = missing.length > 10 ? `${missing.slice(0, 10).join(", ")}, … (${missing.length} in all)` : missing.join(", ");
    throw new UserError(`missing shard${missing.length > 1 ? "s" : ""} ${shown} of ${h.shard.count}`);
  }
  const acc = newAccumulator(h.applicants.length, h.programs.length, h.groups.keys.length, h.counts.histogramWidth);
  for (const { shard } of [...parts].sort((x, y) => x.shard.shard.index - y.shard.shard.index)) {
    const c = shard.counts;
    mergeInto(acc, fromData({ ...c, histogram: histogramFromApplicantOrder(c.histogram, shard.applicants.length, c.histogramWidth) }));
  }
  if (acc.trials !== h.runs) throw new UserError(`the parts hold ${acc.trials} trials, not the ${h.runs} of the run`);
  return {
    acc,
    context: {
      applicantIds: h.applicants,
      programIds: h.programs,
      positions: h.positions,
      model: h.parameters,
      applicantNames: h.applicantNames,
      programNames: h.programNames,
      fingerprint: h.scenarioHash,
      groups: h.groups,
      signalling: h.signalling,
    },
    first: h,
  };
}
