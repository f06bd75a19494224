import * as z from "zod";
import { bounded, COUNT_CEILING, emptyByDefault, id, idList, list, nonNegative, says, text, unit, wholeCount } from "./fields.js";
import { ModelParamsSchema } from "./model-params.js";
import { didYouMean } from "./did-you-mean.js";
import { quote } from "./issue.js";

// The one definition of the scenario format. Types are derived from it (z.input for what
// a user writes, z.output for the checked scenario with defaults filled), never restated.

export const REFERRER_ROLES = ["pd", "apd", "chair", "letter-writer", "resident", "preceptor"] as const;
export const VERDICTS = ["strong", "positive", "fine", "cautious", "would-not-rank"] as const;

const entity = <S extends z.core.$ZodLooseShape>(shape: S, what: string) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === "invalid_type" ? `expected a mapping describing ${what}` : undefined),
  });

/** One of a few words; the message quotes what was written and the nearest allowed word. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss) => {
      const guess = typeof iss.input === "string" ? didYouMean(iss.input, values) : undefined;
      return `${says(`one of ${values.join(", ")}`)(iss)}${guess === undefined ? "" : ` (did you mean ${quote(guess)}?)`}`;
    },
  });

export const ProgramSchema = entity(
  {
    id: id(),
    positions: wholeCount(0, COUNT_CEILING),
    name: text().optional(),
    specialty: text().optional(),
    region: text().optional(),
    prestige: unit().default(0.5),
    director: id().optional(),
    interviewSlots: wholeCount(0, 1000 * COUNT_CEILING).optional(),
    rankList: idList().optional(),
    backchannelUse: nonNegative().default(1),
  },
  "a program",
);

/** Someone who calls programs on an applicant's behalf. */
export const AdvocateSchema = z.strictObject(
  {
    referrer: id(),
    pushed: z.boolean({ error: says("true or false") }).default(false),
    programs: idList().optional(),
  },
  { error: (iss) => (iss.code === "invalid_type" ? "expected a mapping describing an advocate ({referrer, pushed?, programs?})" : undefined) },
);

export const ApplicantSchema = entity(
  {
    id: id(),
    name: text().optional(),
    specialties: list(text(), "specialties").optional(),
    region: text().optional(),
    paper: unit().default(0.5),
    quality: unit().default(0.5),
    flags: emptyByDefault(list(text(), "red flags")),
    tags: emptyByDefault(list(text(), "tags")),
    home: id().optional(),
    aways: emptyByDefault(idList()),
    letters: emptyByDefault(idList()),
    knownBy: emptyByDefault(idList()),
    advocates: emptyByDefault(list(AdvocateSchema, "advocates")),
    signals: idList().optional(),
    goldSignals: idList().optional(),
    preferences: idList().optional(),
    rankList: idList().optional(),
    toldNumberOne: emptyByDefault(idList()),
    maxInterviews: wholeCount(0, COUNT_CEILING).optional(),
    auditionGap: bounded(-1, 1).default(0),
  },
  "an applicant",
);

export const ReferrerSchema = entity(
  {
    id: id(),
    name: text().optional(),
    role: oneOf(REFERRER_ROLES).optional(),
    institution: text().optional(),
    region: text().optional(),
    specialty: text().optional(),
    clout: unit().default(1),
    candor: unit().default(0.8),
  },
  "a referrer",
);

export const RelationshipSchema = entity(
  {
    between: z.tuple([id(), id()], { error: says("two referrer ids, [a, b]") }),
    trust: unit().default(1),
  },
  "a relationship",
);

export const OpinionSchema = entity(
  { referrer: id(), applicant: id(), verdict: oneOf(VERDICTS) },
  "an opinion",
);

export const ScenarioSchema = z.strictObject(
  {
    name: text().optional(),
    description: text().optional(),
    seed: wholeCount().optional(),
    runs: wholeCount(1, 100_000_000).optional(),
    programs: list(ProgramSchema, "programs").default([]),
    applicants: list(ApplicantSchema, "applicants").default([]),
    referrers: list(ReferrerSchema, "referrers").default([]),
    relationships: list(RelationshipSchema, "relationships").default([]),
    opinions: list(OpinionSchema, "opinions").default([]),
    model: ModelParamsSchema,
  },
  {
    error: (iss) =>
      iss.code === "invalid_type" ? "expected a mapping of scenario keys (programs, applicants, …)" : undefined,
  },
);

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
export type Program = Scenario["programs"][number];
export type Applicant = Scenario["applicants"][number];
export type Referrer = Scenario["referrers"][number];
export type Advocate = Applicant["advocates"][number];
export type Verdict = (typeof VERDICTS)[number];
