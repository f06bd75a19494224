import * as z from "zod";

// zod runs every field of an object schema on every item, whether the item has the field
// or not. A large scenario's applicants give 3 of their 16 fields, so most of the check was
// zod settling fields that are absent. This parse gives zod, for each list of entities in
// the root object, one schema per set of keys found among the items: the fields the items
// have, and the required ones (whose absence is an error). The fields they leave out that
// have defaults are filled in afterwards, in the schema's key order, so the value is the
// one the whole schema gives; so are the issues, with their paths turned back into paths
// of the root. Where every field of a key set is one zod settles with a single test (ids,
// bounded numbers, text), its items are checked with those tests directly, and zod reads
// the group only if one fails. A property test holds the two equal.

type AnySchema = z.core.$ZodType;
type ParseParams = z.core.ParseContext<z.core.$ZodIssue>;

interface Def {
  readonly type: string;
  readonly fn?: (value: unknown) => unknown;
  readonly entries?: Record<string, unknown>;
  readonly coerce?: boolean;
  readonly when?: unknown;
  readonly innerType?: AnySchema;
  readonly element?: AnySchema;
  readonly shape?: Record<string, AnySchema>;
  readonly checks?: readonly unknown[];
}

const defOf = (s: AnySchema): Def => s._zod.def as unknown as Def;
const hasChecks = (s: AnySchema): boolean => (defOf(s).checks?.length ?? 0) > 0;

/** The schema under its optional and default wrappers. */
function unwrap(s: AnySchema): AnySchema {
  let d = defOf(s);
  while ((d.type === "optional" || d.type === "default") && d.innerType) {
    s = d.innerType;
    d = defOf(s);
  }
  return s;
}

/** The item schema of a field holding a list of objects, if no check needs the whole list. */
function entityOf(field: AnySchema): z.ZodObject | undefined {
  const list = unwrap(field);
  if (defOf(list).type !== "array" || hasChecks(list)) return undefined;
  const item = defOf(list).element;
  if (!item || defOf(item).type !== "object" || hasChecks(item)) return undefined;
  return item as unknown as z.ZodObject;
}

/** How items with one set of keys are checked, and the defaults they are given. */
interface Plan {
  readonly schema: z.ZodArray<z.ZodObject>;
  /** Every output key in schema order: defaults, and undefined where the item's value goes. */
  readonly template: Readonly<Record<string, unknown>> | undefined;
  /** The fields, if zod would settle each with one test and plain rewrites (see directField). */
  readonly direct: readonly DirectField[] | undefined;
}

/** A field checked by its own test and rewritten by its own `overwrite`s, as zod would. */
interface DirectField {
  readonly key: string;
  readonly test: (value: unknown) => boolean;
  readonly rewrites: readonly ((value: unknown) => unknown)[];
}

/**
 * A field's test and rewrites taken from its zod schema, where zod would do no more than
 * run them: a custom test, text or one of a few words, then `overwrite` checks. Anything
 * else (numbers with bounds, lists, nested objects) is left to zod. zod's work per field
 * (a payload and an issue list for each value, checks walked one by one) was most of the
 * check of a large file, whose entities hold three or four such fields each.
 */
function directField(key: string, s: AnySchema): DirectField | undefined {
  const d = defOf(s);
  if (d.when !== undefined || d.coerce) return undefined;
  const rewrites: ((value: unknown) => unknown)[] = [];
  for (const check of (d.checks ?? []) as AnySchema[]) {
    const c = check._zod.def as unknown as { check?: string; tx?: (value: unknown) => unknown; when?: unknown };
    if (c.check !== "overwrite" || !c.tx || c.when !== undefined) return undefined;
    rewrites.push(c.tx);
  }
  switch (d.type) {
    case "custom": {
      const fn = d.fn;
      if (!fn) return undefined;
      return { key, test: (v) => { const r = fn(v); return Boolean(r) && !(r instanceof Promise); }, rewrites };
    }
    case "string":
      return { key, test: (v) => typeof v === "string", rewrites };
    case "enum": {
      const values = Object.values(d.entries ?? {});
      if (!values.every((v) => typeof v === "string")) return undefined;
      const allowed = new Set(values);
      return { key, test: (v) => allowed.has(v as string), rewrites };
    }
    default:
      return undefined;
  }
}

