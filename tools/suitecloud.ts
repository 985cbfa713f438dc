/**
 * Runs a SuiteCloud CLI command with the CLI tools/suitecloudCli.ts finds (the project's own,
 * else a global one). Without any CLI, deploy and package fail with a message saying how to
 * install one; `project:validate --server` is skipped with a warning, because `npm run
 * validate` has already run the offline SDF checks and a server check needs an account anyway.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveSuiteCloudCli } from './suitecloudCli';

const args = process.argv.slice(2);
const cli = resolveSuiteCloudCli({ projectRoot: resolve(__dirname, '..'), env: process.env, platform: process.platform, exists: existsSync });
if (cli.kind === 'missing') {
  const optional = args[0] === 'project:validate';
  (optional ? console.warn : console.error)(`${cli.message}\n${optional ? 'Skipped' : 'Not run'}: suitecloud ${args.join(' ')}`);
  process.exit(optional ? 0 : 1);
}
console.log(`suitecloud (${cli.kind === 'project' ? "the project's" : 'global'}: ${cli.path}) ${args.join(' ')}`);
const run = spawnSync(cli.path, args, { stdio: 'inherit', shell: process.platform === 'win32' });
if (run.error) console.error(`Could not start ${cli.path}: ${run.error.message}`);
process.exit(run.status ?? 1);
