import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cachedDataVersionTag } from "node:v8";
import vm from "node:vm";

// The command line runs from one CommonJS bundle (dist/bundle/cli.cjs), compiled with the
// code cache the build wrote beside it (cli.cache): V8 then reads the bytecode of what a
// command runs instead of parsing and compiling it, which was most of the start-up every
// command pays. A cache that does not fit (another Node, a bundle changed since) is left
// unused: the bundle compiles as any script would, to the same behaviour.

/** The bundle's directory, beside this file's: dist/bundle/. */
export const BUNDLE_DIR = fileURLToPath(new URL("../bundle/", import.meta.url));

export interface CompiledCli {
  readonly main: (argv: readonly string[]) => Promise<number>;
  /** Whether V8 took the code cache (false where there was none or it did not fit). */
  readonly cacheUsed: boolean;
  /** The code cache of everything compiled so far, to write with writeCodeCache. */
  readonly createCachedData: () => Buffer;
}

/**
 * What a cache was made for: the bundle's size and time of writing, and V8's version tag
 * (its version and flags). V8 checks the last itself, but of the source only its length:
 * the stamp makes sure the bytecode is that of this bundle's text.
 */
interface CacheStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly v8: number;
}

const stampOf = (bundle: string): CacheStamp => {
  const { size, mtimeMs } = statSync(bundle);
  return { size, mtimeMs, v8: cachedDataVersionTag() };
};

/** The cache's data if the file holds one stamped for this bundle: a length, the stamp as JSON, then the data. */
function readCodeCache(path: string, stamp: CacheStamp): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  if (file.length < 4) return undefined;
  const headerLength = file.readUInt32LE(0);
  if (4 + headerLength > file.length) return undefined;
  try {
    const header = JSON.parse(file.toString("utf8", 4, 4 + headerLength)) as Partial<CacheStamp>;
    if (header.size !== stamp.size || header.mtimeMs !== stamp.mtimeMs || header.v8 !== stamp.v8) return undefined;
  } catch {
    return undefined;
  }
  return file.subarray(4 + headerLength);
}

/** Writes a code cache for the bundle in dir, stamped with the bundle as it is now. */
export function writeCodeCache(data: Buffer, dir = BUNDLE_DIR): void {
  const header = Buffer.from(JSON.stringify(stampOf(`${dir}cli.cjs`)));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  writeFileSync(`${dir}cli.cache`, Buffer.concat([length, header, data]));
}

/** Compiles the bundle in dir (with its code cache, unless useCache is false) and runs its top level. */
export function compileCli(dir = BUNDLE_DIR, useCache = true): CompiledCli {
  const bundle = `${dir}cli.cjs`;
  const source = readFileSync(bundle, "utf8");
  const cachedData = useCache ? readCodeCache(`${dir}cli.cache`, stampOf(bundle)) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as { main?: CompiledCli["main"] } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dir);
  return {
    main: module.exports.main!,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    createCachedData: () => script.createCachedData(),
  };
}

/** Runs the command line on argv; returns its exit code. */
export async function launch(argv: readonly string[]): Promise<number> {
  return compileCli().main(argv);
}