// Plans are kept for the life of the process, at most this many per kind of entity; items
// of any further key set are checked whole. Each plan is a schema zod compiles on first use.
const MAX_PLANS = 32;

const plansOf = new WeakMap<AnySchema, Map<string, Plan>>();

function planFor(entity: z.ZodObject, keys: readonly string[]): Plan {
  const shape = entity.shape as Record<string, AnySchema>;
  const present = new Set(keys);
  const sub: Record<string, AnySchema> = {};
  const template: Record<string, unknown> = {};
  let sharedDefaults = true;
  let direct: DirectField[] | undefined = [];
  for (const key of Object.keys(shape)) {
    const field = shape[key]!;
    const optin = field._zod.optin;
    if (present.has(key)) {
      // Present, so its optional or default wrapper would only pass the value on.
      sub[key] = unwrap(field);
      template[key] = undefined;
      const one: DirectField | undefined = direct && directField(key, sub[key]);
      direct = one && direct ? [...direct, one] : undefined;
    } else if (optin === undefined) {
      sub[key] = field; // required: zod reports it missing
      template[key] = undefined;
      direct = undefined;
    } else if (optin === "defaulted") {
      const value = (defOf(field) as { defaultValue?: unknown }).defaultValue;
      // One default value is shared by every item: only if it cannot be changed.
      if (typeof value === "object" && value !== null && !Object.isFrozen(value)) sharedDefaults = false;
      template[key] = value;
    }
  }
  // Items of these keys have no key the schema lacks: what it does with unknown keys (for a
  // strict schema, a second look at every key of every item) can be left out.
  const known = keys.every((key) => Object.hasOwn(shape, key));
  const def = { ...entity._zod.def, shape: sub, checks: [], ...(known ? { catchall: undefined } : {}) };
  const checked = entity.clone(def as typeof entity._zod.def);
  return { schema: z.array(checked), template: sharedDefaults ? template : undefined, direct: known ? direct : undefined };
}

function cachedPlan(entity: z.ZodObject, keys: readonly string[], signature: string): Plan | undefined {
  let plans = plansOf.get(entity);
  if (!plans) plansOf.set(entity, (plans = new Map()));
  let plan = plans.get(signature);
  if (!plan && plans.size < MAX_PLANS) plans.set(signature, (plan = planFor(entity, keys)));
  return plan;
}

interface Group {
  readonly plan: Plan | undefined;
  readonly items: unknown[];
  /** Each item's index in the list. */
  readonly at: number[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Items by their keys, in order: consecutive items usually share them, so most are one comparison. */
function groupByKeys(entity: z.ZodObject, list: readonly unknown[]): Group[] {
  const groups = new Map<string, Group>();
  const planned: Group[] = [];
  const whole: Group = { plan: undefined, items: [], at: [] };
  let keys: string[] | undefined;
  let group = whole;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isRecord(item)) {
      whole.items.push(item);
      whole.at.push(i);
      continue;
    }
    let same = keys !== undefined;
    let n = 0;
    if (same) {
      for (const key in item) {
        if (keys![n] !== key) {
          same = false;
          break;
        }
        n++;
      }
    }
    if (!same || n !== keys!.length) {
      keys = Object.keys(item);
      const signature = keys.join("\u0000");
      let found = groups.get(signature);
      if (!found) {
        const plan = cachedPlan(entity, keys, signature);
        found = whole;
        if (plan?.template) planned.push((found = { plan, items: [], at: [] }));
        groups.set(signature, found);
      }
      group = found;
    }
    group.items.push(item);
    group.at.push(i);
  }
  return whole.items.length > 0 ? [...planned, whole] : planned;
}

/**
 * The items of one key set checked with their plan's direct fields: each item's value, in
 * the whole schema's key order, or undefined as soon as one value fails (zod then checks
 * the group, for its issues in its words).
 */
