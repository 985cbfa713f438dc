/**
 * Runs a SuiteCloud CLI command when the CLI is installed. The CLI is a global install (Oracle's
 * recommendation): its postinstall downloads a Java jar from Oracle and asks for licence
 * acceptance, and 4.x wants Node >= 22, so it cannot be a project dependency that `npm ci`
 * installs on a machine without that network. See README, "Deploying to a real account".
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const probe = spawnSync('suitecloud', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
if (probe.error || probe.status !== 0) {
  const optional = args[0] === 'project:validate';
  const say = optional ? console.warn : console.error;
  say(
    `suitecloud CLI not found: skipped \`suitecloud ${args.join(' ')}\`.\n` +
      'Install it with: SUITECLOUD_CLI_ACCEPT_LICENSE=true npm install -g @oracle/suitecloud-cli (Node >= 22, Java 17+),\n' +
      'then `suitecloud account:setup` once. The offline SDF checks above still ran.',
  );
  process.exit(optional ? 0 : 1);
}
const run = spawnSync('suitecloud', args, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
