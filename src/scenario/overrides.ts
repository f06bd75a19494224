import { UsageError } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import { formatPath } from "./issue.js";
import { ModelParamsSchema, type ModelParams } from "./model-params.js";
import { checkAgainstSchema } from "./schema-issues.js";

/** One `--set path=value`: a model parameter path without the `model.` prefix. */
export interface ParameterSetting {
  readonly path: string;
  readonly value: number | boolean;
  /** As the user wrote it. */
  readonly text: string;
  /** Where it came from, as messages name it: `--set x=1` on the command line, `set["x"]` in the library. */
  readonly origin: string;
}

/** Every leaf path of the model block ("ripple.sameRegion", …), from its defaults. */
export function parameterPaths(model: ModelParams = ModelParamsSchema.parse({})): string[] {
  const out: string[] = [];
  const walk = (v: unknown, prefix: string) => {
    if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) walk(x, prefix ? `${prefix}.${k}` : k);
    else out.push(prefix);
  };
  walk(model, "");
  return out;
}

/** Parses `path=value` from the command line; the value must be a number, true or false. */
export function parseSetting(text: string, origin = `--set ${text}`): ParameterSetting {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UsageError(`${origin}: expected path=value, for example ripple.sameRegion=0.8`);
  const path = text.slice(0, eq).trim().replace(/^model\./, "");
  const raw = text.slice(eq + 1).trim();
  const value = raw === "true" ? true : raw === "false" ? false : raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  if (value === undefined) throw new UsageError(`${origin}: "${raw}" is not a number, true or false`);
  return { path, value, text, origin };
}

/** A setting given to the library as `{ [path]: value }`; messages name the option it came in. */
export function librarySetting(option: string, path: string, value: unknown): ParameterSetting {
  const origin = `${option}[${JSON.stringify(path)}]`;
  if (typeof value !== "boolean" && (typeof value !== "number" || !Number.isFinite(value))) {
    throw new UsageError(`${origin}: expected a number, true or false, got ${JSON.stringify(value) ?? String(value)}`);
  }
  return { path: path.replace(/^model\./, ""), value, text: `${path}=${String(value)}`, origin };
}

/** The model with the settings applied, checked by the same schema as the file. */
export function applySettings(model: ModelParams, settings: readonly ParameterSetting[]): ModelParams {
  if (settings.length === 0) return model;
  const paths = parameterPaths(model);
  const copy = structuredClone(model) as Record<string, unknown>;
  for (const setting of settings) {
    if (!paths.includes(setting.path)) {
      const guess = didYouMean(setting.path, paths);
      throw new UsageError(
        `${setting.origin}: unknown parameter "${setting.path}"` +
          (guess ? ` (did you mean "${guess}"?)` : " (the parameters are listed in docs/model.md)"),
      );
    }
    const keys = setting.path.split(".");
    let node = copy;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys.at(-1)!] = setting.value;
  }
  const checked = checkAgainstSchema(ModelParamsSchema, copy);
  if (!checked.value) {
    const first = checked.issues[0]!;
    const path = formatPath(first.path);
    const setting = settings.find((s) => s.path === path) ?? settings.find((s) => path.startsWith(s.path.split(".")[0]!));
    throw new UsageError(`${setting?.origin ?? `--set ${path}`}: ${path}: ${first.message}`);
  }
  return checked.value;
}
