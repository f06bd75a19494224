import type { Block } from "../report/document.js";
import { colors, type Io } from "./io.js";
import { outputWidth } from "./output.js";

/** The options every command that prints a document shares. */
export interface DocumentOptions {
  readonly out?: string | undefined;
  readonly wide?: boolean | undefined;
  readonly color?: boolean | undefined;
}

/** Renders a report's document as text (fitted to the terminal), markdown or HTML. */
export async function renderDocument(
  io: Io,
  blocks: readonly Block[],
  format: "text" | "markdown" | "html",
  opts: DocumentOptions,
  title: string,
): Promise<string> {
  const { renderHtml, renderMarkdown, renderText } = await import("../report/document.js");
  if (format === "markdown") return renderMarkdown(blocks);
  if (format === "html") return renderHtml(blocks, title);
  return renderText(blocks, await colors(io, opts), outputWidth(io, opts));
}
