import type { ChalkInstance } from "chalk";
import { boxedTable, fitColumns, visibleLength, wrapCell } from "./table.js";

// A small document model that every text report is built as, and three renderers of it:
// text for a terminal or a projector (fitted to a width, colour where it helps), markdown
// for handouts, and HTML. One model, so the formats cannot disagree.

export type Tone = "plain" | "good" | "bad" | "dim" | "strong";
export interface Span {
  readonly text: string;
  readonly tone?: Tone;
}
export type Line = string | readonly Span[];

export interface TableBlock {
  readonly kind: "table";
  readonly head: readonly string[];
  readonly rows: readonly (readonly Line[])[];
  /** Ruled boxes around cells (the reports' tables) or plain columns (the trace's). */
  readonly boxed?: boolean;
  /** Columns to leave out when the table is too wide, least important first. */
  readonly dropOrder?: readonly number[];
  /** Columns whose text may wrap onto more lines when the table is still too wide. */
  readonly wrap?: readonly number[];
  /** Right-aligned columns (numbers), in markdown. */
  readonly numeric?: readonly number[];
  /** What each column is, where its heading leans on its neighbours ("without"): said when it is left out. */
  readonly longHead?: readonly string[];
}

export type Block =
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: "para"; readonly line: Line }
  | { readonly kind: "bullets"; readonly items: readonly Line[] }
  /** Labelled lines, the labels in a column of their own: a summary. */
  | { readonly kind: "fields"; readonly rows: readonly (readonly [string, Line])[] }
  /** Text whose layout is its meaning (a bar chart): never wrapped or reflowed. */
  | { readonly kind: "pre"; readonly text: string }
  | { readonly kind: "note"; readonly text: string }
  | TableBlock;

export const plain = (line: Line): string => (typeof line === "string" ? line : line.map((s) => s.text).join(""));

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
  const words = text.split(" ");
  const lines: string[] = [];
  let current = "";
  for (const w of words) {
    if (current !== "" && current !== indent && visibleLength(current) + 1 + visibleLength(w) > width) {
      lines.push(current);
      current = indent + w;
    } else current = current === "" ? w : current === indent ? indent + w : `${current} ${w}`;
  }
  if (current !== "") lines.push(current);
  return lines.map((l) => l.trimEnd());
}

const oneLine = (s: string) => s.replace(/\n/g, " ");
const countWord = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function renderTable(b: TableBlock, c: ChalkInstance, width: number): string[] {
  const texts = b.rows.map((r) => r.map(plain));
  // A heading may break over lines ("calls per\nseason"): its widest line counts.
  const longestLine = (x: string) => Math.max(...x.split("\n").map((l) => l.length));
  const natural = b.head.map((h, i) => Math.max(longestLine(h), ...texts.map((r) => longestLine(r[i] ?? ""))));
  const fit = fitColumns(natural, width, b.boxed === true, b.dropOrder, b.wrap);
  const head = fit.kept.map((i) => b.head[i]!);
  const out: string[] = [];
  if (b.boxed === true) {
    const rows = b.rows.map((r) => fit.kept.map((i) => paint(r[i] ?? "", c)));
    out.push(boxedTable(head, rows, fit.widths, c));
  } else {
    const pad = (cell: string, w: number) => cell + " ".repeat(Math.max(0, w - visibleLength(cell)));
    const lines = (cells: readonly string[]) => {
      const wrapped = cells.map((cell, j) => cell.split("\n").flatMap((l) => wrapCell(l, fit.widths[j]!)));
      const height = Math.max(1, ...wrapped.map((x) => x.length));
      return Array.from({ length: height }, (_, k) => wrapped.map((x, j) => pad(x[k] ?? "", fit.widths[j]!)).join("  ").trimEnd());
    };
    out.push(...lines(head).map((l) => c.bold(l)));
    for (const r of b.rows) out.push(...lines(fit.kept.map((i) => paint(r[i] ?? "", c))));
  }
  if (fit.dropped.length > 0) {
    const names = fit.dropped.map((i) => oneLine(b.longHead?.[i] || b.head[i]!)).join(", ");
    out.push(...wrap(c.dim(`(${countWord(fit.dropped.length, "column", "columns")} left out to fit ${width} characters: ${names}; --wide shows all)`), width, ""));
  }
  return out;
}

