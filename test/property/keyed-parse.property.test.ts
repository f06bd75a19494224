import fc from "fast-check";
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { parseByKeySets } from "../../src/scenario/keyed-parse.js";
import { ScenarioSchema } from "../../src/scenario/schema.js";

// The parse by key sets must give what the whole schema gives, value and issues alike:
// random scenarios whose entities carry random subsets of their fields (and of other
// keys), each holding a value that is sometimes right and often not.

const params = { error: (iss: { message?: string | undefined }) => iss.message };

const VALUES: unknown[] = [
  0, 0.5, 1, -1, 2.5, 7, 1e7, "", "A1", "P1", "r1", "strong", "pd", true, null, [], ["A1"], ["A1", "A1"], [1, "x"],
  ["r1", "r2"], {}, { x: 1 },
];
const value = fc.constantFrom(...VALUES);

/** A value each field accepts, so that whole scenarios pass too and their values are compared. */
const VALID: Record<string, unknown> = {
  id: "A1", positions: 2, interviewSlots: 4, maxInterviews: 3, prestige: 0.5, paper: 0.5, quality: 1, clout: 0,
  candor: 0.5, trust: 1, backchannelUse: 2, auditionGap: -0.5, role: "pd", verdict: "fine", between: ["r1", "r2"],
  referrer: "r1", applicant: "A1", director: "r1", home: "P1",
  specialties: ["derm"], flags: [], tags: ["cohort-a"], aways: [], letters: [], knownBy: [], preferences: ["P1"], rankList: [], toldNumberOne: [], signals: ["P1"], goldSignals: [],
  advocates: [{ referrer: "r1", pushed: true }],
};
const valueFor = (field: string) =>
  fc.oneof({ weight: 40, arbitrary: fc.constant(VALID[field] ?? "text") }, { weight: 1, arbitrary: value });

const shapeOf = (list: string): Record<string, z.ZodType> => {
  const entity = (ScenarioSchema.shape as Record<string, z.ZodType>)[list]!;
  return ((entity as z.ZodDefault<z.ZodArray<z.ZodObject>>).unwrap().element as z.ZodObject).shape;
};
const fieldsOf = (list: string): string[] => Object.keys(shapeOf(list));
const requiredOf = (list: string): string[] => fieldsOf(list).filter((k) => shapeOf(list)[k]!._zod.optin === undefined);

/** An entity: some of its own fields (the same few most of the time, as in real files), sometimes a stranger. */
const entityArb = (fields: string[], required: string[], messy: boolean) =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .uniqueArray(fc.constantFrom(...fields, ...fields.slice(0, 3)), { maxLength: 6 })
        .chain((picked) => fc.shuffledSubarray(picked).map((some) => [...new Set([...required, ...some])]))
        .chain((keys) => fc.tuple(...keys.map((k) => valueFor(k))).map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]])))),
    },
    { weight: messy ? 1 : 0, arbitrary: fc.dictionary(fc.constantFrom(...fields, "postions", "nmae", "__x"), value, { maxKeys: 5 }) },
    { weight: messy ? 1 : 0, arbitrary: value },
  );

const listArb = (list: string, messy: boolean) =>
  fc.array(entityArb(fieldsOf(list), requiredOf(list), messy), { maxLength: 8 });

const scenarioArb = (messy: boolean) => fc.record(
  {
    name: messy ? fc.constantFrom("market", 3) : fc.constant("market"),
    programs: fc.oneof({ weight: 6, arbitrary: listArb("programs", messy) }, { weight: 1, arbitrary: value }),
    applicants: listArb("applicants", messy),
    referrers: listArb("referrers", messy),
    relationships: listArb("relationships", messy),
    opinions: listArb("opinions", messy),
    model: messy ? fc.constantFrom({}, { calls: {} }, { bogus: 1 }, 4) : fc.constantFrom({}, { calls: {} }),
    extra: value,
  },
  { requiredKeys: [] },
).map(({ extra, ...rest }) => (extra === 0 ? { ...rest, extra } : rest));

describe("parse by key sets", () => {
  it("gives the whole schema's value, key order included, and the same issues in the same order", () => {
    let passed = 0;
    fc.assert(
      fc.property(fc.oneof(scenarioArb(true), scenarioArb(false)), (data) => {
        const whole = ScenarioSchema.safeParse(structuredClone(data), params);
        const keyed = parseByKeySets(ScenarioSchema, structuredClone(data), params);
        expect(keyed.success).toBe(whole.success);
        if (whole.success && keyed.success) {
          passed++;
          expect(keyed.data).toStrictEqual(whole.data);
          expect(JSON.stringify(keyed.data)).toBe(JSON.stringify(whole.data));
        } else if (!whole.success && !keyed.success) {
          const strip = (issues: z.core.$ZodIssue[]) => issues.map(({ code, path, message }) => ({ code, path, message }));
          expect(strip(keyed.issues)).toEqual(strip(whole.error.issues));
        }
      }),
      { numRuns: 600 },
    );
    // Enough scenarios pass for their values to have been compared.
    expect(passed).toBeGreaterThan(60);
  });

  it("gives the same beyond the key sets it keeps a schema for: more than 32 of one kind of entity", () => {
    const fields = fieldsOf("applicants").filter((k) => k !== "id");
    // Every pair of fields is a key set of its own: far more than are kept.
    const pairs = fields.flatMap((a, i) => fields.slice(i + 1).map((b) => [a, b] as const));
    expect(pairs.length).toBeGreaterThan(64);
    const valid = pairs.map(([a, b], i) => ({ id: `A${i}`, [a]: VALID[a] ?? "text", [b]: VALID[b] ?? "text" }));
    const invalid = valid.map((item, i) => (i % 3 === 0 ? { ...item, paper: "x" } : item));
    for (const applicants of [valid, invalid]) {
      const data = { applicants: [...applicants, { id: "B" }, 5] };
      const whole = ScenarioSchema.safeParse(structuredClone(data), params);
      const keyed = parseByKeySets(ScenarioSchema, structuredClone(data), params);
      expect(keyed.success).toBe(whole.success);
      if (!whole.success && !keyed.success) {
        expect(keyed.issues.map((i) => [i.path, i.message])).toEqual(whole.error.issues.map((i) => [i.path, i.message]));
      }
    }
    const clean = { applicants: valid };
    const whole = ScenarioSchema.safeParse(structuredClone(clean), params);
    const keyed = parseByKeySets(ScenarioSchema, structuredClone(clean), params);
    expect(whole.success && keyed.success).toBe(true);
    if (whole.success && keyed.success) expect(JSON.stringify(keyed.data)).toBe(JSON.stringify(whole.data));
  });
});
