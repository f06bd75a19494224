import { UsageError } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import { indexScenario } from "./index-scenario.js";
import { formatPath, type PathSegment, type UnplacedIssue } from "./issue.js";
import type { LoadedScenario } from "./load.js";
import { applySettings, isModelPath, type ParameterSetting } from "./overrides.js";
import { checkReferences } from "./references.js";
import { ApplicantSchema, ProgramSchema, ReferrerSchema, ScenarioSchema, type Scenario } from "./schema.js";
import { checkAgainstSchema } from "./schema-issues.js";

// What-ifs: `--set` on any field of a scenario, addressed by ids rather than by places in
// lists (`applicants.me.aways=[P7]`, `referrers.pd-away.clout=0.5`, `relationships.A~B.trust=0`,
// `opinions.dr-x~me=strong`, `applicants.me.advocates+={referrer: dr-x}`). The edited
// scenario is checked by the same schema and reference rules as a file, and every problem
// names the setting it came from.

type Raw = Record<string, unknown>;

const ENTITY_FIELDS = {
  programs: Object.keys(ProgramSchema.shape),
  applicants: Object.keys(ApplicantSchema.shape),
  referrers: Object.keys(ReferrerSchema.shape),
} as const;
type EntityList = keyof typeof ENTITY_FIELDS;
const KIND: Record<EntityList, string> = { programs: "program", applicants: "applicant", referrers: "referrer" };
const TOP_FIELDS = ["name", "description", "seed", "runs"];
const LISTS = ["programs", "applicants", "referrers", "relationships", "opinions"] as const;
type List = (typeof LISTS)[number];

/** What a setting's path points at in a scenario. */
type Target =
  | { kind: "model" }
  | { kind: "top"; field: string }
  | { kind: "list"; list: List }
  | { kind: "entity"; list: EntityList; id: string; field: string | undefined }
  | { kind: "tie"; a: string; b: string; field: string | undefined }
  | { kind: "opinion"; referrer: string; applicant: string };

/** Reads a setting's path, or says plainly what is wrong with it. */
export function targetOf(setting: ParameterSetting): Target {
  const { path, origin } = setting;
  if (isModelPath(path)) return { kind: "model" };
  if (TOP_FIELDS.includes(path)) return { kind: "top", field: path };
  const dot = path.indexOf(".");
  const head = dot < 0 ? path : path.slice(0, dot);
  const rest = dot < 0 ? "" : path.slice(dot + 1);
  if (!(LISTS as readonly string[]).includes(head)) {
    const guess = didYouMean(head, [...LISTS, ...TOP_FIELDS, "model"]);
    throw new UsageError(
      `${origin}: unknown setting "${path}": a model parameter (see docs/model.md), or programs.ID.FIELD, applicants.ID.FIELD, ` +
        `referrers.ID.FIELD, relationships.A~B.trust, opinions.REFERRER~APPLICANT${guess ? ` (did you mean "${guess}"?)` : ""}`,
    );
  }
  const list = head as List;
  if (rest === "") return { kind: "list", list };
  if (list === "relationships" || list === "opinions") {
    // Ids may hold dots, so only a known field name at the end is read as a field.
    const fieldName = list === "relationships" ? "trust" : "verdict";
    const field = rest.endsWith(`.${fieldName}`) ? fieldName : undefined;
    const pair = field === undefined ? rest : rest.slice(0, -(fieldName.length + 1));
    const ends = pair.split("~");
    if (ends.length !== 2 || ends[0] === "" || ends[1] === "") {
      throw new UsageError(`${origin}: expected ${list === "relationships" ? "relationships.A~B.trust" : "opinions.REFERRER~APPLICANT"}, two ids joined by ~`);
    }
    if (list === "opinions") return { kind: "opinion", referrer: ends[0]!, applicant: ends[1]! };
    return { kind: "tie", a: ends[0]!, b: ends[1]!, field };
  }
  // An id may hold dots: the field is what follows the last dot, if it is a field.
  const fields = ENTITY_FIELDS[list];
  const last = rest.lastIndexOf(".");
  const field = last < 0 ? undefined : rest.slice(last + 1);
  if (field !== undefined && (fields as readonly string[]).includes(field)) return { kind: "entity", list, id: rest.slice(0, last), field };
  return { kind: "entity", list, id: rest, field: undefined };
}