/** The document as text, every line within `width` characters where words allow. */
export function renderText(blocks: readonly Block[], c: ChalkInstance, width = 100): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        if (out.length > 0 && out[out.length - 1] !== "") out.push("");
        out.push(...wrap(b.text, width, "").map((l) => c.bold(l)));
        if (b.level === 1) out.push(c.bold("=".repeat(Math.min(width, b.text.length))));
        break;
      case "para":
        out.push(...wrap(paint(b.line, c), width, ""));
        break;
      case "note":
        out.push(...wrap(c.dim(b.text), width, ""));
        break;
      case "bullets":
        for (const item of b.items) out.push(...wrap(`• ${paint(item, c)}`, width, "  "));
        break;
      case "fields": {
        const labelWidth = Math.max(...b.rows.map(([label]) => label.length)) + 1;
        const indent = " ".repeat(labelWidth);
        for (const [label, value] of b.rows) out.push(...wrap(`${label.padEnd(labelWidth)}${paint(value, c)}`, width, indent));
        break;
      }
      case "pre":
        out.push(...b.text.split("\n"));
        break;
      case "table":
        out.push(...renderTable(b, c, width));
        break;
    }
  }
  return `${out.join("\n")}\n`;
}

const md = (line: Line): string =>
  typeof line === "string" ? line : line.map((s) => (s.tone === "strong" || s.tone === "bad" || s.tone === "good" ? `**${s.text}**` : s.text)).join("");
const cell = (line: Line) => md(line).replace(/\|/g, "\\|");

/** The document as markdown: every column of every table, for handouts and notes. */
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
      case "note":
        out.push(`*${b.text}*`, "");
        break;
      case "bullets":
        out.push(...b.items.map((i) => `- ${md(i)}`), "");
        break;
      case "fields":
        out.push(...b.rows.map(([label, value]) => `- **${label}** ${md(value)}`), "");
        break;
      case "pre":
        out.push("```", b.text, "```", "");
        break;
      case "table": {
        const align = b.head.map((_, i) => (b.numeric?.includes(i) ? "---:" : "---"));
        out.push(`| ${b.head.map((h) => cell(oneLine(h))).join(" | ")} |`, `|${align.join("|")}|`, ...b.rows.map((r) => `| ${r.map(cell).join(" | ")} |`), "");
        break;
      }
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function html(line: Line): string {
  if (typeof line === "string") return escapeHtml(line);
  return line
    .map((s) => {
      const text = escapeHtml(s.text);
      return s.tone === "strong" ? `<strong>${text}</strong>` : s.tone === "good" || s.tone === "bad" || s.tone === "dim" ? `<span class="${s.tone}">${text}</span>` : text;
    })
    .join("");
}

/** The document as one self-contained HTML page (no script, no link to anything). */
export function renderHtml(blocks: readonly Block[], title: string): string {
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        body.push(`<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case "para":
        body.push(`<p>${html(b.line)}</p>`);
        break;
      case "note":
        body.push(`<p class="dim">${escapeHtml(b.text)}</p>`);
        break;
      case "bullets":
        body.push(`<ul>\n${b.items.map((i) => `<li>${html(i)}</li>`).join("\n")}\n</ul>`);
        break;
      case "fields":
        body.push(`<dl>\n${b.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${html(value)}</dd>`).join("\n")}\n</dl>`);
        break;
      case "pre":
        body.push(`<pre>${escapeHtml(b.text)}</pre>`);
        break;
      case "table": {
        const th = b.head.map((h) => `<th scope="col">${escapeHtml(oneLine(h))}</th>`).join("");
        const tds = (r: readonly Line[]) => r.map((x, i) => `<td${b.numeric?.includes(i) ? ' class="num"' : ""}>${html(x)}</td>`).join("");
        body.push(`<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${b.rows.map((r) => `<tr>${tds(r)}</tr>`).join("\n")}\n</tbody>\n</table>`);
        break;
      }
    }
  }
  const style =
    "body{font:18px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#111}" +
    "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #999;padding:.2rem .6rem;text-align:left}" +
    "td.num{text-align:right}.good{color:#05642f;font-weight:600}.bad{color:#a00;font-weight:600}.dim{color:#555}" +
    "dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dd{margin:0}pre{font-size:16px}";
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${style}</style>\n</head>\n<body>\n<main>\n${body.join("\n")}\n</main>\n</body>\n</html>\n`
  );
}
