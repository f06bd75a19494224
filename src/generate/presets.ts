import type { ScenarioInput } from "../scenario/schema.js";
import { specialtyMarket, type MarketShape } from "./specialty-market.js";

/** A published figure the preset is calibrated against, with where it comes from. */
export interface Figure {
  readonly value: number;
  readonly source: string;
}

/** What a preset's market must reproduce, in `npm run calibrate`. */
export interface Targets {
  /** Share of applicants who match, and share of positions filled, as published or derived. */
  readonly matchRate: Figure;
  readonly fillRate: Figure;
  /** The published range of P(interview | signal) / P(interview | no signal). */
  readonly signalRatio: { readonly range: readonly [number, number]; readonly source: string };
  /** A competitive specialty: the top decile's invitations shaped (10–15%) and the late phase (≥ 5% of programs) are targets, not only reported. */
  readonly competitive: boolean;
  /** The published share of matches at a program the applicant signalled, where there is one: reported beside the measured share. */
  readonly signalledMatches?: Figure;
  /** Where the home-interview target (at least half) comes from. */
  readonly home: { readonly source: string };
}

export interface Preset {
  readonly name: string;
  readonly title: string;
  readonly shape: MarketShape;
  readonly targets: Targets;
  readonly sizes: string;
  /** Each figure behind a size, a signal count or a parameter set away from its default: what, the year, the source. */
  readonly notes: readonly string[];
}

const REGIONS = ["northeast", "south", "midwest", "west"] as const;

const base = {
  regions: REGIONS,
  homeShare: 0.35,
  awayShare: 0.5,
  letters: 3,
  tiesSameRegion: 2,
  tiesOtherRegion: 0.5,
  writerTies: 0.3,
  schoolWriterTie: 0.1,
  givenPreferences: false,
  signals: { gold: 0, silver: 0 },
  advocateShare: 0,
  backchannelSpread: 0,
  callHeavy: { share: 0, use: 1 },
  runs: 1000,
} as const;

/** Why screening.homeBonus is set away from its default. */
const homeNote = (bonus: number) =>
  `screening.homeBonus ${bonus}: programs commonly interview their own school's students (the NRMP Program Director Survey, 2012, asks whether they typically do; no share is published there); set so that more than half of home applicants interview at home`;

const HOME = "a home program interviews most of its own applicants (derm 2023–24: 40.9% of matches outside a signalled program were at home; Ghali et al., Arch Dermatol Res 2024;316:727)";

/**
 * Presets of real specialties' sizes, signals and outcomes. Every figure names its year and
 * source in `notes` ("D" marks a figure derived by arithmetic); the README's calibration
 * table is `npm run calibrate`'s output.
 */
