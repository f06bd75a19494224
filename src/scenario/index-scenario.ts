import { idKey, idKeys } from "../rng/id-keys.js";
import { csrFromLists, CsrBuilder, groupByRow, flatten, typedColumn, type Csr } from "./csr.js";
import type { ResolvedReferences } from "./references.js";
import type { ModelParams } from "./model-params.js";
import { REFERRER_ROLES, VERDICTS, type Scenario } from "./schema.js";

/**
 * The checked scenario in the shape the core computes on: dense integer indices,
 * typed arrays of attributes, lists packed as CSR. String ids survive only in the id
 * tables, for the edges (reports, traces). -1 stands for "none".
 */
export interface IndexedScenario {
  readonly name: string;
  readonly model: ModelParams;
  readonly applicantIds: readonly string[];
  readonly programIds: readonly string[];
  readonly referrerIds: readonly string[];
  /** What people read: each entity's `name` where the file gives one, else its id. */
  readonly applicantLabels: readonly string[];
  readonly programLabels: readonly string[];
  readonly referrerLabels: readonly string[];
  readonly specialties: readonly string[];
  /** Every tag the applicants carry, in order of first use. */
  readonly tags: readonly string[];
  readonly regions: readonly string[];
  readonly institutions: readonly string[];
  /** For each specialty, its programs in file order. */
  readonly specialtyPrograms: Csr;

  readonly program: {
    readonly count: number;
    /** What each program's random draws are addressed by: a hash of its id (see idKey). */
    readonly key: Int32Array;
    readonly positions: Int32Array;
    readonly prestige: Float64Array;
    readonly specialty: Int32Array;
    readonly region: Int32Array;
    readonly director: Int32Array;
    readonly interviewSlots: Int32Array;
    readonly backchannelUse: Float64Array;
    /** The institution of the program's director (where the program is), -1 if unknown. */
    readonly institution: Int32Array;
    /** 1 where the file fixes the program's base rank list. */
    readonly hasRankList: Uint8Array;
    readonly rankList: Csr;
  };

  readonly applicant: {
    readonly count: number;
    readonly key: Int32Array;
    readonly paper: Float64Array;
    readonly quality: Float64Array;
    readonly auditionGap: Float64Array;
    readonly region: Int32Array;
    readonly home: Int32Array;
    readonly maxInterviews: Int32Array;
    readonly flagCount: Int32Array;
    readonly specialties: Csr;
    /** 1 where the file names the applicant's specialties (else they take every one). */
    readonly namedSpecialties: Uint8Array;
    /** The tags of each applicant (indices into tags). */
    readonly tags: Csr;
    readonly aways: Csr;
    readonly letters: Csr;
    readonly hasPreferences: Uint8Array;
    readonly preferences: Csr;
    readonly hasRankList: Uint8Array;
    readonly rankList: Csr;
    readonly toldNumberOne: Csr;
    /** Signals the file gives (silver, or the only tier), and gold signals; explicitSignals 1 where either is given. */
    readonly signals: Csr;
    readonly goldSignals: Csr;
    readonly explicitSignals: Uint8Array;
    /** Advocates (referrer indices), with pushed flags and the programs each calls (if given). */
    readonly advocates: Csr;
    readonly advocatePushed: Uint8Array;
    readonly advocatePrograms: Csr;
    readonly advocateHasPrograms: Uint8Array;
    /** Letter writers, knownBy, advocates, the home director and away directors, without repeats. */
    readonly knowers: Csr;
    /**
     * Parallel to knowers.items: 1 where the knower saw the applicant on an away rotation
     * (the away program's director, or anyone at its institution).
     */
    readonly knowerViaAway: Uint8Array;
    /** Opinions fixed in the file: referrer index and verdict index (see VERDICTS). */
    readonly opinionReferrers: Csr;
    readonly opinionVerdicts: Int8Array;
  };

