// What compare.js and compare-load.js share: two builds named on the command line, and a
// child process per build per round, the two running at the same time on two cores so that
// both meet the same moments of a shared machine.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";

/** DIST_A, DIST_B and ROUNDS from the command line; exits with usage or a clear refusal. */
export function buildsFromArgs(script, marker, defaultRounds) {
  const [a, b, rounds = String(defaultRounds)] = process.argv.slice(2);
  if (!a || !b) {
    console.error(`usage: node bench/${script} DIST_A DIST_B [ROUNDS]`);
    process.exit(2);
  }
  const dists = [resolve(a), resolve(b)];
  for (const dist of dists) {
    if (!existsSync(`${dist}/${marker}`)) {
      console.error(`${dist}: not a build (no ${marker}); copy dist/ after \`npm run build\``);
      process.exit(2);
    }
  }
  return { dists, rounds: Number(rounds) };
}

const run = promisify(execFile);

/**
 * One round: `node SCRIPT --one DIST …args` for each build at once, each child's stdout
 * parsed as JSON, in the order of `dists`. Odd rounds start the builds in the other order:
 * on this machine the child started second often ran slower in every phase, whichever
 * build it was, so alternating puts both builds in both places. A child that fails ends
 * the comparison with the first line of its error.
 */
export async function roundSideBySide(script, dists, args = [], round = 0) {
  const swapped = round % 2 === 1;
  const outs = await Promise.all(
    (swapped ? [...dists].reverse() : dists).map((dist) =>
      run(process.execPath, [script, "--one", dist, ...args], { encoding: "utf8" }).then(
        ({ stdout }) => JSON.parse(stdout),
        (err) => {
          const why = String(err.stderr).split("\n").find((l) => /Error/.test(l)) ?? err.message;
          console.error(`${dist}: ${why.trim()}`);
          process.exit(1);
        },
      ),
    ),
  );
  return swapped ? outs.reverse() : outs;
}
