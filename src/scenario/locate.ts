import type { Document, LineCounter, Node } from "yaml";
import { yamlModule } from "./yaml-module.js";
import type { PathSegment, UnplacedIssue } from "./issue.js";

function nodeAt(doc: Document.Parsed, path: readonly PathSegment[]): Node | undefined {
  const { isNode } = yamlModule();
  if (path.length === 0) return (doc.contents ?? undefined) as Node | undefined;
  const found: unknown = doc.getIn(path as PathSegment[], true);
  return isNode(found) ? found : undefined;
}

function keyNode(doc: Document.Parsed, path: readonly PathSegment[]): Node | undefined {
  const { isMap, isScalar } = yamlModule();
  const parent = nodeAt(doc, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  const wanted = String(path[path.length - 1]);
  for (const pair of parent.items) {
    const key = pair.key;
    if (isScalar(key) && String(key.value) === wanted) return key;
  }
  return undefined;
}

/**
 * The 1-based line and column of an issue: the node at its path, or for a path that does
 * not exist in the text (a missing key), the nearest ancestor that does.
 */
export function locate(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  issue: UnplacedIssue,
): { line: number; col: number } {
  if (issue.atKey) {
    const key = keyNode(doc, issue.path);
    if (key?.range) return lineCounter.linePos(key.range[0]);
  }
  for (let n = issue.path.length; n >= 0; n--) {
    const node = nodeAt(doc, issue.path.slice(0, n));
    if (node?.range) return lineCounter.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}
