import { sequentialRng, type Rng } from "../rng/rng.js";
import type { ScenarioInput } from "../scenario/schema.js";

/** The size and shape of a synthetic specialty market. */
export interface MarketShape {
  readonly name: string;
  readonly specialty: string;
  readonly programs: number;
  readonly positions: number;
  readonly applicants: number;
  readonly applicationsPerApplicant: number;
  /** Share of applicants whose school has a program of the specialty (a home program). */
  readonly homeShare: number;
  /** Share of applicants who did at least one away rotation (one or two of them). */
  readonly awayShare: number;
  /** Letter writers per applicant. */
  readonly letters: number;
  readonly regions: readonly string[];
  /** Chance that two directors in the same region know each other, and in different regions. */
  readonly tieSameRegion: number;
  readonly tieOtherRegion: number;
}

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.float();
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Splits `total` into `parts` whole numbers ≥ 1 that vary around the mean. */
function spread(rng: Rng, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + rng.float());
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let left = total - out.reduce((s, n) => s + n, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) out[i]!++;
  for (let i = 0; left < 0; i = (i + 1) % parts) if (out[i]! > 1) (out[i]!--, left++);
  return out;
}

/**
 * A synthetic market of one specialty: programs with directors, applicants with homes,
 * away rotations and letters, and a network of ties between the people who vouch. The
 * same shape and seed give the same scenario.
 */
export function specialtyMarket(shape: MarketShape, seed: number): ScenarioInput {
  const rng = sequentialRng(`market/${shape.name}/${seed}`);
  const regionOf = (i: number) => shape.regions[i % shape.regions.length]!;
  const positions = spread(rng, shape.positions, shape.programs);
  const programs = positions.map((n, i) => ({
    id: `P${i + 1}`,
    positions: n,
    specialty: shape.specialty,
    region: regionOf(i),
    prestige: r3(clamp01(rng.float() ** 1.3)),
    director: `pd-P${i + 1}`,
  }));

  type Referrer = NonNullable<ScenarioInput["referrers"]>[number];
  const referrers: Referrer[] = programs.map((p) => ({
    id: `pd-${p.id}`,
    role: "pd",
    institution: p.id,
    region: p.region,
    clout: r3(between(rng, 0.5, 1) * (0.6 + 0.4 * p.prestige)),
    candor: r3(between(rng, 0.6, 0.95)),
  }));
  // Two faculty letter writers at every program's institution.
  const facultyOf = new Map<string, string[]>();
  for (const p of programs) {
    const ids = [1, 2].map((k) => `lw-${p.id}-${k}`);
    facultyOf.set(p.id, ids);
    for (const id of ids) {
      referrers.push({ id, role: "letter-writer", institution: p.id, region: p.region, clout: r3(between(rng, 0.3, 1)), candor: r3(between(rng, 0.5, 0.9)) });
    }
  }

  const relationships: NonNullable<ScenarioInput["relationships"]> = [];
  for (let i = 0; i < programs.length; i++) {
    for (let j = i + 1; j < programs.length; j++) {
      const same = programs[i]!.region === programs[j]!.region;
      if (rng.float() < (same ? shape.tieSameRegion : shape.tieOtherRegion)) {
        relationships.push({ between: [programs[i]!.director, programs[j]!.director], trust: r3(between(rng, 0.4, 1)) });
      }
    }
  }
  // Some letter writers know directors elsewhere (fellowship friends, committees).
  for (const p of programs) {
    for (const w of facultyOf.get(p.id)!) {
      if (rng.float() < 0.3) {
        const other = programs[rng.int(programs.length)]!;
        if (other.id !== p.id) relationships.push({ between: [w, other.director], trust: r3(between(rng, 0.5, 1)) });
      }
    }
  }

  const byRegion = new Map<string, typeof programs>();
  for (const p of programs) byRegion.set(p.region, [...(byRegion.get(p.region) ?? []), p]);
  const applicants: NonNullable<ScenarioInput["applicants"]> = [];
  for (let i = 0; i < shape.applicants; i++) {
    const region = regionOf(rng.int(shape.regions.length));
    const paper = clamp01(0.5 + 0.18 * rng.normal());
    const quality = clamp01(0.6 * paper + 0.4 * (0.5 + 0.2 * rng.normal()) + 0.05);
    const local = byRegion.get(region) ?? programs;
    const home = rng.float() < shape.homeShare ? local[rng.int(local.length)]!.id : undefined;
    const aways: string[] = [];
    if (rng.float() < shape.awayShare) {
      const n = rng.float() < 0.5 ? 1 : 2;
      while (aways.length < n) {
        const p = local[rng.int(local.length)]!.id;
        if (p !== home && !aways.includes(p)) aways.push(p);
      }
    }
    const letters = home ? [...facultyOf.get(home)!] : [];
    while (letters.length < shape.letters) {
      const from = aways.length > 0 && rng.float() < 0.5 ? aways[rng.int(aways.length)]! : programs[rng.int(programs.length)]!.id;
      const w = facultyOf.get(from)![rng.int(2)]!;
      if (!letters.includes(w)) letters.push(w);
    }
    applicants.push({
      id: `A${i + 1}`,
      region,
      paper: r3(paper),
      quality: r3(quality),
      ...(rng.float() < 0.06 ? { flags: ["professionalism concern"] } : {}),
      ...(home ? { home } : {}),
      ...(aways.length > 0 ? { aways } : {}),
      letters: letters.slice(0, shape.letters),
      ...(rng.float() < 0.15 ? { auditionGap: r3(between(rng, 0, 0.15)) } : {}),
    });
  }

  return {
    name: `${shape.name} (synthetic, seed ${seed})`,
    seed,
    runs: 1000,
    programs,
    applicants,
    referrers,
    relationships,
    model: { applications: { perApplicant: shape.applicationsPerApplicant }, ranking: { preferenceNoise: 0.3 } },
  };
}

export const DERMATOLOGY: MarketShape = {
  name: "Dermatology-size market",
  specialty: "dermatology",
  programs: 150,
  positions: 600,
  applicants: 900,
  applicationsPerApplicant: 40,
  homeShare: 0.4,
  awayShare: 0.6,
  letters: 3,
  regions: ["northeast", "south", "midwest", "west"],
  tieSameRegion: 0.25,
  tieOtherRegion: 0.04,
};
