export type PathSegment = string | number;

/** One positioned problem in a scenario file. Lines and columns are 1-based. */
export interface Issue {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: readonly PathSegment[];
  readonly message: string;
}

/** An issue before it has been given a place in the source text. */
export interface UnplacedIssue {
  readonly path: readonly PathSegment[];
  readonly message: string;
  /** Point at the key itself rather than its value (unknown keys). */
  readonly atKey?: boolean;
}

/** `applicants[2].paper`: indices in brackets, keys after dots. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function formatIssue(issue: Issue): string {
  const where = `${issue.file}:${issue.line}:${issue.col}`;
  return issue.path.length === 0 ? `${where}: ${issue.message}` : `${where} ${formatPath(issue.path)}: ${issue.message}`;
}

/** A value quoted for a one-line message: escapes (a newline stays on the line), at most 60 characters. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}
