import * as z from "zod";
import { COUNT_CEILING, nonNegative, realNumber, unit, wholeCount } from "./fields.js";

// The `model` block. Every default is a figure of the backchannel model (see docs/model.md); nested blocks use prefault so a partial block still gets its defaults.

// Generic over the shape, TypeScript cannot see that `{}` satisfies an all-defaults
// input; every field given to block() has a default, so the cast is sound.
const block = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z
    .strictObject(shape, { error: (iss) => (iss.code === "invalid_type" ? "expected a mapping" : undefined) })
    .prefault({} as z.input<z.ZodObject<S, z.core.$strict>>);

export const ModelParamsSchema = block({
  calls: block({ enabled: z.boolean({ error: "expected true or false" }).default(true) }),
  applications: block({ perApplicant: wholeCount(0, COUNT_CEILING).default(0) }),
  screening: block({
    noise: nonNegative().default(0.1),
    band: nonNegative().default(0.05),
    flagPenalty: realNumber().default(0.1),
    homeBonus: realNumber().default(0.1),
    awayBonus: realNumber().default(0.1),
  }),
  interviews: block({
    noise: nonNegative().default(0.15),
    maxPerApplicant: wholeCount(0, COUNT_CEILING).default(12),
    slotsPerPosition: wholeCount(0, 1000).default(10),
  }),
  ranking: block({
    paperWeight: realNumber().default(0.4),
    interviewWeight: realNumber().default(0.6),
    preferenceNoise: nonNegative().default(0.1),
    homeBonus: realNumber().default(0.15),
    awayBonus: realNumber().default(0.1),
    regionBonus: realNumber().default(0.05),
    flagPenalty: realNumber().default(0.1),
  }),
  opinions: block({
    noise: nonNegative().default(0.1),
    thresholds: z
      .strictObject({
        strong: unit().default(0.8),
        positive: unit().default(0.6),
        fine: unit().default(0.4),
        cautious: unit().default(0.2),
      })
      .check((ctx) => {
        // Verdicts are cut from one scale, so the cut points must descend.
        const t = ctx.value;
        const order = [["strong", t.strong], ["positive", t.positive], ["fine", t.fine], ["cautious", t.cautious]] as const;
        for (let k = 1; k < order.length; k++) {
          const [hiName, hi] = order[k - 1]!;
          const [loName, lo] = order[k]!;
          if (lo > hi) {
            ctx.issues.push({ code: "custom", input: lo, path: [loName], message: `must not exceed ${hiName} (${hi}), got ${lo}` });
          }
        }
      })
      .prefault({}),
  }),
  preInterview: block({ callProbability: unit().default(0.3) }),
  rankList: block({
    topFraction: unit().default(0.2),
    conflictGap: nonNegative().default(0.3),
    callProbability: block({
      top: unit().default(0.1),
      borderline: unit().default(0.4),
      redFlag: unit().default(0.7),
    }),
  }),
  advocacy: block({ callProbability: unit().default(1) }),
  effects: block({
    strong: realNumber().default(20),
    positive: realNumber().default(12),
    fine: realNumber().default(-5),
    homeAwayWouldNotRank: unit().default(1),
  }),
  ripple: block({
    sameRegion: unit().default(0.6),
    sameSpecialty: unit().default(0.3),
    crossSpecialty: unit().default(0.1),
  }),
  late: block({
    riskRatio: nonNegative().default(1.5),
    dreamGap: realNumber().default(0.15),
    callProbability: unit().default(0.5),
    topCandidates: wholeCount(0, COUNT_CEILING).default(3),
    enthusiasmShift: realNumber().default(10),
    insincerity: block({
      detectProbability: unit().default(0.5),
      shift: realNumber().default(-15),
    }),
  }),
  signals: block({
    perApplicant: wholeCount(0, COUNT_CEILING).default(0),
    screeningBonus: realNumber().default(0.1),
    // A top tier where the specialty uses two (dermatology: 3 gold and 25 silver since 2023–24).
    gold: block({ perApplicant: wholeCount(0, COUNT_CEILING).default(0), screeningBonus: realNumber().default(0.2) }),
  }),
});

export type ModelParams = z.output<typeof ModelParamsSchema>;
export type ModelParamsInput = z.input<typeof ModelParamsSchema>;
