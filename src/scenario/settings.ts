import { indexScenario } from "./index-scenario.js";
import type { LoadedScenario } from "./load.js";
import { applySettings, type ParameterSetting } from "./overrides.js";

/** The same scenario with model parameters set (as `--set` does), checked and indexed anew. */
export function withSettings(loaded: LoadedScenario, settings: readonly ParameterSetting[]): LoadedScenario {
  if (settings.length === 0) return loaded;
  const scenario = { ...loaded.scenario, model: applySettings(loaded.scenario.model, settings) };
  return { ...loaded, scenario, indexed: indexScenario(scenario, loaded.resolved) };
}
