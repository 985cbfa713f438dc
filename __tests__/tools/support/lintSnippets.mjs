// Lints in-memory snippets with ESLint's API and the project's eslint.config.mjs, and prints each
// snippet's messages as JSON. It runs in its own Node process: ESLint loads the ESM config with a
// dynamic import, which Jest's CommonJS module system cannot do.
// Input on stdin: [{ "filePath": "src/TypeScript/domain/x.ts", "text": "..." }, ...]
import { ESLint } from 'eslint';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const snippets = JSON.parse(input);

const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { filePath, text } of snippets) {
  const [result] = await eslint.lintText(text, { filePath, warnIgnored: true });
  results.push(result.messages.map(({ ruleId, message, line, severity }) => ({ ruleId, message, line, severity })));
}
process.stdout.write(JSON.stringify(results));
