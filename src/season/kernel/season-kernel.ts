import { QUANTILES } from "../../rng/streams.js";
import { BYTES } from "./season-bytes.js";

/**
 * The season's bulk steps in WebAssembly (season.wat): the applications, screening, the
 * interviews and programs' lists of the world without calls, and the applicant-proposing
 * match of either world, with the same bits as the
 * JavaScript, which stays as the fallback wherever WebAssembly cannot run (a page whose
 * policy forbids it, an engine without it) or is switched off. One instance per workspace,
 * with its own memory holding copies of what the steps read of the plan and the arrays they
 * write, which the workspace uses as its own: nothing is copied out.
 */
export interface SeasonKernel {
  /** Scores of the applicant's candidates, by place (the workspace's candScore). */
  readonly score: Float64Array;
  /** The places above the window, then (as the caller writes them) the places kept. */
  readonly kept: Int32Array;
  /** The places inside the window. */
  readonly inside: Int32Array;
  /** Whether chooseFrom takes any applicant (one that chooses among their candidates and is not special). */
  readonly choosing: boolean;
  /** Whether `choose` can run: someone chooses among their candidates (else their arrays are left out). */
  readonly draws: boolean;
  /** The length of the one row of candidates all applicants share (see sharedRow), or 0. */
  readonly sharedRow: number;
  /** The step's entries and guesses, in the kernel's memory (see Workspace). */
  readonly appProgram: Int32Array;
  readonly appPref: Float64Array;
  readonly entryBonus: Float64Array;
  readonly applicationCutoff: Float64Array;
  /**
   * Scores candidates c0 … c0+n-1 of the row key (appeal + noise × normal) and places each
   * against [lo, hi]: returns how many are above; insideCount() how many are inside. With a
   * shared row (see sharedRow), c0 is an applicant's first candidate.
   */
  readonly choose: (c0: number, n: number, row: number, noise: number, lo: number, hi: number) => number;
  readonly insideCount: () => number;
  /**
   * The whole step for applicants from, from+1, … to-1 (stream key, noise, the window's half
   * width), up to the first it leaves to the JavaScript (special): returns that applicant,
   * or `to`. `settled` is 1 once the guesses are fixed (they are then left as they are);
   * `bounded` is 1 to draw only the candidates not below their bounds, written for them.
   */
  readonly chooseFrom: (from: number, to: number, key: number, noise: number, half: number, settled: number, bounded: number) => number;
  /**
   * Per candidate, a bound on the top 16 bits of its hash: any hash below it gives a score
   * below its applicant's window (see settleWindows in ../applications.ts).
   */
  readonly bound: Uint16Array;
  /** Screening's arrays, in the kernel's memory (see Workspace), and each applicant's paper as screening reads it. */
  readonly screenScore: Float64Array;
  readonly baseInvited: Uint8Array;
  readonly screenStaged: Int32Array;
  readonly screenWindow: Float64Array;
  readonly screenTally: Int32Array;
  readonly screenByProgram: Int32Array;
  readonly screenFiledScore: Float64Array;
  readonly screenPaper: Float64Array;
  /**
   * Screening's scores of every entry (stream key, noise) placed against the windows, and
   * those inside filed: returns how many were filed (see screen in ../screening.ts).
   * `bounded` is 1 once the windows are settled and screenBound written for them: an entry
   * chosen by chooseFrom whose hash is below its candidate's bound is then neither drawn
   * (its score NaN) nor invited.
   */
  readonly screen: (applicants: number, key: number, noise: number, bounded: number) => number;
  /**
   * Per candidate, a bound on the top 16 bits of its screening hash: any hash below it gives
   * a score below its program's window (see settleScreening in ../screening.ts).
   */
  readonly screenBound: Uint16Array;
  /** The world without calls' interviews and applicants' lists, and the programs' interviewees, in the kernel's memory. */
  readonly interviewed: Uint8Array;
  readonly aList: Int32Array;
  readonly aEntry: Int32Array;
  readonly aLen: Int32Array;
  readonly interviewees: Int32Array;
  readonly intervieweeApplicant: Int32Array;
  readonly intervieweeKey: Float64Array;
  readonly intervieweeCount: Int32Array;
  /**
   * Steps 3 and 4's applicants' side in the world without calls for applicants from, from+1,
   * … to-1 (the interview stream's key, interviews' noise, ranking's interviewWeight), in a
   * market without fixed lists, up to the first with a list of their own: returns that
   * applicant, or `to`.
   */
  readonly attendFrom: (from: number, to: number, key: number, noise: number, interviewWeight: number) => number;
  /** Screening's room for each program's list, and the world without calls' programs' lists, in the kernel's memory. */
  readonly listRoom: Int32Array;
  readonly pStart: Int32Array;
  readonly pLen: Int32Array;
  readonly pList: Int32Array;
  readonly pEntry: Int32Array;
  /**
   * Step 4's programs' lists in the world without calls for programs from, from+1, … to-1,
   * starting at pStart[from], up to the first with a fixed list: returns that program, or
   * `to`, with its pStart written.
   */
  readonly rankFrom: (from: number, to: number) => number;
  /** The rest of screening's arrays (see Workspace), in the kernel's memory. */
  readonly needsAll: Uint8Array;
  readonly cutoff: Float64Array;
  readonly screeningCutoff: Float64Array;
  readonly screenWidth: Float64Array;
  readonly screenFileAll: Uint8Array;
  readonly borderlineFrom: Int32Array;
  readonly invitesAt: Int32Array;
  readonly borderline: Uint8Array;
  readonly borderlineEntries: Int32Array;
  readonly borderlineApplicant: Int32Array;
  /** The world with calls' lists (its other arrays are the JavaScript's). */
  readonly calledWorld: WorldViews;
  /**
   * Step 9, applicant-proposing, on one world's lists (byte offsets of its aList, aEntry,
   * aLen, pStart, pLen and pEntry, all views of this memory): writes programOf and
   * matchedRank.
   */
  readonly matchApplicants: (applicants: number, programs: number, aList: number, aEntry: number, aLen: number, pStart: number, pLen: number, pEntry: number) => void;
  readonly programOf: Int32Array;
  readonly matchedRank: Int32Array;
  /** Screening's cutoffs of the programs whose windows hold them (band): returns how many programs missed. */
  readonly screenCutoffs: (programs: number, band: number) => number;
  /**
   * Every application of program q (of the `total` entries) filed at the program's places
   * from its tally's next one, in entry order, those left undrawn drawn first (stream key,
   * noise): a missed window's filing (see fileMissed in ../screening.ts).
   */
  readonly fileProgram: (q: number, total: number, key: number, noise: number) => void;
  /** Screening's invitations and borderline (band), after the cutoffs: returns the invitations made. */
  readonly screenInvitations: (programs: number, band: number) => number;
}

