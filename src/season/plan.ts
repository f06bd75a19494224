import type { IndexedScenario } from "../scenario/index-scenario.js";
import { csrFromLists, csrRow, flatten, type Csr } from "../scenario/csr.js";
import { columnOf } from "../rng/streams.js";

/**
 * What a season needs of a scenario that no trial changes, worked out once: the programs
 * each applicant may apply to with the fixed part of their appeal, how many applications
 * each makes, and where every per-application buffer starts.
 */
export interface SeasonPlan {
  readonly s: IndexedScenario;
  /** Row a: the programs applicant a may apply to. */
  readonly candidates: Csr;
  /** Parallel to candidates.items: prestige + home, away and region bonuses (no noise). */
  readonly baseAppeal: Float64Array;
  /**
   * Parallel to candidates.items: the column of the program's draw key in its applicant's
   * row of preference noise (see idKey, columnOf), kept so the loop does not multiply.
   */
  readonly candidateColumn: Int32Array;
  /** Whether any applicant lists their signals in the file. */
  readonly anyExplicitSignals: boolean;
  /**
   * Row a: the places in applicant a's candidate row of the programs they always apply to,
   * whatever their choice of the rest: those the file says they signal (a signal goes with
   * an application), their home program and their aways (where they are known).
   */
  readonly mustApply: Csr;
  /**
   * Parallel to mustApply.items: each must-apply candidate's baseAppeal, column key and
   * screening bonus. Only home and away programs have a bonus, and they are must-apply.
   */
  readonly mustAppeal: Float64Array;
  readonly mustColumn: Int32Array;
  readonly mustScreenBonus: Float64Array;
  /**
   * Parallel to candidates.items: baseAppeal, plus MUST_BOOST where the candidate is one the
   * applicant must apply to (and their order is not given), so that choosing the best
   * applications keeps those first without a second pass (mustApply lists them).
   */
  readonly selectAppeal: Float64Array;
  /** Parallel to candidates.items: the tier of the signal the file says the applicant sends the candidate (0 none, 1 silver, 2 gold). */
  readonly candidateSignal: Uint8Array;
  /** Parallel to candidates.items: what the candidate program adds to the applicant's screening score (home and away bonuses). */
  readonly candidateScreenBonus: Float64Array;
  /** 1 where the applicant's order is given (preferences or a fixed list): no noise, no choice. */
  readonly orderGiven: Uint8Array;
  /**
   * Program q's region of the by-program application buffers: programAppStart[q] …
   * programAppStart[q+1]-1, one slot for each candidate list naming q, so every trial's
   * applications fit whatever the applicants choose.
   */
  readonly programAppStart: Int32Array;
  /** Applications of applicant a occupy entries appOff[a] … appOff[a+1]-1 in every trial. */
  readonly appOff: Int32Array;
  readonly totalApps: number;
  /** The applicant of each application entry. */
  readonly entryApplicant: Int32Array;
  /** For programs with a fixed list, the applicants on it, as a set per program (CSR, sorted). */
  readonly fixedMembers: Csr;
  /** Parallel to fixedMembers.items: each member's place (0-based) on the program's list. */
  readonly fixedPlaces: Int32Array;
  /** For each applicant, the programs with a fixed list that has them on it. */
  readonly fixedPrograms: Csr;
  /** Longest rank list any applicant can have, for the matched-rank histogram. */
  readonly maxApplicantList: number;
  /** Slots of applicant a's rank list in world buffers: aListOff[a] … aListOff[a+1]-1. */
  readonly aListOff: Int32Array;
  /** Total program-list capacity: every application plus every fixed-list entry. */
  readonly programListCapacity: number;
  /**
   * Where no applicant chooses among their candidates (everyone applies to all of them, in
   * candidate order), every trial's applications are the same entries: row q, the entries
   * of program q in ascending order. Undefined where anyone chooses.
   */
  readonly programEntries: Csr | undefined;
  /**
   * With programEntries, the application entry of each place of the fixed lists (parallel
   * to s.program.rankList.items; -1 where the listed applicant did not apply there): the
   * same every trial, so named once here (see nameFixedListEntries in rank-lists.ts).
   */
  readonly fixedListEntries: Int32Array | undefined;
}


/** Far above any appeal with its noise: a must-apply candidate is always among the best. */
export const MUST_BOOST = 1e6;

// The tiers of entrySignal (see applications.ts: NO_SIGNAL 0, SILVER 1, GOLD 2).
const SILVER_TIER = 1;
const GOLD_TIER = 2;