  readonly referrer: {
    readonly count: number;
    readonly key: Int32Array;
    readonly clout: Float64Array;
    readonly candor: Float64Array;
    readonly institution: Int32Array;
    readonly region: Int32Array;
    readonly specialty: Int32Array;
    readonly role: Int8Array;
    /** Undirected ties: for referrer r, tie partners and the trust of each tie. */
    readonly ties: Csr;
    readonly tieTrust: Float64Array;
    /** 1 for the director of a program with backchannelUse 0: they take no call of any kind. */
    readonly silent: Uint8Array;
  };
}

class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string | undefined): number {
    if (value === undefined) return -1;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

/**
 * The draw keys of a kind of entity, one per id. Two ids whose hashes collide would share
 * every draw: the later one (in file order) is hashed again with a suffix until it differs,
 * which changes only its own draws, and only in that rare case.
 */
function drawKeys(kind: string, ids: readonly string[]): Int32Array {
  const keys = idKeys(kind, ids);
  // Collisions are rare: only if there is one are the keys salted, in file order.
  if (!repeats(keys)) return keys;
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    let key = keys[i]!;
    for (let salt = 1; seen.has(key); salt++) key = idKey(kind, `${id}#${salt}`);
    seen.add(key);
    keys[i] = key;
  });
  return keys;
}

/**
 * Whether any key appears twice, in a table of twice as many slots as keys (a Set of tens
 * of thousands of numbers, or sorting them, cost more than hashing the ids). Keys are
 * hashes already, below 2^30: their low bits place them; a slot holds key + 1, 0 is empty.
 */
function repeats(keys: Int32Array): boolean {
  const size = 2 ** Math.ceil(Math.log2(2 * keys.length + 2));
  const mask = size - 1;
  const slots = new Int32Array(size);
  for (let i = 0; i < keys.length; i++) {
    const stored = keys[i]! + 1;
    let at = stored & mask;
    while (slots[at] !== 0) {
      if (slots[at] === stored) return true;
      at = (at + 1) & mask;
    }
    slots[at] = stored;
  }
  return false;
}

