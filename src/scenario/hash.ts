import { createHash, type Hash } from "node:crypto";
import type { IndexedScenario } from "./index-scenario.js";

// A scenario's fingerprint: a hash of everything the simulation reads of it (the market,
// every model parameter, the names people are shown by), not its name, description, seed
// or runs. Two files that say the same thing differently (YAML or JSON, defaults written
// out or not, other spacing) have the same fingerprint; any --set that changes the market
// changes it. Hashed from the indexed scenario's typed arrays, so that it costs a few
// milliseconds even for a market the size of the NRMP.

function feed(hash: Hash, value: unknown, path: string): void {
  if (ArrayBuffer.isView(value)) {
    hash.update(`${path}:${value.constructor.name}:${value.byteLength};`);
    hash.update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  } else if (Array.isArray(value) || typeof value !== "object" || value === null) {
    hash.update(`${path}=${JSON.stringify(value)};`);
  } else {
    for (const key of Object.keys(value).sort()) feed(hash, (value as Record<string, unknown>)[key], `${path}.${key}`);
  }
}

/** The fingerprint of a loaded scenario (as run: with any settings applied), 32 hex digits. */
export function fingerprintOf(loaded: { indexed: IndexedScenario }): string {
  const { name: _name, ...market } = loaded.indexed;
  const hash = createHash("sha256");
  feed(hash, market, "");
  return hash.digest("hex").slice(0, 32);
}