/** A world's arrays that live in the kernel's memory. */
export interface WorldViews {
  readonly interviewed?: Uint8Array;
  readonly aList: Int32Array;
  readonly aEntry: Int32Array;
  readonly aLen: Int32Array;
  readonly pStart: Int32Array;
  readonly pLen: Int32Array;
  readonly pList: Int32Array;
  readonly pEntry: Int32Array;
}

/** What the kernel reads of the plan. */
export interface SeasonKernelInput {
  /** Per candidate: appeal (with must-apply boosts), column key, program. */
  readonly appeal: Float64Array;
  readonly column: Int32Array;
  readonly program: Int32Array;
  readonly candidateOffsets: Int32Array;
  readonly appOff: Int32Array;
  readonly applicantKey: Int32Array;
  /** 1 for an applicant the kernel leaves to the JavaScript. */
  readonly special: Uint8Array;
  readonly mustOffsets: Int32Array;
  readonly mustPlaces: Int32Array;
  readonly mustScreenBonus: Float64Array;
  readonly mustAppeal: Float64Array;
  readonly mustColumn: Int32Array;
  readonly maxCandidates: number;
  /** Whether any applicant chooses among their candidates (no given order, fewer applications than candidates). */
  readonly anyChooses: boolean;
  readonly programKey: Int32Array;
  /** Each program's first filing place for screening and interviews (the plan's programAppStart). */
  readonly programStart: Int32Array;
  readonly aListOff: Int32Array;
  readonly maxInterviews: Int32Array;
  /** 1 for an applicant with a rank list of their own (the scenario's hasRankList). */
  readonly ownList: Uint8Array;
  /** Per applicant: paperWeight × paper, the ranking's red-flag penalty (or 0), quality. */
  readonly paperPart: Float64Array;
  readonly flagPart: Float64Array;
  readonly quality: Float64Array;
  /** The most applications of any applicant. */
  readonly maxEntries: number;
  /** 1 for a program with a fixed list (the scenario's hasRankList). */
  readonly pHasRankList: Uint8Array;
  /** The places of the programs' lists (the plan's programListCapacity). */
  readonly listCapacity: number;
  readonly interviewSlots: Int32Array;
  readonly positions: Int32Array;
  readonly entryApplicant: Int32Array;
}

