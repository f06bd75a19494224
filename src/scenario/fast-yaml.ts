import type { PathSegment, UnplacedIssue } from "./issue.js";
import { locate } from "./locate.js";
import { yamlModule } from "./yaml-module.js";

// A fast reader for valid YAML scenarios, without source positions. The `yaml` library keeps
// a position for every node, which a 45,000-applicant file pays for in seconds and gigabytes;
// positions are needed only to place an error, so they are found only then.
//
// A top-level section that is a list of one-line flow mappings (what `generate` writes, and
// the usual way to write entities) is read item by item by the native JSON parser, bare keys
// quoted: JSON is a subset of YAML, read the same way. Every other section is read by the
// `yaml` library, on its own text. Whenever the text is not plainly of that shape, the
// reader declines, and the whole text is read the slow way, with positions and messages.

/** An anchor (`&name`) where a node may start: aliases need one, and only the slow reader caps their expansion. */
const ANCHOR = /(?:^|[\s,[{:-])&[^\s,[\]{}]/m;
/** Directives and document markers: more than one plain document. */
const MARKERS = /^(?:%|---|\.\.\.)/m;
/** A top-level key of the simple kind every scenario key is. */
const TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
/** A list item of a single flow mapping, all on its line. */
const FLOW_ITEM = /^( +)- (\{.*\}) *$/;

const NO = undefined;

/** A bare word in key position of a flow mapping: after `{` or `,`, followed by ": ". */
const BARE_KEY = /([{,] *)([A-Za-z_][A-Za-z0-9_-]*)(?=: )/g;
/** Bare keys YAML reads as null, which the yaml library turns into an empty key. */
const NULL_KEY = /[{,] *(?:null|Null|NULL): /;

/**
 * A one-line flow mapping read as JSON, with its bare keys quoted, or undefined if it is not
 * plainly one. The native parser is the judge of everything else: whatever is not JSON
 * (a quote inserted inside a string included) makes it fail, and the section goes to the yaml library.
 * A key repeated in one mapping is refused, as YAML refuses it where JSON keeps the last.
 */
export function flowMappingAsJson(text: string): Record<string, unknown> | undefined {
  // Without backslashes, every `":` closes a key or opens a string that starts with ":",
  // so counting them bounds the keys written from above, and escapes cannot spell one key twice.
  if (text.includes("\\") || NULL_KEY.test(text)) return NO;
  const json = text.replace(BARE_KEY, '$1"$2"');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return NO;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return NO;
  // Fewer keys read than written means a key was given twice.
  let written = 0;
  for (let at = json.indexOf('":'); at >= 0; at = json.indexOf('":', at + 2)) written++;
  return written === keysIn(value) ? (value as Record<string, unknown>) : NO;
}

/** Keys of every mapping in a JSON value. */
function keysIn(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const x of value) n += keysIn(x);
    return n;
  }
  for (const key in value) n += 1 + keysIn((value as Record<string, unknown>)[key]);
  return n;
}

interface Section {
  readonly key: string;
  readonly inline: string;
  readonly lines: string[];
  /** 1-based line of the key. */
  readonly keyLine: number;
  /** For a list read as JSON: the 1-based line of each item, and the column of its `-`. */
  itemLines?: number[];
  itemColumn?: number;
}

/** The text cut at its top-level keys, or undefined if it is not plainly a mapping of simple keys. */
function topLevelSections(lines: readonly string[]): Section[] | undefined {
  const sections: Section[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const c = line.charCodeAt(0);
    if (line === "" || c === 35 || c === 32) {
      // Blank lines, comments and indented lines belong to the section above.
      if (sections.length === 0) {
        if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
        return NO;
      }
      sections[sections.length - 1]!.lines.push(line);
      continue;
    }
    const m = TOP_KEY.exec(line);
    if (!m) return NO;
    sections.push({ key: m[1]!, inline: m[2] ?? "", lines: [], keyLine: n + 1 });
  }
  return sections;
}

const isComment = (line: string) => {
  const t = line.trimStart();
  return t === "" || t.startsWith("#");
};

/** A section's value through JSON, if it is a list of one-line flow mappings that are JSON but for bare keys. */
function flowListValue(section: Section): unknown[] | undefined {
  if (section.inline.trim() !== "") return NO;
  const items: unknown[] = [];
  const itemLines: number[] = [];
  let indent = -1;
  for (let k = 0; k < section.lines.length; k++) {
    const line = section.lines[k]!;
    if (isComment(line)) continue;
    const m = FLOW_ITEM.exec(line);
    if (!m || (indent >= 0 && m[1]!.length !== indent)) return NO;
    indent = m[1]!.length;
    const item = flowMappingAsJson(m[2]!);
    if (item === undefined) return NO;
    items.push(item);
    itemLines.push(section.keyLine + 1 + k);
  }
  if (items.length === 0) return NO;
  section.itemLines = itemLines;
  section.itemColumn = indent + 1;
  return items;
}

/** Where an issue is, 1-based. */
export type Placer = (issue: UnplacedIssue) => { line: number; col: number };

export interface FastYamlReader {
  /**
   * The data of a YAML text and a way to place issues in it, or undefined where only the
   * slow reader should read it.
   */
  read(text: string): { data: unknown; place: Placer } | undefined;
}

/** A reader of scenario texts; `yaml` is the yaml library, for the sections JSON cannot read. */
export function fastYamlReader(yaml: typeof import("yaml") = yamlModule()): FastYamlReader {
  const viaYaml = (text: string): { data: unknown } | undefined => {
    const doc = yaml.parseDocument(text, { uniqueKeys: true, keepSourceTokens: false });
    if (doc.errors.length > 0) return NO;
    try {
      return { data: doc.toJS({ maxAliasCount: 0 }) };
    } catch {
      return NO;
    }
  };
  return {
    read(text) {
      if (ANCHOR.test(text) || MARKERS.test(text) || text.includes("\r") || text.includes("\t")) return NO;
      const sections = topLevelSections(text.split("\n"));
      if (sections === undefined || sections.length === 0) return NO;
      const data: Record<string, unknown> = {};
      for (const section of sections) {
        // A repeated top-level key is an error the slow reader places.
        if (Object.prototype.hasOwnProperty.call(data, section.key)) return NO;
        let value: unknown = flowListValue(section);
        if (value === undefined) {
          const one = viaYaml(`${section.key}:${section.inline === "" ? "" : ` ${section.inline}`}\n${section.lines.join("\n")}\n`);
          if (one === undefined || typeof one.data !== "object" || one.data === null) return NO;
          const keys = Object.keys(one.data);
          if (keys.length !== 1 || keys[0] !== section.key) return NO;
          value = (one.data as Record<string, unknown>)[section.key];
        }
        Object.defineProperty(data, section.key, { value, enumerable: true, writable: true, configurable: true });
      }
      return { data, place: sectionalPlacer(yaml, sections) };
    },
  };
}

/**
 * Places issues without reading the whole text with positions: only the section an issue is
 * in, or for a list read as JSON, only the item's line, is read by the yaml library, and its
 * place is moved to where that text stands in the file. The yaml library's own rule applies
 * within: an issue at a path that does not exist is placed at its nearest existing ancestor.
 */
function sectionalPlacer(yaml: typeof import("yaml"), sections: readonly Section[]): Placer {
  // A file with many issues in one section reads that section once.
  const read = new Map<string, { doc: import("yaml").Document.Parsed; lineCounter: import("yaml").LineCounter }>();
  const within = (text: string, path: readonly PathSegment[], atKey: boolean | undefined) => {
    let parsed = read.get(text);
    if (!parsed) {
      const lineCounter = new yaml.LineCounter();
      parsed = { doc: yaml.parseDocument(text, { lineCounter, uniqueKeys: true }), lineCounter };
      read.set(text, parsed);
    }
    return locate(parsed.doc, parsed.lineCounter, atKey === undefined ? { path, message: "" } : { path, message: "", atKey });
  };
  return (issue) => {
    const [key, ...rest] = issue.path;
    const section = sections.find((s) => s.key === key);
    // The root, or a key the text does not have: the document's first node.
    if (!section) return { line: sections[0]!.keyLine, col: 1 };
    const { itemLines, itemColumn } = section;
    if (!itemLines || itemColumn === undefined) {
      const text = `${section.key}:${section.inline === "" ? "" : ` ${section.inline}`}\n${section.lines.join("\n")}\n`;
      const at = within(text, issue.path, issue.atKey);
      return { line: at.line + section.keyLine - 1, col: at.col };
    }
    if (rest.length === 0) return issue.atKey ? { line: section.keyLine, col: 1 } : { line: itemLines[0]!, col: itemColumn };
    const index = rest[0];
    if (typeof index !== "number" || index < 0 || index >= itemLines.length) return { line: itemLines[0]!, col: itemColumn };
    // The item's mapping starts two columns after its "-".
    const line = itemLines[index]!;
    const text = (section.lines[line - section.keyLine - 1] ?? "").slice(itemColumn + 1);
    const at = within(text, rest.slice(1), issue.atKey);
    return { line, col: at.col + itemColumn + 1 };
  };
}
