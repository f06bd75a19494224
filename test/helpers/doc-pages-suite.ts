import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../src/scenario/load.js";
import { ROOT, runCli, runMain } from "./cli.js";
import { codeBlocks, consoleSessions, matchesShown, words } from "./docs.js";

// The examples of some pages, run as shown (see docs.e2e.test.ts). A page whose examples
// take long has a test file of its own, so that pages run side by side.

/** A folder with the shipped scenarios and examples, where a page's commands run. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), "ms-docs-"));
  cpSync(`${ROOT}scenarios`, join(dir, "scenarios"), { recursive: true });
  cpSync(`${ROOT}examples`, join(dir, "examples"), { recursive: true });
  return dir;
}

const helpOf = new Map<string, string>();
function help(command: string): string {
  if (!helpOf.has(command)) helpOf.set(command, runCli([command, "--help"]).stdout);
  return helpOf.get(command)!;
}

export function testDocPages(pages: readonly { name: string; text: string }[]): void {
  describe.each(pages)("$name", ({ name, text }) => {
  const blocks = codeBlocks(text);

  it("runs its examples as shown", async () => {
    const dir = sandbox();
    // UPDATE_DOCS=1 rewrites what a page shows from what the commands print, for a
    // deliberate change of output: whole blocks, or the head and tail around one "…".
    const updates: [string, string][] = [];
    const failures: string[] = [];
    for (const block of blocks) {
      if (block.lang === "yaml" && block.body.startsWith("# file: ")) {
        const [, file, withErrors] = /^# file: (\S+)( \(with errors\))?/.exec(block.body)!;
        const load = () => loadScenarioText(block.body, file!);
        if (withErrors) expect(load, `${name}:${block.line} ${file} is meant to have errors`).toThrow();
        else expect(load, `${name}:${block.line} ${file}`).not.toThrow();
        writeFileSync(join(dir, file!), block.body);
      }
      if (block.lang !== "console") continue;
      for (const { command, shown } of consoleSessions(block.body)) {
        if (!command.startsWith("npx match-sim ")) continue;
        const r = await runMain(words(command).slice(2), { cwd: dir });
        const printed = `${r.stdout}${r.stderr}`.replace(/\n$/, "").split("\n");
        if (process.env["UPDATE_DOCS"] === "1" && !matchesShown(printed, shown)) {
          const cuts = shown.filter((l) => l === "…").length;
          if (cuts <= 1) {
            const head = cuts === 0 ? printed.length : shown.indexOf("…");
            const tail = cuts === 0 ? 0 : shown.length - 1 - shown.indexOf("…");
            const fresh = cuts === 0 ? printed : [...printed.slice(0, head), "…", ...(tail > 0 ? printed.slice(-tail) : [])];
            updates.push([[`$ ${command}`, ...shown].join("\n"), [`$ ${command}`, ...fresh].join("\n")]);
            continue;
          }
        }
        if (!matchesShown(printed, shown)) failures.push(`${name}:${block.line} $ ${command}\nprinted:\n${printed.join("\n")}`);
      }
    }
    if (updates.length > 0) {
      let text = readFileSync(`${ROOT}${name}`, "utf8");
      for (const [from, to] of updates) text = text.replace(from, to);
      writeFileSync(`${ROOT}${name}`, text);
    }
    expect(failures).toEqual([]);
  });

  it("names only options its commands have", () => {
    for (const block of blocks.filter((b) => b.lang === "sh" || b.lang === "console")) {
      for (const line of block.body.split("\n")) {
        for (const m of line.matchAll(/npx match-sim (\w+)([^|&;\n]*)/g)) {
          const command = m[1]!;
          const usage = help(command);
          expect(usage, `${name}:${block.line}: no command ${command}`).toContain(`Usage: match-sim ${command}`);
          for (const option of m[2]!.match(/(?<=\s)--?[a-z][\w-]*/g) ?? []) {
            expect(usage, `${name}:${block.line}: ${command} has no option ${option}`).toMatch(new RegExp(`(^|[\\s,])${option}\\b`, "m"));
          }
        }
      }
    }
  });
});
}
