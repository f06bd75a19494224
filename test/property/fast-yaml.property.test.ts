import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument, stringify } from "yaml";
import { scenarioText } from "../../src/generate/scenario-text.js";
import { fastYamlReader } from "../../src/scenario/fast-yaml.js";
import { formatIssue } from "../../src/scenario/issue.js";
import { checkScenarioText } from "../../src/scenario/load.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { fuzzCaseArb, fuzzSources } from "../fuzz/mutations.js";

const FUZZ_SOURCES = fuzzSources(["classroom", "pre-interview", "ripple", "late-calls", "nrmp-example"]);
import { scenarioArb } from "../helpers/scenario-arbitrary.js";

// The fast reader must read every text exactly as the `yaml` library does, or decline it;
// it must never accept a text the library refuses.

const reader = fastYamlReader();

/** What the `yaml` library reads, as the loader uses it; undefined where it reports errors. */
function slow(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  try {
    return { data: doc.toJS({ maxAliasCount: 1000 }) };
  } catch {
    return undefined;
  }
}

/** A value as plain nested lists, so that keys such as "constructor" and -0 compare exactly. */
function canonical(v: unknown): unknown {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : v;
  if (Array.isArray(v)) return ["list", ...v.map(canonical)];
  if (typeof v === "object" && v !== null) {
    return ["map", Object.getPrototypeOf(v) === Object.prototype, ...Object.keys(v).map((k) => [k, canonical((v as Record<string, unknown>)[k])])];
  }
  return v;
}

function expectSameOrDeclined(text: string, mustRead = false): void {
  const fast = reader.read(text);
  const reference = slow(text);
  if (fast === undefined) {
    if (mustRead) expect(reference).toBeUndefined();
    return;
  }
  expect(reference, `the fast reader accepted a text the yaml library refuses:\n${text}`).toBeDefined();
  expect(canonical(fast.data)).toEqual(canonical(reference!.data));
}

const oddKey = fc.oneof(
  fc.constantFrom("id", "name", "a-b", "_x", "x1", "__proto__", "constructor", "a b", "a:b", "#c", "'q'", 'd"q', "é", "1", "-x"),
  fc.string({ maxLength: 6 }),
);
const oddString = fc.oneof(
  fc.constantFrom("", ":x", "a: b", "a, b: c", "{", "}", "[", "]", "#", "&a", "*a", "!t", "x\\y", 'q"q', "\t", "é👩‍⚕️", ", id: P1"),
  fc.string({ maxLength: 8 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 1e21, 0.1, 1e-7, true, false, null),
    oddString,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(oddKey, tie("v"), { maxKeys: 3 }),
  ),
})).v;

/** A flow mapping on one line, keys bare where YAML allows it and quoted otherwise (or always). */
function flowLine(entries: [string, unknown][], bare: boolean): string {
  const key = (k: string) => (bare && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k));
  return `{${entries.map(([k, v]) => `${key(k)}: ${JSON.stringify(v)}`).join(", ")}}`;
}

