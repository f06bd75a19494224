import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parse, stringify } from "yaml";

// Mutations of real scenarios: what people get wrong by hand, what scripts get wrong, and
// what a hostile file tries. Each case is a file name and its bytes.

export interface FuzzCase {
  readonly name: string;
  readonly text: string;
  readonly what: string;
}

type Json = unknown;
const SPECIAL_NUMBERS = [Number.NaN, Infinity, -Infinity, 1e308, -0, -1, 2 ** 53, 2 ** 31, 0.5, 1e-300];
const ODD_STRINGS = ["", " ", "\t", "Ådam", "👩‍⚕️", " padded ", "__proto__", "constructor", "prototype", "ghost", "a\nb", "x".repeat(300)];

/** Every path to a value inside a document (lists by index, mappings by key). */
function paths(doc: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(doc)) doc.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (doc && typeof doc === "object") for (const [k, v] of Object.entries(doc)) paths(v, [...prefix, k], out);
  return out;
}

function parentOf(doc: Json, path: (string | number)[]): Record<string | number, Json> | undefined {
  let node: Json = doc;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key];
  return node && typeof node === "object" ? (node as Record<string | number, Json>) : undefined;
}

const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...SPECIAL_NUMBERS),
  fc.constantFrom(...ODD_STRINGS),
  fc.constantFrom(null, true, false, [], {}, [1, 2], { id: "x" }),
  fc.integer(),
  fc.double(),
);

type Mutation = (doc: Json, pick: (n: number) => number, value: Json) => string;

const MUTATIONS: Record<string, Mutation> = {
  delete: (doc, pick) => {
    const ps = paths(doc).filter((p) => p.length > 0);
    if (ps.length === 0) return "nothing to delete";
    const p = ps[pick(ps.length)]!;
    const parent = parentOf(doc, p);
    if (Array.isArray(parent)) parent.splice(p.at(-1) as number, 1);
    else if (parent) delete parent[p.at(-1)!];
    return `delete ${p.join(".")}`;
  },
  retype: (doc, pick, value) => {
    const ps = paths(doc).filter((p) => p.length > 0);
    if (ps.length === 0) return "nothing to retype";
    const p = ps[pick(ps.length)]!;
    parentOf(doc, p)![p.at(-1)!] = value;
    return `set ${p.join(".")} to ${String(value)}`;
  },
  duplicate: (doc, pick) => {
    const lists = paths(doc).filter((p) => p.length > 0).filter((p) => Array.isArray(parentOf(doc, p)));
    if (lists.length === 0) return "nothing to duplicate";
    const p = lists[pick(lists.length)]!;
    const parent = parentOf(doc, p) as unknown as Json[];
    parent.push(structuredClone(parent[p.at(-1) as number]));
    return `duplicate ${p.join(".")}`;
  },
  addKey: (doc, pick, value) => {
    const maps = paths(doc).filter((p) => { const n = p.reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], doc); return n && typeof n === "object" && !Array.isArray(n); });
    if (maps.length === 0) return "no mapping";
    const p = maps[pick(maps.length)]!;
    const node = p.reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], doc) as Record<string, Json>;
    const key = ["__proto__", "constructor", "prototype", "postions", "idd", ""][pick(6)]!;
    Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
    return `add key ${JSON.stringify(key)} at ${p.join(".")}`;
  },
  tieCycle: (doc) => {
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) return "no mapping to add ties to";
    const d = doc as Record<string, Json>;
    const referrers = Array.isArray(d["referrers"]) ? d["referrers"] : [];
    const ids = referrers.map((r) => (r as { id?: unknown } | null)?.id ?? "r").slice(0, 3);
    const existing = Array.isArray(d["relationships"]) ? d["relationships"] : [];
    d["relationships"] = [...existing, ...ids.map((a, i) => ({ between: [a, ids[(i + 1) % ids.length]] }))];
    return "cycle of ties";
  },
  selfTie: (doc) => {
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) return "no mapping to add ties to";
    const d = doc as Record<string, Json>;
    const first = Array.isArray(d["referrers"]) ? (d["referrers"][0] as { id?: unknown } | null) : null;
    const id = first?.id ?? "r";
    const existing = Array.isArray(d["relationships"]) ? d["relationships"] : [];
    d["relationships"] = [...existing, { between: [id, id] }];
    return "tie to oneself";
  },
};

const TEXT_MUTATIONS: Record<string, (text: string, pick: (n: number) => number) => string> = {
  truncate: (t, pick) => t.slice(0, pick(t.length + 1)),
  tabs: (t) => t.replace(/^ {2}/gm, "\t"),
  crlf: (t) => t.replace(/\n/g, "\r\n"),
  bom: (t) => `\uFEFF${t}`,
  garbage: (t, pick) => { const i = pick(t.length + 1); return t.slice(0, i) + "\u0000{]:-\u0007" + t.slice(i); },
};

/** Mutated scenarios, as YAML or JSON (JSON sometimes with comments), from the given sources. */
export function fuzzCaseArb(sources: readonly { name: string; text: string }[]): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      source: fc.constantFrom(...sources),
      structural: fc.array(fc.record({ kind: fc.constantFrom(...Object.keys(MUTATIONS)), seed: fc.nat(), value: anyValue }), { maxLength: 3 }),
      textual: fc.option(fc.record({ kind: fc.constantFrom(...Object.keys(TEXT_MUTATIONS)), seed: fc.nat() }), { freq: 3 }),
      format: fc.constantFrom("yaml", "json", "json-comments"),
    })
    .map(({ source, structural, textual, format }) => {
      const doc = parse(source.text) as Json;
      const notes: string[] = [];
      for (const m of structural) {
        let s = m.seed;
        const pick = (n: number) => (n <= 0 ? 0 : (s = (s * 1103515245 + 12345) >>> 0) % n);
        notes.push(MUTATIONS[m.kind]!(doc, pick, m.value));
      }
      let text =
        format === "yaml"
          ? stringify(doc)
          : format === "json"
            ? JSON.stringify(doc, null, 1)
            : `// a comment\n${JSON.stringify(doc, null, 1).replace(/,\n/, ", // another\n")}`;
      if (textual) {
        let s = textual.seed;
        text = TEXT_MUTATIONS[textual.kind]!(text, (n) => (n <= 0 ? 0 : (s = (s * 1103515245 + 12345) >>> 0) % n));
        notes.push(textual.kind);
      }
      return { name: `${source.name}.${format === "yaml" ? "yaml" : "json"}`, text, what: notes.join("; ") || "unchanged" };
    });
}

/** A line of the kind match-sim prints for bad input: positioned, or a plain refusal. */
export const ACCEPTABLE_ERROR = /^(\S+:\d+:\d+( \S.*)?: .+|match-sim: .+|.+: cannot read scenario: .+)$/;

/** Shipped scenarios to mutate, by name. */
export function fuzzSources(names: readonly string[]): { name: string; text: string }[] {
  return names.map((name) => ({ name, text: readFileSync(new URL(`../../scenarios/${name}.yaml`, import.meta.url), "utf8") }));
}
