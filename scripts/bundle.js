// Bundles the compiled command line into dist/bundle: one script instead of a few hundred
// files halves start-up, which is a large share of a `match` on a big file.
// The library (dist/index.js) stays unbundled for importers.
import { build } from "esbuild";
import { rmSync } from "node:fs";

const outdir = new URL("../dist/bundle/", import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
const forNode = { bundle: true, platform: "node", target: "node20", logLevel: "warning" };

// The yaml library, loaded only when a file needs it (see scenario/yaml-module.ts), as one
// file beside the bundle: from its package it is some sixty modules, whose loading took
// about 35 ms of every command that reads a hand-written YAML file, against about 10.
await build({
  entryPoints: ["yaml"],
  outfile: `${outdir}yaml.cjs`,
  ...forNode,
  format: "cjs",
});
/** Setup for an esbuild plugin giving scenario/yaml-module.js these contents: each bundle loads yaml its own way. */
const yamlModuleAs = (contents) => (b) =>
  b.onLoad({ filter: /scenario[\\/]yaml-module\.js$/ }, () => ({
    contents,
    loader: "js",
    resolveDir: new URL("../", import.meta.url).pathname,
  }));
const yamlBeside = {
  name: "yaml-beside",
  setup: yamlModuleAs('import { createRequire } from "node:module"; export function yamlModule() { return createRequire(import.meta.url)("./yaml.cjs"); }'),
};
// What the command line and its worker share: yaml beside them, and the pool library left
// in node_modules, where it finds its own thread entry beside its files.
const forCli = { ...forNode, external: ["piscina"], plugins: [yamlBeside] };

// The command line as one CommonJS script, which bin/match-sim.js compiles with the code
// cache written beside it (see src/cli/launch.ts). Each command's modules still run only
// when the command needs them; import.meta.url becomes the script's own URL.
await build({
  entryPoints: ["dist/cli/main.js"],
  outfile: `${outdir}cli.cjs`,
  ...forCli,
  format: "cjs",
  define: { "import.meta.url": "__matchSimUrl" },
  // import() of what stays outside (the pool, Node's modules) as require(): a script
  // compiled by vm has no module loader to import with.
  supported: { "dynamic-import": false },
  banner: { js: 'const __matchSimUrl = require("node:url").pathToFileURL(__filename).href;' },
});

// The worker pool's thread: an ES module beside the script, where the pool finds it.
await build({
  entryPoints: ["dist/montecarlo/worker.js"],
  outfile: `${outdir}worker.js`,
  ...forCli,
  format: "esm",
  // Bundled CommonJS packages call require().
  banner: { js: "import { createRequire as __matchSimRequire } from 'node:module'; const require = __matchSimRequire(import.meta.url);" },
});

// The presenter's engine: the same compiled core, built for the browser as one script that
// defines MatchSimEngine. Node's modules are not there: the yaml library is imported
// directly, and the file-reading half of the loader (never called in a page) gets stubs.
const browserShims = {
  name: "browser-shims",
  setup(b) {
    yamlModuleAs('import * as YAML from "yaml"; export function yamlModule() { return YAML; }')(b);
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: "node-stub" }));
    b.onLoad({ filter: /.*/, namespace: "node-stub" }, () => ({
      contents:
        "const no = () => { throw new Error('not in a browser'); };" +
        "export const readFile = no, stat = no, open = no, createRequire = no, createHash = no;" +
        "export const basename = (p) => String(p).split('/').pop();",
      loader: "js",
    }));
  },
};
await build({
  entryPoints: ["dist/present/engine.js"],
  outfile: `${outdir}present-engine.js`,
  bundle: true,
  format: "iife",
  globalName: "MatchSimEngine",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [browserShims],
});
