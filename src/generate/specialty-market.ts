import { sequentialRng, type Rng } from "../rng/rng.js";
import type { ModelParamsInput } from "../scenario/model-params.js";
import type { ScenarioInput } from "../scenario/schema.js";

/** The size and shape of a synthetic market of one or several specialties. */
export interface MarketShape {
  readonly name: string;
  /** Specialties with their share of programs, positions and applicants. */
  readonly specialties: readonly { readonly name: string; readonly share: number }[];
  readonly programs: number;
  readonly positions: number;
  readonly applicants: number;
  readonly applicationsPerApplicant: number;
  /** Share of applicants whose school has a program of their specialty (a home program). */
  readonly homeShare: number;
  /** Share of applicants who did away rotations (one or two). */
  readonly awayShare: number;
  /** Letter writers per applicant. */
  readonly letters: number;
  /** Medical schools without a program: their faculty write letters but are rarely tied to directors. */
  readonly schools: number;
  readonly regions: readonly string[];
  /** Ties per director to other directors of the same specialty: in the same region, elsewhere. */
  readonly tiesSameRegion: number;
  readonly tiesOtherRegion: number;
  /** Directors a program's letter writer knows elsewhere in the specialty, on average. */
  readonly writerTies: number;
  /** Chance that a school's letter writer knows a director (a conference, a fellowship friend). */
  readonly schoolWriterTie: number;
  /** Applicants list their programs in a fixed order (large markets: no per-season choice). */
  readonly givenPreferences: boolean;
  /**
   * Preference signals each applicant sends, written as explicit lists: gold (the higher
   * tier; 0 where a specialty has one tier) and silver. They go to the programs that fit
   * the applicant best (prestige near their paper strength, nearby first), never to their
   * home or aways, which know them already.
   */
  readonly signals: { readonly gold: number; readonly silver: number };
  /** Share of applicants with a home program whose home director calls programs for them (an advocate). */
  readonly advocateShare: number;
  /**
   * Spread of programs' backchannelUse: the log of each is normal with this standard
   * deviation around 0 (0: every program at 1). Some programs lean on calls far more than
   * others ("at some derm programs").
   */
  readonly backchannelSpread: number;
  /** A share of programs that lean on calls far more than the rest: their backchannelUse is multiplied by `use`. */
  readonly callHeavy: { readonly share: number; readonly use: number };
  readonly model: NonNullable<ModelParamsInput>;
  readonly runs: number;
}

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.float();
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Splits `total` into `parts` whole numbers ≥ 1 that vary around the mean. */
function spread(rng: Rng, total: number, parts: number): number[] {
  if (parts === 0) return [];
  const weights = Array.from({ length: parts }, () => 0.5 + rng.float());
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let left = total - out.reduce((s, n) => s + n, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) out[i]!++;
  for (let i = 0; left < 0; i = (i + 1) % parts) if (out[i]! > 1) (out[i]!--, left++);
  return out;
}

/** Whole-number shares of `total` in the given proportions, summing exactly to `total`. */
function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((s, x) => s + x, 0);
  const raw = shares.map((x) => (x / sum) * total);
  const out = raw.map(Math.floor);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const deficit = total - out.reduce((s, n) => s + n, 0);
  for (let k = 0; k < deficit; k++) out[order[k % order.length]![1]]!++;
  return out;
}

