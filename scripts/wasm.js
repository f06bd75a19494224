// Assembles the season's WebAssembly kernels from their text (src/season/kernel/*.wat) into
// src/season/kernel/*-bytes.ts, which the build compiles like any module: `npm run wasm`
// after editing a .wat file. A test assembles them again and compares, so the bytes in the
// repository are always those of the text beside them.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import wabtModule from "wabt";

const DIR = fileURLToPath(new URL("../src/season/kernel/", import.meta.url));

/** The binary of a .wat text. */
export async function assemble(text, name) {
  const wabt = await wabtModule();
  const module = wabt.parseWat(name, text, { simd: true });
  try {
    module.validate();
    return Buffer.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

/** The TypeScript module holding a kernel's bytes. */
export function bytesModule(name, bytes) {
  return `// Assembled from ${name} by scripts/wasm.js (npm run wasm): edit the .wat, not this file.\n` +
    `export const BYTES = "${bytes.toString("base64")}";\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".wat"))) {
    const bytes = await assemble(readFileSync(`${DIR}${file}`, "utf8"), file);
    const out = `${DIR}${file.replace(/\.wat$/, "-bytes.ts")}`;
    writeFileSync(out, bytesModule(file, bytes));
    console.log(`${out}: ${bytes.length} bytes`);
  }
}