/** What the plan keeps of each applicant's must-apply programs and signals, from one pass over their candidates. */
function mustSelection(candidateLists: readonly number[][], appeal: readonly number[], orderGiven: Uint8Array, s: IndexedScenario) {
  const a = s.applicant;
  const selectAppeal = Float64Array.from(appeal);
  const candidateSignal = new Uint8Array(appeal.length);
  const mustPlaces: number[][] = [];
  let c = 0;
  candidateLists.forEach((list, i) => {
    const silver = new Set(csrRow(a.signals, i));
    const gold = new Set(csrRow(a.goldSignals, i));
    const must = new Set([...silver, ...gold, a.home[i]!, ...csrRow(a.aways, i)]);
    mustPlaces.push([...must].map((q) => list.indexOf(q)).filter((k) => k >= 0));
    for (const q of list) {
      if (!orderGiven[i] && must.has(q)) {
        selectAppeal[c]! += MUST_BOOST;
      }
      // Gold first: a program is in one tier (the references check it).
      candidateSignal[c] = gold.has(q) ? GOLD_TIER : silver.has(q) ? SILVER_TIER : 0;
      c++;
    }
  });
  return { selectAppeal, candidateSignal, mustApply: csrFromLists(mustPlaces) };
}

export function makeSeasonPlan(s: IndexedScenario): SeasonPlan {
  const a = s.applicant;
  const p = s.program;
  const m = s.model;
  const nA = a.count;

  const candidateLists: number[][] = [];
  const appeal: number[] = [];
  const bonus: number[] = [];
  const orderGiven = new Uint8Array(nA);
  const appCount = new Int32Array(nA);
  for (let i = 0; i < nA; i++) {
    let list: number[];
    if (a.hasRankList[i]) {
      list = Array.from(csrRow(a.rankList, i));
      orderGiven[i] = 1;
    } else if (a.hasPreferences[i]) {
      list = Array.from(csrRow(a.preferences, i));
      orderGiven[i] = 1;
    } else {
      list = [];
      for (const sp of csrRow(a.specialties, i)) for (const q of csrRow(s.specialtyPrograms, sp)) list.push(q);
      // The unnamed specialty (programs without one) is open to every applicant.
      const unnamed = s.specialties.indexOf("");
      if (unnamed >= 0 && !Array.from(csrRow(a.specialties, i)).includes(unnamed)) {
        for (const q of csrRow(s.specialtyPrograms, unnamed)) list.push(q);
      }
      list = [...new Set(list)].sort((x, y) => x - y);
    }
    const aways = new Set(csrRow(a.aways, i));
    for (let k = 0; k < list.length; k++) {
      const q = list[k]!;
      // Home and away programs only, both must-apply: chooseApplications writes bonuses
      // from the must-apply list (mustScreenBonus), none for any other candidate.
      bonus.push((a.home[i] === q ? m.screening.homeBonus : 0) + (aways.has(q) ? m.screening.awayBonus : 0));
      appeal.push(
        orderGiven[i]
          ? -k // given order: earlier is better
          : p.prestige[q]! +
              (a.home[i] === q ? m.ranking.homeBonus : 0) +
              (aways.has(q) ? m.ranking.awayBonus : 0) +
              (a.region[i]! >= 0 && a.region[i] === p.region[q] ? m.ranking.regionBonus : 0),
      );
    }
    candidateLists.push(list);
    // A fixed list is applied to whole; otherwise, with perApplicant = k, only the k most
    // preferred (the first k of given preferences, or the best k of appeal and noise).
    const limit = m.applications.perApplicant;
    appCount[i] = a.hasRankList[i] || limit === 0 ? list.length : Math.min(limit, list.length);
  }
  const candOff = new Int32Array(nA + 1);
  for (let i = 0; i < nA; i++) candOff[i + 1] = candOff[i]! + candidateLists[i]!.length;
  const programAppStart = new Int32Array(p.count + 1);
  for (const list of candidateLists) for (const q of list) programAppStart[q + 1]!++;
  for (let q = 0; q < p.count; q++) programAppStart[q + 1]! += programAppStart[q]!;
  const appOff = new Int32Array(nA + 1);
  for (let i = 0; i < nA; i++) appOff[i + 1] = appOff[i]! + appCount[i]!;

  const fixedLists: number[][] = [];
  const fixedPlaces: number[][] = [];
  let fixedTotal = 0;
  for (let q = 0; q < p.count; q++) {
    const row = p.hasRankList[q] ? Array.from(csrRow(p.rankList, q)) : [];
    // The members in ascending order, each with its place on the list.
    const places = row.map((_, j) => j).sort((x, y) => row[x]! - row[y]!);
    fixedTotal += row.length;
    fixedLists.push(places.map((j) => row[j]!));
    fixedPlaces.push(places);
  }
  const fixedOff = new Int32Array(p.count + 1);
  fixedLists.forEach((l, q) => (fixedOff[q + 1] = fixedOff[q]! + l.length));
  const onLists: number[][] = Array.from({ length: nA }, () => []);
  fixedLists.forEach((l, q) => {
    for (const who of l) onLists[who]!.push(q);
  });

  // An applicant ranks at most their applications (programs with fixed lists count only
  // if applied to) or their fixed list; without a list of their own, only the programs
  // they interview at (at most maxInterviews) and the fixed lists they are on. Each list's
  // room in the world buffers is that bound: a room per application made the buffers, and
  // their copies for the world with calls, several times longer than the lists.
  const aListOff = new Int32Array(nA + 1);
  let maxList = 0;
  for (let i = 0; i < nA; i++) {
    const n = appCount[i]!;
    const room = a.hasRankList[i] ? n : Math.min(n, a.maxInterviews[i]! + onLists[i]!.length);
    aListOff[i + 1] = aListOff[i]! + room;
    maxList = Math.max(maxList, n);
  }

  const entryApplicant = new Int32Array(appOff[nA]!);
  for (let i = 0; i < nA; i++) entryApplicant.fill(i, appOff[i]!, appOff[i + 1]!);

  // Entries fixed across trials: everyone keeps all candidates (a given order keeps them in
  // its order, and is applied to whole only when it is no longer than the limit).
  let fixedEntries = true;
  for (let i = 0; i < nA && fixedEntries; i++) fixedEntries = appCount[i] === candidateLists[i]!.length;
  let programEntries: Csr | undefined;
  if (fixedEntries) {
    const rows: number[][] = Array.from({ length: p.count }, () => []);
    let k = 0;
    for (const list of candidateLists) for (const q of list) rows[q]!.push(k++);
    programEntries = csrFromLists(rows);
  }

  const candidateItems = flatten(candidateLists, (n) => new Int32Array(n));
  const fixedMembers = { offsets: fixedOff, items: flatten(fixedLists, (n) => new Int32Array(n)) };
  const fixedPlaceItems = flatten(fixedPlaces, (n) => new Int32Array(n));
  let fixedListEntries: Int32Array | undefined;
  if (fixedEntries && fixedTotal > 0) {
    // The entries are the candidates, in order.
    fixedListEntries = new Int32Array(fixedTotal).fill(-1);
    nameFixedEntries(candidateItems, appOff, fixedMembers, fixedPlaceItems, p.hasRankList, p.rankList.offsets, fixedListEntries);
  }
  const baseAppeal = Float64Array.from(appeal);
  const candidateColumn = candidateItems.map((q) => columnOf(p.key[q]!));
  const candidateScreenBonus = Float64Array.from(bonus);
  const must = mustSelection(candidateLists, appeal, orderGiven, s);
  // The must-apply candidates' appeal, column and bonus, beside their places: read for a
  // few entries per applicant, they would otherwise cost reads far apart in large arrays.
  const mustAppeal = new Float64Array(must.mustApply.items.length);
  const mustColumn = new Int32Array(must.mustApply.items.length);
  const mustScreenBonus = new Float64Array(must.mustApply.items.length);
  for (let i = 0; i < nA; i++) {
    for (let j = must.mustApply.offsets[i]!; j < must.mustApply.offsets[i + 1]!; j++) {
      const c = candOff[i]! + must.mustApply.items[j]!;
      mustAppeal[j] = baseAppeal[c]!;
      mustColumn[j] = candidateColumn[c]!;
      mustScreenBonus[j] = candidateScreenBonus[c]!;
    }
  }
  return {
    s,
    programEntries,
    entryApplicant,
    candidates: { offsets: candOff, items: candidateItems },
    baseAppeal,
    candidateColumn,
    candidateScreenBonus,
    anyExplicitSignals: s.applicant.explicitSignals.includes(1),
    ...must,
    mustAppeal,
    mustColumn,
    mustScreenBonus,
    orderGiven,
    programAppStart,
    appOff,
    totalApps: appOff[nA]!,
    fixedMembers,
    fixedPlaces: fixedPlaceItems,
    fixedPrograms: csrFromLists(onLists),
    maxApplicantList: maxList,
    aListOff,
    programListCapacity: appOff[nA]! + fixedTotal,
    fixedListEntries,
  };
}

