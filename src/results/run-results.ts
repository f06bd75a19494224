// The results of a run as numbers and labels: what the engine produces and every
// renderer reads. Below both, so neither imports the other's concerns.

/** The results of `run`, as `run --format json` prints them and the library returns them. */
export interface RunResults {
  scenario: string;
  runs: number;
  seed: number;
  proposer: "applicant" | "program";
  /** The settings applied to the file (`--set`, `--opinion`), as written; absent when none. */
  settings?: string[];
  summary: {
    matchRate: { withCalls: number; withoutCalls: number };
    /** Calls per season, by phase. */
    calls: CallsByPhase;
    verdicts: { strong: number; positive: number; fine: number; cautious: number; wouldNotRank: number };
    drops: number;
    rippleDrops: number;
    insincerityCaught: number;
    /** Late calls per season that relayed an applicant's "#1" from their home institution. */
    relayed: number;
    /** Pushed advocates' half-hearted "fine", per season. */
    halfHearted: number;
    invitesShaped: number;
    outcomeChanged: number;
    blockingPairsVsUncalled: number;
    /** P(match) with and without calls for groups of applicants (see GROUPS). */
    groups: Record<"homeOrAway" | "neither" | "tiedLetters" | "untiedLetters", GroupResult>;
    /** Rank-list calls per entry a director could call about, by category, beside the parameter. */
    callRates: Record<"top" | "borderline" | "redFlag", { measured: number | null; parameter: number }>;
  };
  applicants: ApplicantResult[];
  programs: ProgramResult[];
}

export interface GroupResult {
  /** Mean number of applicants in the group per season. */
  applicants: number;
  pMatch: number | null;
  pMatchWithoutCalls: number | null;
  difference: number | null;
}

export interface ApplicantResult {
  id: string;
  /** The name the scenario gives, if any. */
  name?: string;
  pMatch: number;
  pMatchCi: [number, number];
  pMatchWithoutCalls: number;
  delta: number;
  pFirstChoice: number;
  pFirstChoiceWithoutCalls: number;
  meanMatchedRank: number | null;
  meanCalls: number;
  rankHistogram: number[];
}

export interface ProgramResult {
  id: string;
  name?: string;
  positions: number;
  fillRate: number | null;
  fillRateWithoutCalls: number | null;
  meanQualityMatched: number | null;
  meanQualityMatchedWithoutCalls: number | null;
  /** Calls in the program's name per season: made by its director, or taken from advocates. */
  callsMade: number;
  calls: CallsByPhase;
  /** Drops per season by a call at this program, and by ripple from elsewhere. */
  drops: number;
  rippleDrops: number;
  /** Share of the program's invitations that differ from the season without calls. */
  invitesShaped: number;
}

/** Calls per season in each phase of the season. */
export interface CallsByPhase {
  preInterview: number;
  rankList: number;
  advocacy: number;
  late: number;
}

