import { idKey } from "../rng/streams.js";
import { csrFromLists, csrRow, type Csr } from "./csr.js";
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
function drawKeys(kind: string, entities: readonly { id: string }[]): Int32Array {
  const keys = new Int32Array(entities.length);
  const seen = new Set<number>();
  entities.forEach((e, i) => {
    let key = idKey(kind, e.id);
    for (let salt = 1; seen.has(key); salt++) key = idKey(kind, `${e.id}#${salt}`);
    seen.add(key);
    keys[i] = key;
  });
  return keys;
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
  const knowerLists: number[][] = [];
  const viaAwayLists: number[][] = [];
  const referrerInstitution = Int32Array.from(s.referrers, (x) => institutions.of(x.institution));
  const programInstitution = Int32Array.from(r.programDirector, (d) => (d >= 0 ? referrerInstitution[d]! : -1));
  s.applicants.forEach((a, i) => {
    aRegion[i] = regions.of(a.region);
    aMax[i] = a.maxInterviews ?? model.interviews.maxPerApplicant;
    aFlags[i] = a.flags.length;
    aHasPrefs[i] = a.preferences ? 1 : 0;
    aHasRank[i] = a.rankList ? 1 : 0;
    const knowers: number[] = [];
    const viaAway: number[] = [];
    const add = (referrer: number, away: boolean) => {
      if (referrer < 0) return;
      const k = knowers.indexOf(referrer);
      if (k < 0) {
        knowers.push(referrer);
        viaAway.push(away ? 1 : 0);
      } else if (away) viaAway[k] = 1;
    };
    // Anyone at an away program's institution saw the applicant there, as did its director.
    const awayInstitutions = new Set<number>();
    for (const p of csrRow(r.applicantAways, i)) if (programInstitution[p]! >= 0) awayInstitutions.add(programInstitution[p]!);
    const sawAway = (w: number) => awayInstitutions.has(referrerInstitution[w]!);
    for (const w of csrRow(r.applicantLetters, i)) add(w, sawAway(w));
    for (const w of csrRow(r.applicantKnownBy, i)) add(w, sawAway(w));
    for (const w of csrRow(r.applicantAdvocates, i)) add(w, sawAway(w));
    const home = r.applicantHome[i]!;
    if (home >= 0) add(r.programDirector[home]!, r.programDirector[home]! >= 0 && sawAway(r.programDirector[home]!));
    for (const p of csrRow(r.applicantAways, i)) add(r.programDirector[p]!, true);
    knowerLists.push(knowers);
    viaAwayLists.push(viaAway);
  });

  const opinionLists: number[][] = s.applicants.map(() => []);
  const opinionVerdictLists: number[][] = s.applicants.map(() => []);
  s.opinions.forEach((o, k) => {
    const a = r.opinionApplicant[k]!;
    opinionLists[a]!.push(r.opinionReferrer[k]!);
    opinionVerdictLists[a]!.push(VERDICTS.indexOf(o.verdict));
  });

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

  return {
    name: s.name ?? "",
    model,
    applicantIds: s.applicants.map((a) => a.id),
    programIds: s.programs.map((p) => p.id),
    referrerIds: s.referrers.map((x) => x.id),
    applicantLabels: s.applicants.map((a) => a.name ?? a.id),
    programLabels: s.programs.map((p) => p.name ?? p.id),
    referrerLabels: s.referrers.map((x) => x.name ?? x.id),
    specialties: specialties.values,
    regions: regions.values,
    tags: tags.values,
    institutions: institutions.values,
    specialtyPrograms,
    program: {
      count: nP,
      key: drawKeys("program", s.programs),
      positions: Int32Array.from(s.programs, (p) => p.positions),
      prestige: Float64Array.from(s.programs, (p) => p.prestige),
      specialty: pSpecialty,
      region: pRegion,
      director: r.programDirector,
      interviewSlots: pSlots,
      backchannelUse: Float64Array.from(s.programs, (p) => p.backchannelUse),
      institution: programInstitution,
      hasRankList: pHasRankList,
      rankList: r.programRankList,
    },
    applicant: {
      count: nA,
      key: drawKeys("applicant", s.applicants),
      paper: Float64Array.from(s.applicants, (a) => a.paper),
      quality: Float64Array.from(s.applicants, (a) => a.quality),
      auditionGap: Float64Array.from(s.applicants, (a) => a.auditionGap),
      region: aRegion,
      home: r.applicantHome,
      maxInterviews: aMax,
      flagCount: aFlags,
      specialties: csrFromLists(aSpecialties.map((own) => own ?? allSpecialties)),
      namedSpecialties: Uint8Array.from(aSpecialties, (own) => (own ? 1 : 0)),
      tags: csrFromLists(s.applicants.map((a) => [...new Set(a.tags.map((t) => tags.of(t)))])),
      aways: r.applicantAways,
      letters: r.applicantLetters,
      hasPreferences: aHasPrefs,
      preferences: r.applicantPreferences,
      hasRankList: aHasRank,
      rankList: r.applicantRankList,
      toldNumberOne: r.applicantToldNumberOne,
      signals: r.applicantSignals,
      goldSignals: r.applicantGoldSignals,
      explicitSignals: Uint8Array.from(s.applicants, (a) => (a.signals !== undefined || a.goldSignals !== undefined ? 1 : 0)),
      advocates: r.applicantAdvocates,
      advocatePushed: r.advocatePushed,
      advocatePrograms: r.advocatePrograms,
      advocateHasPrograms: r.advocateHasPrograms,
      knowers: csrFromLists(knowerLists),
      knowerViaAway: Uint8Array.from(viaAwayLists.flat()),
      opinionReferrers: csrFromLists(opinionLists),
      opinionVerdicts: Int8Array.from(opinionVerdictLists.flat()),
    },
    referrer: {
      count: s.referrers.length,
      key: drawKeys("referrer", s.referrers),
      clout: Float64Array.from(s.referrers, (x) => x.clout),
      candor: Float64Array.from(s.referrers, (x) => x.candor),
      institution: referrerInstitution,
      region: Int32Array.from(s.referrers, (x) => regions.of(x.region)),
      specialty: Int32Array.from(s.referrers, (x) => specialties.of(x.specialty)),
      role: Int8Array.from(s.referrers, (x) => (x.role === undefined ? -1 : REFERRER_ROLES.indexOf(x.role))),
      ties: csrFromLists(tieLists),
      tieTrust: Float64Array.from(trustLists.flat()),
      silent,
    },
  };
}
