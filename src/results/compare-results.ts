import type { PairedDifference } from "./paired.js";

// The results of `compare`: a what-if against its base on the same seasons, applicant by
// applicant, in the world with calls and in the world without them.

/** A paired difference of a proportion, with its discordant seasons and the exact McNemar p-value. */
export interface ProportionChange extends PairedDifference {
  /** Seasons where only the variant, or only the base, had the outcome. */
  variantOnly: number;
  baseOnly: number;
  pValue: number;
}

export interface OutcomeComparison {
  base: number | null;
  variant: number;
  change: ProportionChange | null;
}

export interface WorldComparison {
  pMatch: OutcomeComparison;
  pFirstChoice: OutcomeComparison;
  /** Mean matched rank in each; the change over the seasons the applicant matched in both. */
  meanMatchedRank: { base: number | null; variant: number | null; change: PairedDifference | null; seasonsBothMatched: number };
}

export interface ApplicantComparison {
  id: string;
  name?: string;
  /** An applicant the variant adds: nothing to compare with. */
  added: boolean;
  withCalls: WorldComparison;
  /** The same with calls off in both: what the edit does on paper, without any call. */
  withoutCalls: WorldComparison;
}

export interface VariantResult {
  name: string;
  /** The settings that make it, as written, and the file it was read from, if any. */
  settings: string[];
  file?: string;
  applicants: ApplicantComparison[];
}

/** One knower of the focus applicant: their calls, what they said, and what their silence would change. */
export interface KnowerResult {
  id: string;
  name?: string;
  /** Calls about the applicant that went through them, per season (advocates' own calls included). */
  callsPerSeason: number;
  said: { strong: number; positive: number; fine: number; cautious: number; wouldNotRank: number };
  /** The change in the applicant's P(match) if this knower said nothing about them (same seasons). */
  ifSilent: OutcomeComparison;
}

export interface CompareResults {
  scenario: string;
  runs: number;
  seed: number;
  proposer: "applicant" | "program";
  focus?: string;
  variants: VariantResult[];
  knowers?: KnowerResult[];
}