export const PRESETS: readonly Preset[] = [
  {
    name: "dermatology",
    title: "Dermatology",
    sizes: "602 positions and 1,099 applicants (2026, Charting Outcomes); 135 programs (2022, AAMC); 40 applications each (AAMC, 2025 cycle); 3 gold and 25 silver signals (APD, since 2023–24)",
    notes: [
      "programs 135: dermatology programs in the 2022 ERAS supplemental application, 117 of them taking signals (AAMC, Supplemental ERAS 2022 key findings)",
      "positions 602, applicants 1,099 preferring dermatology (NRMP Charting Outcomes, 2026)",
      "applications.perApplicant 40: mean applications per dermatology applicant (AAMC ERAS statistics, 2025 cycle)",
      "signals 3 gold + 25 silver per applicant (Association of Professors of Dermatology, since the 2023–24 cycle)",
      "interviews.slotsPerPosition 15: D, 8.02 interviews per applicant (Ghali et al., Arch Dermatol Res 2024;316:727, 2023–24 survey) × 1,099 applicants / 602 positions = 14.6",
      "signal / no-signal interview rates 21.1% / 3.7% = 5.7 (2022–23 APD program survey, cited in J Grad Med Educ 2024;16(2):233); otolaryngology 58% / 14% = 4.1 (2021, Pletcher et al.); the range cited is 4.1 to 7.0 (orthopaedics 2023–24, derived)",
      "signals.screeningBonus 0.28 and signals.gold.screeningBonus 0.38: set so the interview-rate ratio falls in the cited range",
      homeNote(0.4),
      "screening.band 0.1 and preInterview.callProbability 0.25: the article's 10–15% of invitations shaped by calls at some programs, with fewer pre-interview calls than rank-list calls",
      "programs' backchannelUse: 12% of programs lean on calls six times as much as the rest, and every program's use varies (log-normal, sd 0.5); directors tied to 3 directors nearby and 1 elsewhere (the call-heavy ones to more), letter writers to 4: the article's \"at some derm programs\" and \"certain names carry a ridiculous amount of weight\" (no published figure)",
      "53.2% of matched applicants matched at a signalled program (Ghali et al. 2024): reported beside the measured share",
    ],
    shape: {
      ...base,
      name: "Dermatology",
      specialties: [{ name: "dermatology", share: 1 }],
      programs: 135,
      positions: 602,
      applicants: 1099,
      applicationsPerApplicant: 40,
      schools: 60,
      signals: { gold: 3, silver: 25 },
      advocateShare: 0.25,
      backchannelSpread: 0.5,
      callHeavy: { share: 0.12, use: 6 },
      writerTies: 4,
      tiesSameRegion: 3,
      tiesOtherRegion: 1,
      model: {
        interviews: { slotsPerPosition: 15 },
        screening: { band: 0.1, homeBonus: 0.4 },
        preInterview: { callProbability: 0.25 },
        signals: { screeningBonus: 0.28, gold: { screeningBonus: 0.38 } },
      },
    },
    targets: {
      matchRate: { value: 0.548, source: "D: 602 positions, all filled, over 1,099 applicants preferring dermatology (NRMP, 2026)" },
      fillRate: { value: 1.0, source: "dermatology fills every position (NRMP Results and Data, 2025)" },
      signalRatio: { range: [4.1, 7.0], source: "otolaryngology 2021: 4.1 (Pletcher et al.); dermatology 2022–23: 5.7 (APD survey, JGME 2024;16(2):233); orthopaedics 2023–24: 7.0 (D, Alkhouri et al., JBJS Open Access 2025)" },
      competitive: true,
      signalledMatches: { value: 0.532, source: "dermatology 2023–24: 53.2% of matched applicants matched at a signalled program (Ghali et al., Arch Dermatol Res 2024;316:727)" },
      home: { source: HOME },
    },
  },
  {
    name: "orthopaedic-surgery",
    title: "Orthopaedic surgery",
    sizes: "963 positions and 1,598 applicants (2026, Charting Outcomes); 218 programs (2024); 86 applications and 30 signals each (2023–24, Alkhouri et al.)",
    notes: [
      "programs 218 (2024), positions 963, applicants 1,598 (NRMP Charting Outcomes, 2026)",
      "applications.perApplicant 86 and 30 signals per applicant: 2023–24 survey of 1,492 applicants (Alkhouri et al., JBJS Open Access 2025, PMID 40851842)",
      "signal / no-signal interview rates 24.4% / 0.92% = 26.5 (2022–23 program survey, PMC10241500); 79% of interview offers from the 30 signalled of 86 programs (2023–24, Alkhouri et al.) gives (0.79/30)/(0.21/56) = 7.0 (D); the range cited is 7.0 to 26.5",
      "90% of matched applicants matched at a signalled program (Alkhouri et al. 2025): reported beside the measured share",
      "signals.screeningBonus 0.35: set so the interview-rate ratio falls in the cited range",
      homeNote(0.5),
      "screening.band 0.1 and preInterview.callProbability 0.15: the article's 10–15% of invitations shaped at some programs, with fewer pre-interview calls than rank-list calls",
      "programs' backchannelUse: 12% of programs lean on calls eight times as much as the rest, and every program's use varies (log-normal, sd 0.5); directors tied to 3 directors nearby and 1 elsewhere, letter writers to 6: \"same in ortho\" (the article; no published figure)",
    ],
    shape: {
      ...base,
      name: "Orthopaedic surgery",
      specialties: [{ name: "orthopaedic surgery", share: 1 }],
      programs: 218,
      positions: 963,
      applicants: 1598,
      applicationsPerApplicant: 86,
      schools: 80,
      signals: { gold: 0, silver: 30 },
      advocateShare: 0.25,
      backchannelSpread: 0.5,
      callHeavy: { share: 0.12, use: 8 },
      writerTies: 6,
      tiesSameRegion: 3,
      tiesOtherRegion: 1,
      model: { screening: { band: 0.1, homeBonus: 0.5 }, preInterview: { callProbability: 0.15 }, signals: { screeningBonus: 0.35 } },
    },
    targets: {
      matchRate: { value: 0.603, source: "D: 963 positions, all filled, over 1,598 applicants preferring orthopaedics (NRMP, 2026)" },
      fillRate: { value: 1.0, source: "ACS: 929 of 929 positions filled (2025)" },
      signalRatio: { range: [7.0, 26.5], source: "orthopaedics 2023–24: 7.0 (D, Alkhouri et al., JBJS Open Access 2025); 2022–23 program survey: 24.4% / 0.92% = 26.5 (PMC10241500)" },
      competitive: true,
      signalledMatches: { value: 0.9, source: "orthopaedics 2023–24: 90% of matched applicants matched at a signalled program (Alkhouri et al., JBJS Open Access 2025)" },
      home: { source: HOME },
    },
  },
  {
    name: "emergency-medicine",
    title: "Emergency medicine",
    sizes: "3,198 positions and 3,224 applicants (2026, Charting Outcomes); 292 programs (2025, ACEP); 40 applications each; 5 signals (2022–23 to 2023–24, Texas STAR)",
    notes: [
      "programs 292 (ACEP, 2025); positions 3,198 and applicants 3,224 (NRMP Charting Outcomes, 2026)",
      "applications.perApplicant 40: median applications per emergency-medicine applicant (ERAS, 2023–24 cycle, about 40)",
      "signals 5 per applicant: about 4 (2022–23) and 6.5 (2023–24) sent (Texas STAR, West J Emerg Med 2024;25(5):715)",
      "signal / no-signal interview rates: 76.3% of signalled applications interviewed (2023) and 78.9% (2024), odds ratios 4.40 and 3.79, give rate ratios 1.81 and 1.59 (D, Texas STAR, WestJEM 2024)",
      "interviews.slotsPerPosition 20 and interviews.maxPerApplicant 16: with about one applicant per position, programs interview widely to fill; set with ranking.preferenceNoise so the fill rate meets the cited 97.9% (no published interviews-per-position figure found)",
      "signals.screeningBonus 0.09: set so the interview-rate ratio falls in the cited range",
      homeNote(0.4),
      "ranking.preferenceNoise 0.6: applicants' tastes spread widely enough to fill 97.9% of positions (the fill rate cited)",
    ],
    shape: {
      ...base,
      name: "Emergency medicine",
      specialties: [{ name: "emergency medicine", share: 1 }],
      programs: 292,
      positions: 3198,
      applicants: 3224,
      applicationsPerApplicant: 40,
      schools: 100,
      signals: { gold: 0, silver: 5 },
      advocateShare: 0.1,
      model: { ranking: { preferenceNoise: 0.6 }, interviews: { slotsPerPosition: 20, maxPerApplicant: 16 }, screening: { homeBonus: 0.4 }, signals: { screeningBonus: 0.09 } },
    },
    targets: {
      matchRate: { value: 0.971, source: "D: 97.9% of 3,198 positions filled (2025 rate) over 3,224 applicants (NRMP, 2026)" },
      fillRate: { value: 0.979, source: "ACEP: 3,003 of 3,068 positions filled (2025)" },
      signalRatio: { range: [1.59, 1.81], source: "emergency medicine 2023 and 2024: 1.81 and 1.59 (D, from Texas STAR yields and odds ratios, WestJEM 2024;25(5):715)" },
      competitive: false,
      home: { source: HOME },
    },
  },
  {
    name: "internal-medicine",
    title: "Internal medicine (categorical)",
    sizes: "11,632 positions and 14,734 applicants (2026, Charting Outcomes); 587 programs (2020); 18 applications each; 7 signals (2022–23)",
    notes: [
      "positions 11,632 and applicants 14,734 (NRMP Charting Outcomes, 2026); programs 587 (2020, the latest count found)",
      "applications.perApplicant 18: NRMP applicant survey median (2022)",
      "signals 7 per applicant (AAIM, 2022–23: mean 6.89 sent); 3 gold and 12 silver from 2024–25 are not modelled here",
      "signal / no-signal interview rates: odds ratio 2.95 (Szumel et al., Cureus 2024, 2022–23) at signal yields of 50–70% (Texas STAR 2021–22: 60.9%, Benjamin et al., Acad Med 2024) gives rate ratios 1.6 to 2.0 (D)",
      "interviews.slotsPerPosition 15: D, about 12 interviews per applicant in every specialty but radiology (2014 survey of 20 schools) × 14,734 applicants / 11,632 positions = 15.2",
      "signals.screeningBonus 0.1: set so the interview-rate ratio falls in the cited range",
      homeNote(0.4),
      "ranking.preferenceNoise 0.6: applicants' tastes spread widely enough to fill 96.7% of positions (the fill rate cited)",
    ],
    shape: {
      ...base,
      name: "Internal medicine (categorical)",
      specialties: [{ name: "internal medicine", share: 1 }],
      programs: 587,
      positions: 11632,
      applicants: 14734,
      applicationsPerApplicant: 18,
      schools: 150,
      signals: { gold: 0, silver: 7 },
      advocateShare: 0.1,
      model: { ranking: { preferenceNoise: 0.6 }, interviews: { slotsPerPosition: 15 }, screening: { homeBonus: 0.4 }, signals: { screeningBonus: 0.1 } },
    },
    targets: {
      matchRate: { value: 0.763, source: "D: 96.7% of 11,632 positions filled (2025 rate) over 14,734 applicants (NRMP, 2026)" },
      fillRate: { value: 0.967, source: "NRMP Results and Data 2025: 96.7% of categorical positions filled" },
      signalRatio: { range: [1.6, 2.0], source: "internal medicine 2022–23: 1.6 to 2.0 (D, odds ratio 2.95, Szumel et al., Cureus 2024, at yields of 50–70%)" },
      competitive: false,
      home: { source: HOME },
    },
  },
  {
    name: "nrmp",
    title: "The whole NRMP Main Residency Match",
    sizes: "44,853 active applicants, 6,395 programs, 41,503 positions (2024, NRMP); 30 programs on each applicant's list; 5 signals",
    notes: [
      "applicants 44,853, programs 6,395, positions 41,503 (NRMP Results and Data, 2024)",
      "30 programs on each applicant's list: applicants' preferences are given once (large market)",
      "signals 5 per applicant: the specialties with few signals (emergency medicine 4 to 6.5, internal medicine 7, general surgery 5 in 2022–24)",
      "signal / no-signal interview rates 1.59 to 2.0: the union of the emergency-medicine and internal-medicine ranges (D, see those presets)",
      "signals.screeningBonus 0.17: set so the interview-rate ratio falls in the cited range",
      homeNote(0.4),
    ],
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
      signals: { gold: 0, silver: 5 },
      advocateShare: 0.1,
      runs: 20,
      model: { screening: { homeBonus: 0.4 }, signals: { screeningBonus: 0.17 } },
    },
    targets: {
      matchRate: { value: 0.868, source: "D: 38,941 positions filled over 44,853 active applicants (NRMP, 2024)" },
      fillRate: { value: 0.938, source: "NRMP: 38,941 of 41,503 positions filled by the algorithm (2024)" },
      signalRatio: { range: [1.59, 2.0], source: "the specialties with few signals: emergency medicine 1.59–1.81 (2023–24), internal medicine 1.6–2.0 (2022–23), both derived" },
      competitive: false,
      home: { source: HOME },
    },
  },
];

