import { docPages } from "../helpers/docs.js";
import { testDocPages } from "../helpers/doc-pages-suite.js";

// The what-if walkthrough's examples, apart from the other pages' so the two run side by side.
testDocPages(docPages().filter((p) => p.name === "docs/what-ifs.md"));
