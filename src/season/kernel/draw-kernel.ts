import { QUANTILES } from "../../rng/streams.js";
import { BYTES } from "./draws-bytes.js";

/**
 * The application draws of chooseApplications in WebAssembly (draws.wat): the same scores,
 * bit for bit, as the JavaScript loop, which stays as the fallback wherever WebAssembly
 * cannot run (a page whose policy forbids it, an engine without it) or is switched off.
 * One instance per workspace, with its own memory holding copies of the plan's appeal and
 * column keys and the scratch the JavaScript reads the results from.
 */
export interface DrawKernel {
  /** Scores of the applicant's candidates, by place (the workspace's candScore). */
  readonly score: Float64Array;
  /** The places above the window, then (as the caller writes them) the places kept. */
  readonly kept: Int32Array;
  /** The places inside the window. */
  readonly inside: Int32Array;
  /**
   * Scores candidates c0 … c0+n-1 of the row key (appeal + noise × normal) and places each
   * against [lo, hi]: returns how many are above; insideCount() how many are inside.
   */
  readonly choose: (c0: number, n: number, row: number, noise: number, lo: number, hi: number) => number;
  readonly insideCount: () => number;
}

/** The little of the WebAssembly API used here (the project's type libraries do not declare it). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let enabled = true;
let compiled: object | null | undefined;

/** Turns the WebAssembly draws on or off for workspaces made after (tests compare the two). */
export function useWasmDraws(on: boolean): void {
  enabled = on;
}

function module(api: WasmApi): object | null {
  if (compiled === undefined) {
    try {
      compiled = new api.Module(Uint8Array.from(atob(BYTES), (c) => c.charCodeAt(0)));
    } catch {
      compiled = null; // no WebAssembly here: the JavaScript draws
    }
  }
  return compiled;
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** A kernel for a plan's candidates (appeal, column keys), or undefined to draw in JavaScript. */
export function newDrawKernel(appeal: Float64Array, column: Int32Array, maxCandidates: number): DrawKernel | undefined {
  if (!enabled || !wasmApi) return undefined;
  const wasm = module(wasmApi);
  if (!wasm) return undefined;
  const counts = 0;
  const pack = 16;
  const quantiles = pack + 16 * 16;
  const appealAt = align(quantiles + QUANTILES.byteLength);
  const columnAt = align(appealAt + appeal.byteLength);
  const scoreAt = align(columnAt + column.byteLength);
  const keptAt = align(scoreAt + 8 * maxCandidates);
  // Room for three places past the last: the kernel writes four at a time.
  const insideAt = align(keptAt + 4 * (maxCandidates + 4));
  const end = insideAt + 4 * (maxCandidates + 4);
  try {
    const memory = new wasmApi.Memory({ initial: Math.ceil(end / 65536) });
    const { exports } = new wasmApi.Instance(wasm, { env: { memory } });
    const buffer = memory.buffer;
    new Float64Array(buffer, quantiles, QUANTILES.length).set(QUANTILES);
    // Row m of the packing table: the lanes of the bits set in m, in order.
    const packRows = new Int32Array(buffer, pack, 64);
    for (let m = 0; m < 16; m++) {
      let w = 0;
      for (let lane = 0; lane < 4; lane++) if (m & (1 << lane)) packRows[4 * m + w++] = lane;
    }
    new Float64Array(buffer, appealAt, appeal.length).set(appeal);
    new Int32Array(buffer, columnAt, column.length).set(column);
    (exports["layout"] as (...at: number[]) => void)(quantiles, appealAt, columnAt, scoreAt, keptAt, insideAt, counts, pack);
    const countView = new Int32Array(buffer, counts, 2);
    return {
      score: new Float64Array(buffer, scoreAt, maxCandidates),
      kept: new Int32Array(buffer, keptAt, maxCandidates + 4),
      inside: new Int32Array(buffer, insideAt, maxCandidates + 4),
      choose: exports["choose"] as DrawKernel["choose"],
      insideCount: () => countView[1]!,
    };
  } catch {
    return undefined; // memory refused (a very large market): the JavaScript draws
  }
}