/** The little of the WebAssembly API used here (the project's type libraries do not declare it). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let enabled = true;
let compiled: object | null | undefined;

/** Turns the WebAssembly kernel on or off for workspaces made after (tests compare the two). */
export function useWasmKernel(on: boolean): void {
  enabled = on;
}

let sharing = true;

/** Turns the one shared row of candidates on or off for kernels made after (tests and benchmarks compare the two). */
export function useSharedRow(on: boolean): void {
  sharing = on;
}

/**
 * The length of the one row of candidates every applicant has, where their rows are all
 * the same programs in the same order (as in a specialty market where everyone considers
 * every program); else 0. The kernel then keeps that row's programs and column keys once,
 * in a few hundred bytes that stay in cache, rather than reading a copy per applicant.
 */
function sharedRow(program: Int32Array, offsets: Int32Array): number {
  const n = offsets[1]! - offsets[0]!;
  if (n === 0 || offsets.length < 3) return 0;
  for (let a = 1; a + 1 < offsets.length; a++) {
    const c0 = offsets[a]!;
    if (offsets[a + 1]! - c0 !== n) return 0;
    for (let k = 0; k < n; k++) if (program[c0 + k] !== program[k]) return 0;
  }
  return n;
}

function module(api: WasmApi): object | null {
  if (compiled === undefined) {
    try {
      compiled = new api.Module(Uint8Array.from(atob(BYTES), (c) => c.charCodeAt(0)));
    } catch {
      compiled = null; // no WebAssembly here: the JavaScript steps
    }
  }
  return compiled;
}

