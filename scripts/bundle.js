// Bundles the compiled command line into dist/bundle: one module graph instead of a few
// hundred files halves start-up, which is a large share of a `match` on a big file.
// The library (dist/index.js) stays unbundled for importers.
import { build } from "esbuild";
import { rmSync } from "node:fs";

const outdir = new URL("../dist/bundle/", import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ["dist/cli/main.js", "dist/montecarlo/worker.js"],
  outdir,
  // Flat names: the worker pool finds worker.js beside whichever chunk starts it.
  entryNames: "[name]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  // The pool library finds its own thread entry beside its files, so it stays in node_modules.
  external: ["piscina"],
  // Bundled CommonJS packages (commander) call require().
  banner: { js: "import { createRequire as __matchSimRequire } from 'node:module'; const require = __matchSimRequire(import.meta.url);" },
});