/** Draws from a list with weights, by a cumulative table. */
function weightedPicker(rng: Rng, weights: readonly number[]): () => number {
  const cumulative = new Float64Array(weights.length);
  let acc = 0;
  weights.forEach((w, i) => (cumulative[i] = acc += w));
  return () => {
    const x = rng.float() * acc;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * The programs an applicant signals: among the programs nearest their level, the best fits
 * by prestige against their paper strength (a little above it preferred, the way applicants
 * aim), a region bonus and noise; gold to the most prestigious of the chosen. Home and away
 * programs are left out.
 */
function signalsFor(
  rng: Rng,
  shape: MarketShape,
  /** The specialty's programs in increasing prestige. */
  list: readonly Program[],
  paper: number,
  region: string,
  home: string | undefined,
  aways: readonly string[],
): { gold: string[]; silver: string[] } {
  const want = shape.signals.gold + shape.signals.silver;
  if (want === 0) return { gold: [], silver: [] };
  // The applicant weighs the 4 × k programs nearest their level (k: signals to send),
  // found by two pointers from the level in the list sorted by prestige.
  const aim = paper + 0.05;
  let a = 0;
  let b = list.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (list[mid]!.prestige < aim) a = mid + 1;
    else b = mid;
  }
  let lo = a;
  let hi = a;
  while (hi - lo < 4 * want && (lo > 0 || hi < list.length)) {
    if (hi >= list.length || (lo > 0 && aim - list[lo - 1]!.prestige <= list[hi]!.prestige - aim)) lo--;
    else hi++;
  }
  const near = list.slice(lo, hi);
  const fit = near
    .filter((p) => p.id !== home && !aways.includes(p.id))
    .map((p) => [p, -Math.abs(p.prestige - paper - 0.05) + (p.region === region ? 0.05 : 0) + 0.1 * rng.normal()] as const)
    .sort((x, y) => y[1] - x[1])
    .slice(0, want)
    .map(([p]) => p);
  const byPrestige = [...fit].sort((x, y) => y.prestige - x.prestige);
  const gold = new Set(byPrestige.slice(0, shape.signals.gold).map((p) => p.id));
  return { gold: fit.filter((p) => gold.has(p.id)).map((p) => p.id), silver: fit.filter((p) => !gold.has(p.id)).map((p) => p.id) };
}

type Program = { id: string; positions: number; specialty: string; region: string; prestige: number; director: string; backchannelUse?: number };
type Referrer = NonNullable<ScenarioInput["referrers"]>[number];
type Relationship = NonNullable<ScenarioInput["relationships"]>[number];
type Applicant = NonNullable<ScenarioInput["applicants"]>[number];

/**
 * A synthetic market: programs with directors, applicants with homes, away rotations and
 * letters, and a network of ties between the people who vouch for them. The same shape
 * and seed give the same scenario; generation is linear in the market's size.
 */
export function specialtyMarket(shape: MarketShape, seed: number): ScenarioInput {
  const rng = sequentialRng(`market/${shape.name}/${seed}`);
  const shares = shape.specialties.map((s) => s.share);
  const programCounts = apportion(shape.programs, shares);
  const positionCounts = apportion(shape.positions, shares);
  const applicantCounts = apportion(shape.applicants, shares);

  const programs: Program[] = [];
  const bySpecialty: Program[][] = [];
  shape.specialties.forEach((sp, k) => {
    const positions = spread(rng, Math.max(positionCounts[k]!, programCounts[k]!), programCounts[k]!);
    const list = positions.map((n, i) => {
      const id = `P${programs.length + i + 1}`;
      const program: Program = { id, positions: n, specialty: sp.name, region: shape.regions[rng.int(shape.regions.length)]!, prestige: r3(rng.float() ** 1.3), director: `pd-${id}` };
      if (shape.backchannelSpread > 0 || shape.callHeavy.share > 0) {
        const heavy = rng.float() < shape.callHeavy.share;
        program.backchannelUse = r3((heavy ? shape.callHeavy.use : 1) * Math.exp(shape.backchannelSpread * rng.normal()));
      }
      return program;
    });
    programs.push(...list);
    bySpecialty.push(list);
  });

  const referrers: Referrer[] = programs.map((p) => ({
    id: p.director,
    role: "pd",
    institution: p.id,
    region: p.region,
    clout: r3(between(rng, 0.5, 1) * (0.6 + 0.4 * p.prestige)),
    candor: r3(between(rng, 0.6, 0.95)),
  }));
  const facultyOf = new Map<string, string[]>();
  for (const p of programs) {
    const ids = [`lw-${p.id}-1`, `lw-${p.id}-2`];
    facultyOf.set(p.id, ids);
    for (const id of ids) referrers.push({ id, role: "letter-writer", institution: p.id, region: p.region, clout: r3(between(rng, 0.3, 1)), candor: r3(between(rng, 0.5, 0.9)) });
  }
  const schools = Array.from({ length: shape.schools }, (_, i) => ({ id: `S${i + 1}`, region: shape.regions[rng.int(shape.regions.length)]! }));
  const schoolFaculty = new Map<string, string[]>();
  for (const s of schools) {
    const ids = [`sw-${s.id}-1`, `sw-${s.id}-2`, `sw-${s.id}-3`];
    schoolFaculty.set(s.id, ids);
    for (const id of ids) referrers.push({ id, role: "letter-writer", institution: `School ${s.id}`, region: s.region, clout: r3(between(rng, 0.2, 0.8)), candor: r3(between(rng, 0.5, 0.9)) });
  }

  // Ties: each director knows a few directors of the same specialty, mostly nearby.
  const relationships: Relationship[] = [];
  const tied = new Set<string>();
  const tie = (a: string, b: string, trust: number) => {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || tied.has(key)) return;
    tied.add(key);
    relationships.push({ between: [a, b], trust: r3(trust) });
  };
  // A director's weight in the network is the program's backchannelUse: those who lean on
  // calls are the ones everyone knows ("certain names carry a ridiculous amount of weight").
  // Capped at 3, so that no one director knows everyone.
  const use = (p: Program) => Math.min(3, p.backchannelUse ?? 1);
  const countOf = (mean: number) => Math.floor(mean) + (rng.float() < mean % 1 ? 1 : 0);
  for (const list of bySpecialty) {
    const byRegion = new Map<string, Program[]>();
    for (const p of list) byRegion.set(p.region, [...(byRegion.get(p.region) ?? []), p]);
    const byWeight = weightedPicker(rng, list.map(use));
    for (const p of list) {
      const local = byRegion.get(p.region)!;
      const near = countOf(shape.tiesSameRegion * use(p));
      for (let k = 0; k < near && local.length > 1; k++) tie(p.director, local[rng.int(local.length)]!.director, between(rng, 0.5, 1));
      const far = countOf(shape.tiesOtherRegion * use(p));
      for (let k = 0; k < far; k++) tie(p.director, list[byWeight()]!.director, between(rng, 0.4, 0.9));
    }
    // A letter writer at a program may know directors elsewhere in the specialty.
    for (const p of list) {
      for (const w of facultyOf.get(p.id)!) {
        const n = countOf(shape.writerTies);
        for (let k = 0; k < n; k++) tie(w, list[byWeight()]!.director, between(rng, 0.5, 1));
      }
    }
  }
  const anyWeight = weightedPicker(rng, programs.map(use));
  for (const ids of schoolFaculty.values()) {
    for (const w of ids) if (rng.float() < shape.schoolWriterTie) tie(w, programs[anyWeight()]!.director, between(rng, 0.3, 0.9));
  }

  const applicants: Applicant[] = [];
  const programById = new Map(programs.map((p) => [p.id, p]));
  shape.specialties.forEach((sp, k) => {
    const list = bySpecialty[k]!;
    if (list.length === 0) return;
    const pick = weightedPicker(rng, list.map((p) => (p.prestige + 0.3) ** 2));
    const byPrestige = [...list].sort((x, y) => x.prestige - y.prestige || (x.id < y.id ? -1 : 1));
    const inRegion = new Map<string, Program[]>();
    for (const p of list) inRegion.set(p.region, [...(inRegion.get(p.region) ?? []), p]);
    for (let i = 0; i < applicantCounts[k]!; i++) {
      const region = shape.regions[rng.int(shape.regions.length)]!;
      const paper = clamp01(0.5 + 0.18 * rng.normal());
      const quality = clamp01(0.6 * paper + 0.4 * (0.5 + 0.2 * rng.normal()) + 0.05);
      const near = inRegion.get(region) ?? list;
      const home = rng.float() < shape.homeShare ? near[rng.int(near.length)]!.id : undefined;
      const aways: string[] = [];
      if (rng.float() < shape.awayShare) {
        const n = Math.min(near.length - (home ? 1 : 0), rng.float() < 0.5 ? 1 : 2);
        for (let tries = 0; aways.length < n && tries < 20; tries++) {
          const p = near[rng.int(near.length)]!.id;
          if (p !== home && !aways.includes(p)) aways.push(p);
        }
      }
      const letters = home ? [...facultyOf.get(home)!] : [...schoolFaculty.get(schools[rng.int(schools.length)]?.id ?? "")?.slice(0, 2) ?? []];
      for (let tries = 0; letters.length < shape.letters && tries < 20; tries++) {
        const from = aways.length > 0 && rng.float() < 0.6 ? aways[rng.int(aways.length)]! : undefined;
        const w = from ? facultyOf.get(from)![rng.int(2)]! : schoolFaculty.get(schools[rng.int(schools.length)]?.id ?? "")?.[2];
        if (w !== undefined && !letters.includes(w)) letters.push(w);
      }
      const applicant: Applicant = {
        id: `A${applicants.length + 1}`,
        region,
        paper: r3(paper),
        quality: r3(quality),
        ...(shape.specialties.length > 1 ? { specialties: [sp.name] } : {}),
        ...(rng.float() < 0.06 ? { flags: ["professionalism concern"] } : {}),
        ...(home ? { home } : {}),
        ...(aways.length > 0 ? { aways } : {}),
        letters: letters.slice(0, shape.letters),
        ...(rng.float() < 0.15 ? { auditionGap: r3(between(rng, 0, 0.15)) } : {}),
      };
      const signals = signalsFor(rng, shape, byPrestige, paper, region, home, aways);
      if (signals.gold.length > 0) applicant.goldSignals = signals.gold;
      if (signals.silver.length > 0) applicant.signals = signals.silver;
      if (home && rng.float() < shape.advocateShare) {
        const director = programById.get(home)!.director;
        const targets = [...signals.gold, ...signals.silver].slice(0, 5);
        applicant.advocates = [{ referrer: director, ...(targets.length > 0 ? { programs: targets } : {}) }];
      }
      if (shape.givenPreferences) {
        // Large markets: the applicant's list of programs in their order, chosen once.
        const chosen = new Set<string>([...(home ? [home] : []), ...aways, ...signals.gold, ...signals.silver]);
        const want = Math.min(shape.applicationsPerApplicant, list.length);
        for (let tries = 0; chosen.size < want && tries < want * 20; tries++) chosen.add(list[pick()]!.id);
        const appeal = (id: string) => {
          const p = programById.get(id)!;
          return p.prestige + (id === home ? 0.15 : 0) + (aways.includes(id) ? 0.1 : 0) + (p.region === region ? 0.05 : 0) + 0.3 * rng.normal();
        };
        applicant.preferences = [...chosen].map((id) => [id, appeal(id)] as const).sort((x, y) => y[1] - x[1]).map(([id]) => id);
      }
      applicants.push(applicant);
    }
  });

  return {
    name: `${shape.name} (synthetic, seed ${seed})`,
    seed,
    runs: shape.runs,
    programs,
    applicants,
    referrers,
    relationships,
    model: shape.givenPreferences
      ? shape.model
      : { ...shape.model, applications: { perApplicant: shape.applicationsPerApplicant, ...(shape.model.applications ?? {}) } },
  };
}