function checkDirectly(plan: Plan, items: readonly unknown[]): unknown[] | undefined {
  const { direct, template } = plan;
  if (!direct || !template) return undefined;
  const out = new Array<unknown>(items.length);
  for (let j = 0; j < items.length; j++) {
    const item = items[j] as Record<string, unknown>;
    const value: Record<string, unknown> = { ...template };
    for (let f = 0; f < direct.length; f++) {
      const field = direct[f]!;
      let v = item[field.key];
      if (!field.test(v)) return undefined;
      for (let r = 0; r < field.rewrites.length; r++) v = field.rewrites[r]!(v);
      value[field.key] = v;
    }
    out[j] = value;
  }
  return out;
}

type Result<T> = { success: true; data: T } | { success: false; issues: z.core.$ZodIssue[] };

function parseList(
  field: string,
  entity: z.ZodObject,
  list: readonly unknown[],
  params: ParseParams,
  issues: z.core.$ZodIssue[],
): unknown[] {
  const out = new Array<unknown>(list.length);
  const found: { at: number; issue: z.core.$ZodIssue }[] = [];
  for (const group of groupByKeys(entity, list)) {
    const checked = group.plan ? checkDirectly(group.plan, group.items) : undefined;
    if (checked) {
      for (let j = 0; j < checked.length; j++) out[group.at[j]!] = checked[j];
      continue;
    }
    const schema = group.plan?.schema ?? z.array(entity);
    const result = schema.safeParse(group.items, params);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const at = group.at[issue.path[0] as number]!;
        found.push({ at, issue: { ...issue, path: [field, at, ...issue.path.slice(1)] } });
      }
      continue;
    }
    const { at } = group;
    const template = group.plan?.template;
    for (let j = 0; j < at.length; j++) {
      // Spreading the template first puts the keys in schema order, as the whole schema does.
      out[at[j]!] = template ? Object.assign({ ...template }, result.data[j]) : result.data[j];
    }
  }
  // In list order, as zod reports them: the sort is stable, so each item's stay in its order.
  found.sort((x, y) => x.at - y.at);
  for (const f of found) issues.push(f.issue);
  return out;
}

/**
 * `schema.safeParse(data, params)` for an object schema, with its lists of entities checked
 * key set by key set. The data is what a parser gives: no value is `undefined`.
 */
export function parseByKeySets<S extends z.ZodType>(schema: S, data: unknown, params: ParseParams): Result<z.output<S>> {
  const fields = defOf(schema).type === "object" && isRecord(data) ? (schema as unknown as z.ZodObject).shape : undefined;
  const lists: [string, z.ZodObject, unknown[]][] = [];
  if (fields) {
    for (const [key, field] of Object.entries(fields as Record<string, AnySchema>)) {
      const entity = entityOf(field);
      const value = (data as Record<string, unknown>)[key];
      if (entity && Array.isArray(value)) lists.push([key, entity, value]);
    }
  }
  if (lists.length === 0) {
    const result = schema.safeParse(data, params);
    return result.success ? { success: true, data: result.data } : { success: false, issues: result.error.issues };
  }

  const rest: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [key] of lists) rest[key] = [];
  // The root is one object: zod reads it faster than it compiles a reader for it and the
  // objects of the model block within.
  const top = schema.safeParse(rest, { ...params, jitless: true });
  const issues: z.core.$ZodIssue[] = top.success ? [] : [...top.error.issues];
  const values = lists.map(([key, entity, list]) => parseList(key, entity, list, params, issues));
  if (issues.length > 0) return { success: false, issues: inFieldOrder(issues, Object.keys(fields!)) };
  const value = { ...(top.data as Record<string, unknown>) };
  lists.forEach(([key], i) => (value[key] = values[i]));
  return { success: true, data: value as z.output<S> };
}

/** zod's order: field by field as the schema lists them, then the root's unknown keys. */
function inFieldOrder(issues: z.core.$ZodIssue[], fields: readonly string[]): z.core.$ZodIssue[] {
  const rank = (issue: z.core.$ZodIssue): number => {
    const at = issue.path.length > 0 ? fields.indexOf(String(issue.path[0])) : -1;
    return at < 0 ? fields.length : at;
  };
  return issues.map((issue, i) => ({ issue, i, r: rank(issue) })).sort((x, y) => x.r - y.r || x.i - y.i).map((x) => x.issue);
}