/**
 * Names the places of the fixed lists by application: out[at[q] + place] = k for each
 * application k (of applicant a, to program entryProgram[k]) where a is on q's fixed list.
 * One pass over the applications, applicant by applicant: each program's members in
 * ascending order (fixedMembers, with their places on the list) are met in that order, so
 * a cursor per program finds them without a search. Places of listed applicants who did
 * not apply are left as they are.
 */
export function nameFixedEntries(
  entryProgram: Int32Array,
  appOff: Int32Array,
  fixedMembers: Csr,
  places: Int32Array,
  hasRankList: Uint8Array,
  at: Int32Array,
  out: Int32Array,
): void {
  const { offsets: memberOff, items: members } = fixedMembers;
  const cursor = memberOff.slice(0, memberOff.length - 1);
  const nA = appOff.length - 1;
  for (let a = 0; a < nA; a++) {
    for (let k = appOff[a]!; k < appOff[a + 1]!; k++) {
      const q = entryProgram[k]!;
      if (!hasRankList[q]) continue;
      let c = cursor[q]!;
      const end = memberOff[q + 1]!;
      while (c < end && members[c]! < a) c++;
      cursor[q] = c;
      if (c < end && members[c] === a) out[at[q]! + places[c]!] = k;
    }
  }
}

/** Whether applicant `who` is on program q's fixed list (binary search in its sorted members). */
export function onFixedList(plan: SeasonPlan, q: number, who: number): boolean {
  const items = plan.fixedMembers.items;
  let lo = plan.fixedMembers.offsets[q]!;
  let hi = plan.fixedMembers.offsets[q + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = items[mid]!;
    if (v === who) return true;
    if (v < who) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
