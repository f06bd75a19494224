export interface SweepPoint {
  parameters: Record<string, number | boolean | string>;
  matchRate: { withCalls: number; withoutCalls: number; difference: number };
  callsPerSeason: number;
  invitesShaped: number;
  outcomeChanged: number;
  focus?: { applicant: string; name?: string; pMatch: number; pMatchCi: [number, number]; pMatchWithoutCalls: number; delta: number };
}

/** The results of `sweep`, as `sweep --format json` prints them. */
export interface SweepResults {
  scenario: string;
  runs: number;
  seed: number;
  proposer: "applicant" | "program";
  axes: { path: string; values: (number | boolean | string)[] }[];
  points: SweepPoint[];
}