/** Resolves a checked scenario, using the id lookups made while checking references. */
export function indexScenario(s: Scenario, r: ResolvedReferences): IndexedScenario {
  const specialties = new Interner();
  const tags = new Interner();
  const regions = new Interner();
  const institutions = new Interner();
  const model = s.model;
  const nP = s.programs.length;
  const nA = s.applicants.length;

  const pSpecialty = new Int32Array(nP);
  const pRegion = new Int32Array(nP);
  const pSlots = new Int32Array(nP);
  const pHasRankList = new Uint8Array(nP);
  s.programs.forEach((p, i) => {
    // Programs without a specialty share an unnamed one, open to applicants of every specialty.
    pSpecialty[i] = specialties.of(p.specialty ?? "");
    pRegion[i] = regions.of(p.region);
    pSlots[i] = p.interviewSlots ?? model.interviews.slotsPerPosition * p.positions;
    pHasRankList[i] = p.rankList ? 1 : 0;
  });
  // Applicants' specialties are interned before the programs of each specialty are listed,
  // so a specialty no program offers has a row of its own, empty.
  const aSpecialties = s.applicants.map((a) => a.specialties?.map((sp) => specialties.of(sp)));
  const programsBySpecialty: number[][] = specialties.values.map(() => []);
  for (let i = 0; i < nP; i++) programsBySpecialty[pSpecialty[i]!]!.push(i);
  const allSpecialties = specialties.values.map((_, k) => k);
  const specialtyPrograms = csrFromLists(programsBySpecialty);

  const aRegion = new Int32Array(nA);
  const aMax = new Int32Array(nA);
  const aFlags = new Int32Array(nA);
  const aHasPrefs = new Uint8Array(nA);
  const aHasRank = new Uint8Array(nA);
  const aPaper = new Float64Array(nA);
  const aQuality = new Float64Array(nA);
  const aGap = new Float64Array(nA);
  const aExplicit = new Uint8Array(nA);
  const applicantIds: string[] = [];
  const applicantLabels: string[] = [];
  const referrerInstitution = typedColumn(s.referrers, (n) => new Int32Array(n), (x) => institutions.of(x.institution));
  const programInstitution = r.programDirector.map((d) => (d >= 0 ? referrerInstitution[d]! : -1));
  // Knowers are written straight into one CSR (a list, a set and closures per applicant
  // took most of indexing an NRMP-size market).
  const knowerOffsets = new Int32Array(nA + 1);
  const knowerItems: number[] = [];
  const viaAwayItems: number[] = [];
  const awayInstitutions: number[] = [];
  const tagRows = new CsrBuilder();
  const specialtyRows = new CsrBuilder();
  // The current applicant's first knower entry: knowers are unique within a row.
  let from = 0;
  const add = (referrer: number, away: boolean) => {
    if (referrer < 0) return;
    const k = knowerItems.indexOf(referrer, from);
    if (k < 0) {
      knowerItems.push(referrer);
      viaAwayItems.push(away ? 1 : 0);
    } else if (away) viaAwayItems[k] = 1;
  };
  // Anyone at an away program's institution saw the applicant there, as did its director.
  const sawAway = (w: number) => awayInstitutions.length > 0 && awayInstitutions.includes(referrerInstitution[w]!);
  const knownLists = [r.applicantLetters, r.applicantKnownBy, r.applicantAdvocates];
  const aways = r.applicantAways;
  // One pass over the applicants for every column: a large file's applicants are scattered
  // over the heap, and each further pass waits on memory again.
  for (let i = 0; i < nA; i++) {
    const a = s.applicants[i]!;
    aRegion[i] = regions.of(a.region);
    aMax[i] = a.maxInterviews ?? model.interviews.maxPerApplicant;
    aFlags[i] = a.flags.length;
    aHasPrefs[i] = a.preferences ? 1 : 0;
    aHasRank[i] = a.rankList ? 1 : 0;
    aPaper[i] = a.paper;
    aQuality[i] = a.quality;
    aGap[i] = a.auditionGap;
    aExplicit[i] = a.signals !== undefined || a.goldSignals !== undefined ? 1 : 0;
    applicantIds.push(a.id);
    applicantLabels.push(a.name ?? a.id);
    // Counted loops: before the engine optimises this loop, each for-of over an array made
    // an iterator, and these two took a third of indexing an NRMP-size market.
    const aTags = a.tags;
    for (let j = 0; j < aTags.length; j++) tagRows.add(tags.of(aTags[j]!), true);
    tagRows.endRow();
    const aSpecialty = aSpecialties[i] ?? allSpecialties;
    for (let j = 0; j < aSpecialty.length; j++) specialtyRows.add(aSpecialty[j]!);
    specialtyRows.endRow();
    from = knowerItems.length;
    awayInstitutions.length = 0;
    const a0 = aways.offsets[i]!;
    const a1 = aways.offsets[i + 1]!;
    for (let j = a0; j < a1; j++) {
      const at = programInstitution[aways.items[j]!]!;
      if (at >= 0) awayInstitutions.push(at);
    }
    for (let l = 0; l < knownLists.length; l++) {
      const known = knownLists[l]!;
      for (let j = known.offsets[i]!; j < known.offsets[i + 1]!; j++) add(known.items[j]!, sawAway(known.items[j]!));
    }
    const home = r.applicantHome[i]!;
    if (home >= 0) add(r.programDirector[home]!, r.programDirector[home]! >= 0 && sawAway(r.programDirector[home]!));
    for (let j = a0; j < a1; j++) add(r.programDirector[aways.items[j]!]!, true);
    knowerOffsets[i + 1] = knowerItems.length;
  }

  // Opinions grouped by applicant, in file order.
  const { offsets: opinionOffsets, order: byApplicant } = groupByRow(nA, r.opinionApplicant);
  const opinionReferrers = { offsets: opinionOffsets, items: byApplicant.map((k) => r.opinionReferrer[k]!) };
  const opinionVerdicts = Int8Array.from(byApplicant, (k) => VERDICTS.indexOf(s.opinions[k]!.verdict));

  const tieLists: number[][] = s.referrers.map(() => []);
  const trustLists: number[][] = s.referrers.map(() => []);
  s.relationships.forEach((rel, k) => {
    const a = r.tieEnds[2 * k]!;
    const b = r.tieEnds[2 * k + 1]!;
    tieLists[a]!.push(b);
    trustLists[a]!.push(rel.trust);
    tieLists[b]!.push(a);
    trustLists[b]!.push(rel.trust);
  });

  // A program that uses no backchannel takes no call either: its director answers none.
  const silent = new Uint8Array(s.referrers.length);
  s.programs.forEach((p, q) => {
    const d = r.programDirector[q]!;
    if (p.backchannelUse === 0 && d >= 0) silent[d] = 1;
  });

  const programIds = s.programs.map((p) => p.id);
  const referrerIds = s.referrers.map((x) => x.id);
  return {
    name: s.name ?? "",
    model,
    applicantIds,
    programIds,
    referrerIds,
    applicantLabels,
    programLabels: s.programs.map((p) => p.name ?? p.id),
    referrerLabels: s.referrers.map((x) => x.name ?? x.id),
    specialties: specialties.values,
    regions: regions.values,
    tags: tags.values,
    institutions: institutions.values,
    specialtyPrograms,
    program: {
      count: nP,
      key: drawKeys("program", programIds),
      positions: typedColumn(s.programs, (n) => new Int32Array(n), (p) => p.positions),
      prestige: typedColumn(s.programs, (n) => new Float64Array(n), (p) => p.prestige),
      specialty: pSpecialty,
      region: pRegion,
      director: r.programDirector,
      interviewSlots: pSlots,
      backchannelUse: typedColumn(s.programs, (n) => new Float64Array(n), (p) => p.backchannelUse),
      institution: programInstitution,
      hasRankList: pHasRankList,
      rankList: r.programRankList,
    },
    applicant: {
      count: nA,
      key: drawKeys("applicant", applicantIds),
      paper: aPaper,
      quality: aQuality,
      auditionGap: aGap,
      region: aRegion,
      home: r.applicantHome,
      maxInterviews: aMax,
      flagCount: aFlags,
      specialties: specialtyRows.build(),
      namedSpecialties: typedColumn(aSpecialties, (n) => new Uint8Array(n), (own) => (own ? 1 : 0)),
      tags: tagRows.build(),
      aways: r.applicantAways,
      letters: r.applicantLetters,
      hasPreferences: aHasPrefs,
      preferences: r.applicantPreferences,
      hasRankList: aHasRank,
      rankList: r.applicantRankList,
      toldNumberOne: r.applicantToldNumberOne,
      signals: r.applicantSignals,
      goldSignals: r.applicantGoldSignals,
      explicitSignals: aExplicit,
      advocates: r.applicantAdvocates,
      advocatePushed: r.advocatePushed,
      advocatePrograms: r.advocatePrograms,
      advocateHasPrograms: r.advocateHasPrograms,
      knowers: { offsets: knowerOffsets, items: Int32Array.from(knowerItems) },
      knowerViaAway: Uint8Array.from(viaAwayItems),
      opinionReferrers,
      opinionVerdicts,
    },
    referrer: {
      count: s.referrers.length,
      key: drawKeys("referrer", referrerIds),
      clout: typedColumn(s.referrers, (n) => new Float64Array(n), (x) => x.clout),
      candor: typedColumn(s.referrers, (n) => new Float64Array(n), (x) => x.candor),
      institution: referrerInstitution,
      region: typedColumn(s.referrers, (n) => new Int32Array(n), (x) => regions.of(x.region)),
      specialty: typedColumn(s.referrers, (n) => new Int32Array(n), (x) => specialties.of(x.specialty)),
      role: typedColumn(s.referrers, (n) => new Int8Array(n), (x) => (x.role === undefined ? -1 : REFERRER_ROLES.indexOf(x.role))),
      ties: csrFromLists(tieLists),
      tieTrust: flatten(trustLists, (n) => new Float64Array(n)),
      silent,
    },
  };
}
