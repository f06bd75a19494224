import { describe, expect, it } from "vitest";
import { parameterPaths } from "../../src/scenario/overrides.js";
import { testDocPages } from "../helpers/doc-pages-suite.js";
import { docPages } from "../helpers/docs.js";

// Every example of the README and of docs/ runs as shown: a console block's commands print
// what the page says (a line "…" stands for lines left out), a YAML block headed
// "# file: NAME" is a valid scenario ("# file: NAME (with errors)" an invalid one), written
// out for the commands after it on the page, and
// every match-sim command line in a shell block names options its command has.

const pages = docPages();

// docs/what-ifs.md, whose examples take longest, runs in docs-what-ifs.e2e.test.ts.
testDocPages(pages.filter((p) => p.name !== "docs/what-ifs.md"));

describe("the docs together", () => {
  it("link to pages that exist, from the README to every page of docs/", () => {
    const readme = pages.find((p) => p.name === "README.md")!.text;
    for (const page of pages.filter((p) => p.name.startsWith("docs/"))) expect(readme).toContain(`(${page.name})`);
    for (const page of pages) {
      for (const m of page.text.matchAll(/\]\(((?:\.\.\/|docs\/)?[\w./-]+\.md)(#[\w-]+)?\)/g)) {
        const target = page.name.startsWith("docs/") && !m[1]!.startsWith("../") ? `docs/${m[1]}` : m[1]!.replace(/^\.\.\//, "");
        expect(pages.map((p) => p.name), `${page.name} links to ${m[1]}`).toContain(target);
      }
    }
  });

  it("document every model parameter, in docs/model.md", () => {
    const model = pages.find((p) => p.name === "docs/model.md")!.text;
    for (const path of parameterPaths()) {
      const leaf = path.startsWith("opinions.thresholds.") ? "opinions.thresholds.strong" : path;
      expect(model, path).toContain(`\`${leaf}`);
    }
  });

  it("keep the README a front door: at most about 300 lines, quick start first", () => {
    const readme = pages.find((p) => p.name === "README.md")!.text;
    expect(readme.split("\n").length).toBeLessThanOrEqual(320);
    const quick = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split("\n");
    expect(quick).toEqual(["npm install && npx match-sim run scenarios/classroom.yaml", "npm test"]);
  });
});
