import { basename } from "node:path";
import { ScenarioError } from "../errors.js";
import { indexScenario, type IndexedScenario } from "./index-scenario.js";
import type { Issue, UnplacedIssue } from "./issue.js";
import { parseSource, type ParsedSource, type ParseOptions } from "./parse-source.js";
import { checkReferences, type ResolvedReferences } from "./references.js";
import { ScenarioSchema, type Scenario } from "./schema.js";
import { checkAgainstSchema } from "./schema-issues.js";
import { withSettings } from "./edits.js";
import { readScenarioText } from "./read-scenario.js";

export { maxScenarioBytes, readScenarioText } from "./read-scenario.js";
import type { ParameterSetting } from "./overrides.js";

export interface LoadedScenario {
  /** The name used in messages: the path as given, or "<stdin>". */
  readonly file: string;
  readonly scenario: Scenario;
  /** The scenario in the core's shape, built on first read. */
  readonly indexed: IndexedScenario;
  readonly warnings: readonly Issue[];
  /** The id lookups of the file, kept so that other parameters can be applied cheaply. */
  readonly resolved: ResolvedReferences;
}


export interface CheckedScenario {
  readonly file: string;
  readonly scenario: Scenario | undefined;
  /** Id lookups made while checking, kept for indexing. */
  readonly resolved: ResolvedReferences | undefined;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

function place(file: string, source: ParsedSource, issues: readonly UnplacedIssue[]): Issue[] {
  return issues.map((issue) => ({ file, path: issue.path, message: issue.message, ...source.place(issue) }));
}

/** Called as each loading phase ends ("parse", "schema", "references"), for --timings. */
export type PhaseListener = (phase: string) => void;

/** Parses and checks a scenario text, collecting every problem rather than stopping at the first. */
export function checkScenarioText(text: string, file: string, onPhase?: PhaseListener, parse: ParseOptions = {}): CheckedScenario {
  const source = parseSource(text, file, parse);
  onPhase?.("parse");
  if (source.syntaxIssues.length > 0) {
    const errors = source.syntaxIssues.map((i) => ({ file, line: i.line, col: i.col, path: i.path, message: i.message }));
    return { file, scenario: undefined, resolved: undefined, errors, warnings: [] };
  }
  const checked = checkAgainstSchema(ScenarioSchema, source.data);
  onPhase?.("schema");
  const refs = checkReferences(source.data);
  const errors = place(file, source, [...checked.issues, ...refs.errors]).sort(
    (x, y) => x.line - y.line || x.col - y.col,
  );
  onPhase?.("references");
  return {
    file,
    scenario: errors.length === 0 ? checked.value : undefined,
    resolved: refs.resolved,
    errors,
    warnings: place(file, source, refs.warnings),
  };
}

export interface LoadOptions {
  readonly onPhase?: PhaseListener | undefined;
  /** Settings from the command line (model parameters, fields by id), applied over the file's. */
  readonly settings?: readonly ParameterSetting[] | undefined;
}

/** Loads a scenario from text, or throws a ScenarioError carrying every positioned issue. */
export function loadScenarioText(text: string, file: string, options: LoadOptions = {}): LoadedScenario {
  const { onPhase, settings = [] } = options;
  const checked = checkScenarioText(text, file, onPhase);
  if (!checked.scenario || !checked.resolved) throw new ScenarioError(checked.errors);
  const { scenario, resolved } = checked;
  // Indexed on first use: `match` and `validate` read only the checked lists.
  let indexed: IndexedScenario | undefined;
  const loaded: LoadedScenario = {
    file,
    scenario,
    warnings: checked.warnings,
    resolved,
    get indexed() {
      return (indexed ??= indexScenario(scenario, resolved));
    },
  };
  return withSettings(loaded, settings);
}

export async function loadScenarioFile(path: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  return loadScenarioText(await readScenarioText(path), path, options);
}


/** The label results carry: the scenario's name, else its file name. */
export function scenarioLabel(loaded: LoadedScenario): string {
  return loaded.scenario.name ?? (loaded.file.startsWith("<") ? loaded.file : basename(loaded.file));
}
