import type { Document, LineCounter } from "yaml";
import { fastYamlReader } from "./fast-yaml.js";
import { locate } from "./locate.js";
import { yamlModule } from "./yaml-module.js";
import type { UnplacedIssue } from "./issue.js";

/** A scenario text turned into plain data, with a way back from a data path to the text. */
export interface ParsedSource {
  readonly data: unknown;
  /** Problems of syntax, already placed (1-based line and column). */
  readonly syntaxIssues: readonly PlacedSyntaxIssue[];
  /** Where an issue is in the text (1-based), worked out only when asked. */
  readonly place: (issue: UnplacedIssue) => { line: number; col: number };
}

export interface PlacedSyntaxIssue extends UnplacedIssue {
  readonly line: number;
  readonly col: number;
}

const MAX_ALIASES = 1000;

function parseYaml(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const yaml = yamlModule();
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { doc, lineCounter };
}

function firstLine(message: string): string {
  if (/call stack/i.test(message)) return "nesting too deep to read (refused)";
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "").replace(/:$/, "");
}

function syntaxIssuesOf(parsed: { doc: Document.Parsed; lineCounter: LineCounter }): PlacedSyntaxIssue[] {
  return parsed.doc.errors.map((e) => {
    const { line, col } = parsed.lineCounter.linePos(e.pos[0]);
    return { path: [], line, col, message: `invalid ${"YAML"} syntax: ${firstLine(e.message)}` };
  });
}

function jsonSyntaxIssue(
  err: Error,
  document: () => { doc: Document.Parsed; lineCounter: LineCounter },
): PlacedSyntaxIssue {
  const reason = (err.message.split("\n")[0] ?? "").replace(/ in JSON at position \d+.*$/, "").replace(/, ".*$/, "");
  const at = /at position (\d+)/.exec(err.message);
  if (at) {
    const { line, col } = document().lineCounter.linePos(Number(at[1]));
    return { path: [], line, col, message: `invalid JSON syntax: ${reason}` };
  }
  // Older engines do not say where; the YAML parser, which reads JSON too, usually can.
  const placed = syntaxIssuesOf(document())[0];
  return placed
    ? { ...placed, message: `invalid JSON syntax: ${reason}` }
    : { path: [], line: 1, col: 1, message: `invalid JSON syntax: ${reason}` };
}

/**
 * Parses YAML or JSON. JSON files take the native parser and YAML files js-yaml; the `yaml`
 * library, which keeps source positions, is used only when an error has to be placed, or
 * for a YAML file the fast reader declines (anchors, syntax it refuses).
 */
export interface ParseOptions {
  /** false: read YAML only with the positioned reader (to compare the two, in tests). */
  readonly fast?: boolean;
}

export function parseSource(text: string, fileName: string, options: ParseOptions = {}): ParsedSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let cached: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const document = () => (cached ??= parseYaml(body));
  const place = (issue: UnplacedIssue) => {
    const { doc, lineCounter } = document();
    return locate(doc, lineCounter, issue);
  };

  if (/\.json$/i.test(fileName)) {
    try {
      return { data: JSON.parse(body), syntaxIssues: [], place };
    } catch (err) {
      return { data: undefined, syntaxIssues: [jsonSyntaxIssue(err as Error, document)], place };
    }
  }

  // Most files are valid: read them fast, and read only what an issue is in with positions.
  const fast = options.fast === false ? undefined : fastYamlReader().read(body);
  if (fast) return { data: fast.data, syntaxIssues: [], place: fast.place };

  const parsed = document();
  const syntaxIssues = syntaxIssuesOf(parsed);
  if (syntaxIssues.length > 0) return { data: undefined, syntaxIssues, place };
  try {
    return { data: parsed.doc.toJS({ maxAliasCount: MAX_ALIASES }), syntaxIssues, place };
  } catch (err) {
    // The yaml library refuses documents whose aliases expand past the limit.
    const message = `refused: ${(err as Error).message} (aliases may expand to at most ${MAX_ALIASES} nodes)`;
    return { data: undefined, syntaxIssues: [{ path: [], line: 1, col: 1, message }], place };
  }
}