type PlanArray = Float64Array | Int32Array | Uint8Array;

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** A kernel for a plan, or undefined to run every step in JavaScript. */
export function newSeasonKernel(input: SeasonKernelInput): SeasonKernel | undefined {
  if (!enabled || !wasmApi) return undefined;
  const wasm = module(wasmApi);
  if (!wasm) return undefined;
  const nA = input.applicantKey.length;
  const nP = input.programKey.length;
  // Whether anyone chooses among their candidates: else nothing calls `choose` or chooseFrom.
  const choosing = input.anyChooses;
  const shared = sharing ? sharedRow(input.program, input.candidateOffsets) : 0;
  const filingPlaces = input.programStart[nP]!;
  const listPlaces = input.aListOff[nA]!;
  let maxFiled = 1;
  for (let q = 0; q < nP; q++) maxFiled = Math.max(maxFiled, input.programStart[q + 1]! - input.programStart[q]!);
  const totalApps = input.appOff[nA]!;
  const room = input.maxCandidates + 4; // the kernel writes lists four places at a time
  // The match's heaps: a program holds no more than its positions.
  let heapPlaces = 1;
  for (let q = 0; q < nP; q++) heapPlaces += Math.max(0, input.positions[q]!);
  // The selection serves an applicant's candidates and a program's applications.
  const selectRoom = Math.max(room, maxFiled);
  // The regions in the order season.wat's header lists them, each 16-byte aligned after a
  // header of their offsets: a size in bytes, or the plan's array copied there.
  const regions: [string, number | PlanArray][] = [
    ["quantiles", QUANTILES.byteLength],
    // What only the choice among candidates reads, left empty where nobody chooses.
    ["appeal", choosing ? input.appeal : 0],
    ["column", choosing ? (shared ? input.column.subarray(0, shared) : input.column) : 0],
    ["score", 8 * room],
    ["kept", 4 * room],
    ["inside", 4 * room],
    ["counts", 8],
    ["pack", 4 * 64],
    ["program", choosing ? (shared ? input.program.subarray(0, shared) : input.program) : 0],
    ["candOff", choosing ? input.candidateOffsets : 0],
    ["appOff", input.appOff],
    ["applicantKey", input.applicantKey],
    ["special", input.special],
    ["mustOff", choosing ? input.mustOffsets : 0],
    ["mustPlace", choosing ? input.mustPlaces : 0],
    ["mustBonus", choosing ? input.mustScreenBonus : 0],
    ["mustAppeal", choosing ? input.mustAppeal : 0],
    ["mustColumn", choosing ? input.mustColumn : 0],
    ["entryOf", 4 * room],
    ["values", 8 * selectRoom],
    ["swap", 8 * selectRoom],
    ["appProgram", 4 * totalApps],
    ["appPref", 8 * totalApps],
    ["entryBonus", 8 * totalApps],
    ["cutoff", 8 * nA],
    ["programKey", input.programKey],
    ["paper", 8 * nA],
    ["screenScore", 8 * totalApps],
    ["invited", totalApps],
    ["staged", 4 * totalApps],
    ["window", 16 * nP],
    ["tally", 8 * nP],
    ["byProgram", 4 * filingPlaces],
    ["filedScore", 8 * filingPlaces],
    ["interviewed", totalApps],
    ["aList", 4 * listPlaces],
    ["aEntry", 4 * listPlaces],
    ["aLen", 4 * nA],
    ["aListOff", input.aListOff],
    ["maxInterviews", input.maxInterviews],
    ["ownList", input.ownList],
    ["programStart", input.programStart],
    ["interviewees", 4 * filingPlaces],
    ["intervieweeApplicant", 4 * filingPlaces],
    ["intervieweeKey", 8 * filingPlaces],
    ["intervieweeCount", 4 * nP],
    ["paperPart", input.paperPart],
    ["flagPart", input.flagPart],
    ["quality", input.quality],
    ["order", 4 * input.maxEntries],
    ["orderKey", 8 * (input.maxEntries + 3)],
    ["pHasRankList", input.pHasRankList],
    ["listRoom", 4 * nP],
    ["pStart", 4 * (nP + 1)],
    ["pLen", 4 * nP],
    ["pList", 4 * input.listCapacity],
    ["pEntry", 4 * input.listCapacity],
    ["rankIdx", 4 * maxFiled],
    ["rankKey", 8 * (maxFiled + 3)],
    ["slots", input.interviewSlots],
    ["needsAll", nP],
    ["cutoffOf", 8 * nP],
    ["guessOf", 8 * nP],
    ["width", 8 * nP],
    ["fileAll", nP],
    ["borderlineFrom", 4 * (nP + 1)],
    ["invitesAt", 4 * nP],
    ["borderline", totalApps],
    ["borderlineEntries", 4 * totalApps],
    ["equal", 4 * maxFiled],
    ["capacity", input.positions],
    ["marks", 8 * totalApps],
    ["rankBack", 4 * listPlaces],
    ["room", 4 * nP],
    ["heapStart", 4 * (nP + 1)],
    ["heapRank", 4 * heapPlaces],
    ["heapWho", 4 * heapPlaces],
    ["held", 4 * nP],
    ["next", 4 * nA],
    ["programOf", 4 * nA],
    ["matchedRank", 4 * nA],
    ["entryApplicant", input.entryApplicant],
    ["borderlineApplicant", 4 * totalApps],
    ["bound", choosing ? 2 * input.appeal.length : 0],
    ["passIdx", 4 * room],
    ["passHash", 4 * room],
    ["lanes", 16 * 16],
    ["rowMask", Int32Array.of(shared ? 0 : -1)],
    ["entryPlace", choosing ? 4 * totalApps : 0],
    ["screenBound", choosing ? 2 * (input.appeal.length + 1) : 0],
    ["sorted", 4 * input.maxEntries],
    // The world with calls' lists: the kernel reads them by the addresses it is given.
    ["calledALen", 4 * nA],
    ["calledAList", 4 * listPlaces],
    ["calledAEntry", 4 * listPlaces],
    ["calledPStart", 4 * (nP + 1)],
    ["calledPLen", 4 * nP],
    ["calledPList", 4 * input.listCapacity],
    ["calledPEntry", 4 * input.listCapacity],
  ];
  const at: Record<string, number> = {};
  let end = align(4 * regions.length);
  for (const [name, region] of regions) {
    const bytes = typeof region === "number" ? region : region.byteLength;
    at[name] = end;
    end = align(end + bytes);
  }
  try {
    const memory = new wasmApi.Memory({ initial: Math.ceil(end / 65536) });
    const { exports } = new wasmApi.Instance(wasm, { env: { memory } });
    const buffer = memory.buffer;
    // Views of the regions, by name and length.
    const i32 = (name: string, length: number) => new Int32Array(buffer, at[name]!, length);
    const f64 = (name: string, length: number) => new Float64Array(buffer, at[name]!, length);
    const u8 = (name: string, length: number) => new Uint8Array(buffer, at[name]!, length);
    new Int32Array(buffer, 0, regions.length).set(regions.map(([name]) => at[name]!));
    f64("quantiles", QUANTILES.length).set(QUANTILES);
    // Row m of the packing table: the lanes of the bits set in m, in order.
    const packRows = i32("pack", 64);
    for (let m = 0; m < 16; m++) {
      let w = 0;
      for (let lane = 0; lane < 4; lane++) if (m & (1 << lane)) packRows[4 * m + w++] = lane;
    }
    // Row m of the lane table: the bytes of the lanes set in m, in order, then 0x80 (zero).
    const laneRows = u8("lanes", 256).fill(0x80);
    for (let m = 0; m < 16; m++) {
      let w = 0;
      for (let lane = 0; lane < 4; lane++) if (m & (1 << lane)) for (let b = 0; b < 4; b++) laneRows[16 * m + w++] = 4 * lane + b;
    }
    for (const [name, region] of regions) {
      if (typeof region === "number") continue;
      const View = region.constructor as new (b: ArrayBuffer, at: number, n: number) => PlanArray;
      new View(buffer, at[name]!, region.length).set(region);
    }
    // Entries the JavaScript writes name the last bound, 0: always drawn.
    if (choosing) i32("entryPlace", totalApps).fill(input.appeal.length);
    (exports["layout"] as (header: number) => void)(0);
    const countView = i32("counts", 2);
    return {
      choosing: input.special.includes(0),
      draws: choosing,
      sharedRow: shared,
      score: f64("score", input.maxCandidates),
      kept: i32("kept", room),
      inside: i32("inside", room),
      appProgram: i32("appProgram", totalApps),
      appPref: f64("appPref", totalApps),
      entryBonus: f64("entryBonus", totalApps),
      applicationCutoff: f64("cutoff", nA).fill(NaN),
      choose: exports["choose"] as SeasonKernel["choose"],
      insideCount: () => countView[1]!,
      chooseFrom: exports["chooseFrom"] as SeasonKernel["chooseFrom"],
      bound: new Uint16Array(buffer, at["bound"]!, choosing ? input.appeal.length : 0),
      screenScore: f64("screenScore", totalApps),
      baseInvited: u8("invited", totalApps),
      screenStaged: i32("staged", totalApps),
      screenWindow: f64("window", 2 * nP),
      screenTally: i32("tally", 2 * nP),
      screenByProgram: i32("byProgram", filingPlaces),
      screenFiledScore: f64("filedScore", filingPlaces),
      screenPaper: f64("paper", nA),
      screen: exports["screen"] as SeasonKernel["screen"],
      screenBound: new Uint16Array(buffer, at["screenBound"]!, choosing ? input.appeal.length : 0),
      interviewed: u8("interviewed", totalApps),
      aList: i32("aList", listPlaces),
      aEntry: i32("aEntry", listPlaces),
      aLen: i32("aLen", nA),
      interviewees: i32("interviewees", filingPlaces),
      intervieweeApplicant: i32("intervieweeApplicant", filingPlaces),
      intervieweeKey: f64("intervieweeKey", filingPlaces),
      intervieweeCount: i32("intervieweeCount", nP),
      attendFrom: exports["attendFrom"] as SeasonKernel["attendFrom"],
      listRoom: i32("listRoom", nP),
      pStart: i32("pStart", nP + 1),
      pLen: i32("pLen", nP),
      pList: i32("pList", input.listCapacity),
      pEntry: i32("pEntry", input.listCapacity),
      rankFrom: exports["rankFrom"] as SeasonKernel["rankFrom"],
      needsAll: u8("needsAll", nP),
      cutoff: f64("cutoffOf", nP),
      screeningCutoff: f64("guessOf", nP).fill(NaN),
      screenWidth: f64("width", nP).fill(1),
      screenFileAll: u8("fileAll", nP),
      borderlineFrom: i32("borderlineFrom", nP + 1),
      invitesAt: i32("invitesAt", nP),
      borderline: u8("borderline", totalApps),
      borderlineEntries: i32("borderlineEntries", totalApps),
      borderlineApplicant: i32("borderlineApplicant", totalApps),
      calledWorld: {
        aLen: i32("calledALen", nA),
        aList: i32("calledAList", listPlaces),
        aEntry: i32("calledAEntry", listPlaces),
        pStart: i32("calledPStart", nP + 1),
        pLen: i32("calledPLen", nP),
        pList: i32("calledPList", input.listCapacity),
        pEntry: i32("calledPEntry", input.listCapacity),
      },
      matchApplicants: exports["matchApplicants"] as SeasonKernel["matchApplicants"],
      programOf: i32("programOf", nA),
      matchedRank: i32("matchedRank", nA),
      screenCutoffs: exports["screenCutoffs"] as SeasonKernel["screenCutoffs"],
      screenInvitations: exports["screenInvitations"] as SeasonKernel["screenInvitations"],
      fileProgram: exports["fileProgram"] as SeasonKernel["fileProgram"],
    };
  } catch {
    return undefined; // memory refused (a very large market): the JavaScript steps
  }
}
