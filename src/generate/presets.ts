import type { MarketShape } from "./specialty-market.js";

/** A published figure the preset is calibrated against, with where it comes from. */
export interface Figure {
  readonly value: number;
  readonly source: string;
}

export interface Preset {
  readonly name: string;
  readonly title: string;
  readonly shape: MarketShape;
  /** Share of applicants who match, and share of positions filled, as published or derived. */
  readonly matchRate: Figure;
  readonly fillRate: Figure;
  readonly sizes: string;
}

const REGIONS = ["northeast", "south", "midwest", "west"] as const;

const base = {
  regions: REGIONS,
  homeShare: 0.35,
  awayShare: 0.5,
  letters: 3,
  tiesSameRegion: 2,
  tiesOtherRegion: 0.5,
  schoolWriterTie: 0.1,
  givenPreferences: false,
  runs: 1000,
} as const;

/**
 * Presets of real specialties' sizes. Figures: NRMP and specialty-society reports as
 * compiled in the README's calibration table ("D" marks a figure derived by arithmetic).
 */
export const PRESETS: readonly Preset[] = [
  {
    name: "dermatology",
    title: "Dermatology",
    sizes: "602 positions and 1,099 applicants preferring dermatology (2026, Charting Outcomes); 150 programs (estimate: no count found); 40 applications each (AAMC, 2025 cycle)",
    shape: {
      ...base,
      name: "Dermatology",
      specialties: [{ name: "dermatology", share: 1 }],
      programs: 150,
      positions: 602,
      applicants: 1099,
      applicationsPerApplicant: 40,
      schools: 60,
      // The article sees 10–15% of invitations shaped by calls at some dermatology
      // programs: a wide borderline band, and a call whenever someone is in reach.
      model: {
        ranking: { preferenceNoise: 0.3 },
        interviews: { slotsPerPosition: 12 },
        screening: { band: 0.4 },
        preInterview: { callProbability: 1 },
      },
    },
    matchRate: { value: 0.548, source: "D: 602 positions, all filled, over 1,099 applicants preferring dermatology (2026)" },
    fillRate: { value: 1.0, source: "dermatology fills every position (2025 PGY-1: 54 of 54; PGY-2 unfilled in single digits)" },
  },
  {
    name: "orthopaedic-surgery",
    title: "Orthopaedic surgery",
    sizes: "963 positions and 1,598 applicants (2026, Charting Outcomes); 218 programs (2024); 50 applications each (NRMP applicant survey median)",
    shape: {
      ...base,
      name: "Orthopaedic surgery",
      specialties: [{ name: "orthopaedic surgery", share: 1 }],
      programs: 218,
      positions: 963,
      applicants: 1598,
      applicationsPerApplicant: 50,
      schools: 80,
      model: { ranking: { preferenceNoise: 0.3 }, interviews: { slotsPerPosition: 12 } },
    },
    matchRate: { value: 0.603, source: "D: 963 positions, all filled, over 1,598 applicants preferring orthopaedics (2026)" },
    fillRate: { value: 1.0, source: "ACS: 929 of 929 positions filled (2025)" },
  },
  {
    name: "emergency-medicine",
    title: "Emergency medicine",
    sizes: "3,198 positions and 3,224 applicants (2026, Charting Outcomes); 292 programs (2025, ACEP); 40 applications each (tuned; the 2011 survey median was 26)",
    shape: {
      ...base,
      name: "Emergency medicine",
      specialties: [{ name: "emergency medicine", share: 1 }],
      programs: 292,
      positions: 3198,
      applicants: 3224,
      applicationsPerApplicant: 40,
      schools: 100,
      // Nearly one applicant per position: programs interview widely to fill.
      model: { ranking: { preferenceNoise: 0.6 }, interviews: { slotsPerPosition: 20, maxPerApplicant: 16 } },
    },
    matchRate: { value: 0.971, source: "D: 97.9% of 3,198 positions filled (2025 rate) over 3,224 applicants (2026)" },
    fillRate: { value: 0.979, source: "ACEP: 3,003 of 3,068 positions filled (2025)" },
  },
  {
    name: "internal-medicine",
    title: "Internal medicine (categorical)",
    sizes: "11,632 positions and 14,734 applicants (2026, Charting Outcomes); 587 programs (2020, the latest count found); 18 applications each (NRMP applicant survey median)",
    shape: {
      ...base,
      name: "Internal medicine (categorical)",
      specialties: [{ name: "internal medicine", share: 1 }],
      programs: 587,
      positions: 11632,
      applicants: 14734,
      applicationsPerApplicant: 18,
      schools: 150,
      model: { ranking: { preferenceNoise: 0.6 }, interviews: { slotsPerPosition: 15 } },
    },
    matchRate: { value: 0.763, source: "D: 96.7% of 11,632 positions filled (2025 rate) over 14,734 applicants (2026)" },
    fillRate: { value: 0.967, source: "NRMP Results and Data 2025: 96.7% of categorical positions filled" },
  },
  {
    name: "nrmp",
    title: "The whole NRMP Main Residency Match",
    sizes: "44,853 active applicants, 6,395 programs, 41,503 positions (2024, NRMP); 30 programs on each applicant's list",
    shape: {
      ...base,
      name: "NRMP Main Residency Match",
      specialties: [
        { name: "internal medicine", share: 27 },
        { name: "family medicine", share: 12 },
        { name: "pediatrics", share: 7 },
        { name: "emergency medicine", share: 7 },
        { name: "psychiatry", share: 6 },
        { name: "anesthesiology", share: 5 },
        { name: "general surgery", share: 4 },
        { name: "obstetrics and gynecology", share: 4 },
        { name: "radiology", share: 3 },
        { name: "neurology", share: 3 },
        { name: "other specialties", share: 22 },
      ],
      programs: 6395,
      positions: 41503,
      applicants: 44853,
      applicationsPerApplicant: 30,
      schools: 200,
      givenPreferences: true,
      runs: 20,
      model: { interviews: { slotsPerPosition: 10 } },
    },
    matchRate: { value: 0.868, source: "D: 38,941 positions filled over 44,853 active applicants (2024)" },
    fillRate: { value: 0.938, source: "NRMP: 38,941 of 41,503 positions filled by the algorithm (2024)" },
  },
];

export function presetNamed(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/** A preset's shape scaled by `factor` (programs, positions, applicants and schools). */
export function scaled(shape: MarketShape, factor: number): MarketShape {
  if (factor === 1) return shape;
  const n = (x: number) => Math.max(1, Math.round(x * factor));
  return { ...shape, programs: n(shape.programs), positions: n(shape.positions), applicants: n(shape.applicants), schools: n(shape.schools) };
}
