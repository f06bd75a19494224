import type { ChalkInstance } from "chalk";

// A small document model, rendered as text for a terminal or a projector (wrapped to a
// width, colour where it helps) or as markdown for handouts.

export type Tone = "plain" | "good" | "bad" | "dim" | "strong";
export interface Span {
  readonly text: string;
  readonly tone?: Tone;
}
export type Line = string | readonly Span[];

export type Block =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "para"; line: Line }
  | { kind: "bullets"; items: Line[] }
  | { kind: "table"; head: string[]; rows: Line[][] };

const plain = (line: Line): string => (typeof line === "string" ? line : line.map((s) => s.text).join(""));

function paint(line: Line, c: ChalkInstance): string {
  if (typeof line === "string") return line;
  return line
    .map((s) =>
      s.tone === "good" ? c.green(s.text) : s.tone === "bad" ? c.red(s.text) : s.tone === "dim" ? c.dim(s.text) : s.tone === "strong" ? c.bold(s.text) : s.text,
    )
    .join("");
}

/** Wraps words to `width` columns; continuation lines get `indent`. Colour codes do not count. */
function wrap(text: string, width: number, indent: string): string[] {
  const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, "").length;
  const words = text.split(" ");
  const lines: string[] = [];
  let current = "";
  for (const w of words) {
    if (current !== "" && visible(current) + 1 + visible(w) > width) {
      lines.push(current);
      current = indent + w;
    } else current = current === "" ? w : `${current} ${w}`;
  }
  if (current !== "") lines.push(current);
  return lines;
}

export function renderText(blocks: readonly Block[], c: ChalkInstance, width = 100): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        if (out.length > 0) out.push("");
        out.push(c.bold(b.level === 1 ? b.text : b.text));
        if (b.level === 1) out.push(c.bold("=".repeat(Math.min(width, b.text.length))));
        break;
      case "para":
        out.push(...wrap(paint(b.line, c), width, ""));
        break;
      case "bullets":
        for (const item of b.items) out.push(...wrap(`• ${paint(item, c)}`, width, "  "));
        break;
      case "table": {
        const cells = [b.head, ...b.rows.map((r) => r.map(plain))];
        const widths = b.head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
        out.push(c.bold(b.head.map((x, i) => x.padEnd(widths[i]!)).join("  ").trimEnd()));
        for (const r of b.rows) {
          out.push(r.map((x, j) => paint(x, c) + " ".repeat(Math.max(0, widths[j]! - plain(x).length))).join("  ").trimEnd());
        }
        break;
      }
    }
  }
  return `${out.join("\n")}\n`;
}

const md = (line: Line): string =>
  typeof line === "string" ? line : line.map((s) => (s.tone === "strong" || s.tone === "bad" || s.tone === "good" ? `**${s.text}**` : s.text)).join("");
const cell = (line: Line) => md(line).replace(/\|/g, "\\|");

export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        out.push(`${"#".repeat(b.level)} ${b.text}`, "");
        break;
      case "para":
        out.push(md(b.line), "");
        break;
      case "bullets":
        out.push(...b.items.map((i) => `- ${md(i)}`), "");
        break;
      case "table":
        out.push(`| ${b.head.join(" | ")} |`, `|${b.head.map(() => "---").join("|")}|`, ...b.rows.map((r) => `| ${r.map(cell).join(" | ")} |`), "");
        break;
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
