import { readdirSync, readFileSync } from "node:fs";
import { ROOT } from "./cli.js";

// The examples of the README and of docs/, read so that the tests can run them.

export interface CodeBlock {
  readonly lang: string;
  readonly info: string;
  readonly body: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
}

/** Every page the tests read: the README, then docs/*.md in name order. */
export function docPages(): { name: string; text: string }[] {
  const docs = readdirSync(`${ROOT}docs`)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`);
  return ["README.md", ...docs].map((name) => ({ name, text: readFileSync(`${ROOT}${name}`, "utf8") }));
}

export function codeBlocks(text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!open || open[1] === "") continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith("```"); i++) body.push(lines[i]!);
    blocks.push({ lang: open[1]!, info: open[2]!.trim(), body: `${body.join("\n")}\n`, line: start + 1 });
  }
  return blocks;
}

/** A console block as commands and what each prints: `$ npx match-sim …` lines, then output. */
export function consoleSessions(body: string): { command: string; shown: string[] }[] {
  const sessions: { command: string; shown: string[] }[] = [];
  for (const line of body.replace(/\n$/, "").split("\n")) {
    if (line.startsWith("$ ")) sessions.push({ command: line.slice(2), shown: [] });
    else sessions.at(-1)?.shown.push(line);
  }
  return sessions;
}

/**
 * Whether printed lines match shown ones: a shown line "…" stands for any number of lines,
 * and a shown line ending in "…" for any line that starts with what comes before it.
 */
export function matchesShown(printed: readonly string[], shown: readonly string[]): boolean {
  const go = (p: number, s: number): boolean => {
    if (s === shown.length) return p === printed.length;
    const want = shown[s]!;
    if (want === "…") {
      for (let k = p; k <= printed.length; k++) if (go(k, s + 1)) return true;
      return false;
    }
    if (p === printed.length) return false;
    const got = printed[p]!;
    const ok = want.endsWith("…") ? got.startsWith(want.slice(0, -1)) : got === want;
    return ok && go(p + 1, s + 1);
  };
  return go(0, 0);
}

/** Splits a command line into words, keeping quoted words whole (no other shell syntax). */
export function words(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}