describe("the fast YAML reader", () => {
  it("reads generated scenarios exactly as the yaml library does", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const text = scenarioText(input, "yaml", "a header\n\nwith a blank line");
        expect(reader.read(text)).toBeDefined();
        expectSameOrDeclined(text, true);
      }),
      { numRuns: 100 },
    );
  });

  it("reads block-style scenarios exactly as the yaml library does", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        expectSameOrDeclined(stringify(input), true);
        // Lists at the keys' own indentation are declined (the slow reader takes them), never misread.
        expectSameOrDeclined(`# comment\n${stringify(input, { indentSeq: false })}`);
      }),
      // Each run is a whole scenario read four ways; FC_YAML_RUNS=1000 for a deeper search.
      { numRuns: Number(process.env["FC_YAML_RUNS"] ?? 60) },
    );
  });

  it("reads one-line flow mappings of any keys and values as the yaml library does, or declines them", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(oddKey, value), { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom("  ", "    ", " "),
        (items, bare, indent) => {
          const text = `name: x\nprograms:\n${items.map((e) => `${indent}- ${flowLine(e, bare)}`).join("\n")}\n`;
          expectSameOrDeclined(text);
        },
      ),
      { numRuns: 250 },
    );
  });

  const bases: [string, string][] = [
    ["flow lines", 'name: demo\nseed: 3\nprograms:\n  - {id: P1, positions: 2}\n  - {id: "P2", positions: 1, rankList: ["a", "b"]}\napplicants:\n  - {id: a, aways: [P1]}\n  - {id: b}\n'],
    ["block style", "name: demo\nmodel:\n  ripple:\n    sameRegion: 0.5\nprograms:\n  - id: P1\n    positions: 2\n    rankList:\n      - a\n      - b\napplicants:\n  - id: a # first\n    aways: [P1]\n  - id: b\n"],
    ["quoted flow", '# header\nprograms:\n  - {"id": "P1", "positions": 2, "name": "St. Mary\'s: #1"}\napplicants:\n  - {"id": "a", "flags": ["x, y: z"]}\n'],
  ];
  it.each(bases)("never accepts what the yaml library refuses, whatever is typed into %s", (_, base) => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 3 }),
      insert: fc.string({ unit: fc.constantFrom("{", "}", "[", "]", ",", ":", " ", '"', "'", "#", "&", "*", "!", "|", ">", "-", "\\", "\n", "x", "1", "\t", "?", "  "), maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = base;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        }
        expectSameOrDeclined(text);
      }),
      { numRuns: Number(process.env["FC_YAML_RUNS"] ?? 250) },
    );
  });

  it("reads numbers, nulls and booleans as YAML 1.2's core schema does", () => {
    const scalars = ["0b11", "0o17", "0x1F", "-0x1", "+0x1", "1_000", "+1", ".5", "+.5", "-.5", "1e3", "1E3", "1.", "-0", "0", "007", "08",
      ".inf", "-.Inf", "+.INF", ".NaN", "~", "null", "Null", "NULL", "nUll", "true", "True", "TRUE", "tRue", "yes", "no", "on",
      "2024-01-01", "12:30", "1e400", "-1e400", "123456789012345678901", "0.1e-2", "'1'", '"1"'];
    for (const s of scalars) {
      expectSameOrDeclined(`v: ${s}\nw: [${s}]\nx: {k: ${s}}\n`, true);
      expectSameOrDeclined(`programs:\n  - {id: ${s}, positions: ${s}}\n`, true);
    }
  });

  it("declines anchors, directives and several documents, which only the yaml library reads", () => {
    expect(reader.read("a: &x 1\nb: *x\n")).toBeUndefined();
    expect(reader.read("%YAML 1.2\n---\na: 1\n")).toBeUndefined();
    expect(reader.read("a: 1\n---\nb: 2\n")).toBeUndefined();
    expect(reader.read("")).toBeUndefined();
  });

  it("refuses a key given twice in one line, as YAML does", () => {
    expect(reader.read("programs:\n  - {id: P1, id: P2}\n")).toBeUndefined();
    expect(reader.read('programs:\n  - {"id": "P1", id: "P2"}\n')).toBeUndefined();
    expect(reader.read("programs:\n  - {id: P1, x: {a: 1, a: 2}}\n")).toBeUndefined();
    expect(reader.read("programs: []\nprograms: []\n")).toBeUndefined();
  });

  it("places every issue of a broken scenario exactly where the positioned reader does", () => {
    const sameAsSlow = (text: string, name: string) => {
      const fast = checkScenarioText(text, name);
      const slow = checkScenarioText(text, name, undefined, { fast: false });
      expect(fast.errors.map(formatIssue)).toEqual(slow.errors.map(formatIssue));
      expect(fast.warnings.map(formatIssue)).toEqual(slow.warnings.map(formatIssue));
      expect(canonical(fast.scenario)).toEqual(canonical(slow.scenario));
    };
    fc.assert(
      fc.property(fuzzCaseArb(FUZZ_SOURCES), (c) => {
        if (!c.name.endsWith(".yaml")) return;
        sameAsSlow(c.text, c.name);
        // The same data written the way `generate` writes, one entity a line.
        let data: unknown;
        try {
          data = parseDocument(c.text).toJS();
        } catch {
          return;
        }
        if (typeof data !== "object" || data === null || Array.isArray(data)) return;
        const d = data as Record<string, unknown>;
        const isEntity = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x);
        const lists = ["programs", "applicants", "referrers", "relationships", "opinions"];
        if (!lists.every((k) => d[k] === undefined || (Array.isArray(d[k]) && d[k].every(isEntity)))) return;
        sameAsSlow(scenarioText(data as ScenarioInput, "yaml", "generated"), c.name);
      }),
      { numRuns: Number(process.env["FC_YAML_RUNS"] ?? 100) },
    );
  });
});