/** The index of the entity with this id, or an error naming the nearest id. */
function findEntity(items: readonly Raw[], id: string, kind: string, setting: ParameterSetting, target: Target): number {
  const at = items.findIndex((x) => String(x["id"]) === id);
  if (at >= 0) return at;
  const guess = didYouMean(id, items.map((x) => String(x["id"])));
  // A field name written where the path ends (`applicants.me.awys`) reads as part of an id.
  if (target.kind === "entity" && target.field === undefined && id.includes(".")) {
    const [maybeId, maybeField] = [id.slice(0, id.lastIndexOf(".")), id.slice(id.lastIndexOf(".") + 1)];
    if (items.some((x) => String(x["id"]) === maybeId)) {
      const fields = ENTITY_FIELDS[target.list];
      const near = didYouMean(maybeField, fields);
      throw new UsageError(`${setting.origin}: ${kind} ${JSON.stringify(maybeId)} has no field "${maybeField}"${near ? ` (did you mean "${near}"?)` : ` (fields: ${fields.join(", ")})`}`);
    }
  }
  throw new UsageError(`${setting.origin}: no ${kind} ${JSON.stringify(id)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ""}`);
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/**
 * The scenario's data with the settings of its fields applied, and for each setting the
 * path of the item it touched (to name the setting an issue comes from). Only what is
 * edited is copied.
 */
function editedData(scenario: Scenario, settings: readonly ParameterSetting[]): { data: Raw; touched: { path: PathSegment[]; setting: ParameterSetting }[] } {
  const data: Raw = { ...scenario };
  const copied = new Set<string>();
  const listOf = (list: List): Raw[] => {
    if (!copied.has(list)) {
      data[list] = [...((data[list] as Raw[] | undefined) ?? [])];
      copied.add(list);
    }
    return data[list] as Raw[];
  };
  const touched: { path: PathSegment[]; setting: ParameterSetting }[] = [];
  for (const setting of settings) {
    const target = targetOf(setting);
    const { value, op, origin } = setting;
    switch (target.kind) {
      case "model":
        break;
      case "top":
        if (op === "+=") throw new UsageError(`${origin}: "+=" appends to a list; ${target.field} is not one`);
        if (value === null) delete data[target.field];
        else data[target.field] = value;
        touched.push({ path: [target.field], setting });
        break;
      case "list": {
        if (op !== "+=") throw new UsageError(`${origin}: add to ${target.list} with "+=" (${target.list}+={...}); a whole list cannot be set`);
        const items = listOf(target.list);
        for (const item of asList(value)) {
          touched.push({ path: [target.list, items.length], setting });
          items.push(item as Raw);
        }
        break;
      }
      case "entity": {
        const items = listOf(target.list);
        const at = findEntity(items, target.id, KIND[target.list], setting, target);
        if (target.field === undefined) {
          // The whole entity: null removes it, a mapping replaces it.
          if (op === "+=") throw new UsageError(`${origin}: "+=" appends to a list field, as in ${target.list}.${target.id}.aways+=[P7]`);
          if (value === null) items.splice(at, 1);
          else items[at] = value as Raw;
          touched.push({ path: [target.list, at], setting });
          break;
        }
        const entity = { ...items[at]! };
        if (op === "+=") {
          const current = entity[target.field];
          if (current !== undefined && !Array.isArray(current)) {
            throw new UsageError(`${origin}: ${target.field} is not a list: set it with "=" rather than add to it with "+="`);
          }
          entity[target.field] = [...(current ?? []), ...(Array.isArray(value) ? value : [value])];
        } else if (value === null) delete entity[target.field];
        else entity[target.field] = value;
        items[at] = entity;
        touched.push({ path: [target.list, at, target.field], setting });
        break;
      }
      case "tie": {
        if (op === "+=") throw new UsageError(`${origin}: a relationship's trust is set with "="`);
        const items = listOf("relationships");
        const at = items.findIndex((r) => {
          const [x, y] = asList(r["between"]).map(String);
          return (x === target.a && y === target.b) || (x === target.b && y === target.a);
        });
        if (value === null && target.field === undefined) {
          if (at < 0) throw new UsageError(`${origin}: there is no relationship between ${JSON.stringify(target.a)} and ${JSON.stringify(target.b)} to remove`);
          items.splice(at, 1);
          break;
        }
        if (target.field === undefined) throw new UsageError(`${origin}: set a relationship's trust (relationships.${target.a}~${target.b}.trust=0.5), or remove it with =null`);
        // Setting the trust of a tie that does not exist adds it.
        const tie: Raw = at < 0 ? { between: [target.a, target.b] } : { ...items[at]! };
        if (value === null) delete tie["trust"];
        else tie["trust"] = value;
        if (at < 0) items.push(tie);
        else items[at] = tie;
        touched.push({ path: ["relationships", at < 0 ? items.length - 1 : at], setting });
        break;
      }
      case "opinion": {
        if (op === "+=") throw new UsageError(`${origin}: an opinion is set with "="`);
        const items = listOf("opinions");
        const at = items.findIndex((o) => String(o["referrer"]) === target.referrer && String(o["applicant"]) === target.applicant);
        if (value === null) {
          if (at >= 0) items.splice(at, 1);
          break;
        }
        const opinion: Raw = { referrer: target.referrer, applicant: target.applicant, verdict: value };
        if (at < 0) items.push(opinion);
        else items[at] = opinion;
        touched.push({ path: ["opinions", at < 0 ? items.length - 1 : at], setting });
        break;
      }
    }
  }
  return { data, touched };
}

/**
 * A path as the settings spell it: an entity by its id (`referrers.dr-x.clout`), a tie or
 * an opinion by its two ids (`opinions.dr-x~me.verdict`), else by its place in the list.
 */
function pathById(data: Raw, path: readonly PathSegment[]): string {
  const [list, at, ...rest] = path;
  const item = typeof list === "string" && typeof at === "number" ? (data[list] as Raw[] | undefined)?.[at] : undefined;
  const plain = (x: unknown): x is string | number => typeof x === "string" || typeof x === "number";
  let name: string | undefined;
  if (item && list in ENTITY_FIELDS && plain(item["id"]) && !String(item["id"]).includes(".")) name = String(item["id"]);
  else if (item && list === "opinions" && plain(item["referrer"]) && plain(item["applicant"])) name = `${item["referrer"]}~${item["applicant"]}`;
  else if (item && list === "relationships" && Array.isArray(item["between"]) && item["between"].length === 2 && item["between"].every(plain)) {
    name = `${item["between"][0]}~${item["between"][1]}`;
  }
  if (name === undefined) return formatPath(path);
  return rest.length === 0 ? `${String(list)}.${name}` : `${String(list)}.${name}.${formatPath(rest)}`;
}

/** Formats the problems of an edited scenario, each naming the setting it most likely came from. */
function editError(data: Raw, issues: readonly UnplacedIssue[], touched: readonly { path: PathSegment[]; setting: ParameterSetting }[], settings: readonly ParameterSetting[]): UsageError {
  const lines = issues.map((issue) => {
    const from = touched.find((t) => t.path.every((seg, i) => issue.path[i] === seg)) ?? touched.find((t) => t.path[0] === issue.path[0]);
    const origin = (from?.setting ?? settings.find((s) => !isModelPath(s.path)) ?? settings[0]!).origin;
    return `${origin}: ${pathById(data, issue.path)}: ${issue.message}`;
  });
  // One line per problem; the first line carries the exit-2 prefix, the others stand alone.
  return new UsageError(lines.join("\n"));
}

/**
 * The scenario with the settings applied (model parameters and fields addressed by ids),
 * checked and indexed anew. Only model parameters: the checked lists are reused as they are.
 */
export function withSettings(loaded: LoadedScenario, settings: readonly ParameterSetting[]): LoadedScenario {
  if (settings.length === 0) return loaded;
  const modelSettings = settings.filter((s) => isModelPath(s.path));
  const model = applySettings(loaded.scenario.model, modelSettings);
  if (modelSettings.length === settings.length) {
    const scenario = { ...loaded.scenario, model };
    return { ...loaded, scenario, indexed: indexScenario(scenario, loaded.resolved) };
  }
  const { data, touched } = editedData({ ...loaded.scenario, model }, settings.filter((s) => !isModelPath(s.path)));
  const checked = checkAgainstSchema(ScenarioSchema, data);
  const refs = checkReferences(data);
  const issues = [...checked.issues, ...refs.errors];
  if (issues.length > 0 || !checked.value) throw editError(data, issues, touched, settings);
  const scenario = checked.value;
  const resolved = refs.resolved;
  return { ...loaded, scenario, resolved, indexed: indexScenario(scenario, resolved) };
}