export function presetNamed(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/**
 * A preset's shape scaled by `factor`, every ratio kept: programs, positions, applicants and
 * schools scale, and so do the counts per applicant that are a share of the programs
 * (applications, gold and silver signals), so a tenth of a market is applied to, signalled
 * and interviewed at the same rates as the whole.
 */
export function scaled(shape: MarketShape, factor: number): MarketShape {
  if (factor === 1) return shape;
  const n = (x: number) => Math.max(1, Math.round(x * factor));
  const some = (x: number) => (x === 0 ? 0 : n(x));
  return {
    ...shape,
    programs: n(shape.programs),
    positions: n(shape.positions),
    applicants: n(shape.applicants),
    schools: n(shape.schools),
    applicationsPerApplicant: n(shape.applicationsPerApplicant),
    signals: { gold: some(shape.signals.gold), silver: some(shape.signals.silver) },
  };
}

/**
 * A preset's market as a scenario, scaled and seeded, whose description cites every figure
 * behind it: what `generate` writes and the library's generate() returns.
 */
export function presetScenario(preset: Preset, scale: number, seed: number): ScenarioInput {
  const market = specialtyMarket(scaled(preset.shape, scale), seed);
  const description = `${preset.title}, calibrated against published figures (npm run calibrate):\n${preset.notes.map((n) => `- ${n}`).join("\n")}`;
  return { name: market.name, description, ...market };
}
