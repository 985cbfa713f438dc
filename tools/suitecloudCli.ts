/**
 * Which SuiteCloud CLI runs `npm run deploy`, `validate` and `package`: the project's own
 * (node_modules/.bin/suitecloud, from the optional dependency) when it installed, else one on
 * PATH (a global install), else none, with a message saying how to get one.
 *
 * The optional dependency installs only where its postinstall can run: Node >= 22 (its
 * dependencies require it), SUITECLOUD_CLI_ACCEPT_LICENSE=true, and network access to Oracle's
 * download of the Java jar it wraps. Elsewhere `npm ci` skips it and still succeeds.
 */
import { delimiter, join, resolve } from 'node:path';

export interface CliLookup {
  projectRoot: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}

export type CliResolution = { kind: 'project' | 'global'; path: string } | { kind: 'missing'; message: string };

const INSTALL_HINT =
  'Install it in the project with `SUITECLOUD_CLI_ACCEPT_LICENSE=true npm ci` (Node >= 22, Java 17+, access to Oracle\'s download), ' +
  'or globally with `SUITECLOUD_CLI_ACCEPT_LICENSE=true npm install -g @oracle/suitecloud-cli`; then run `suitecloud account:setup` once.';

function binaryNames(platform: NodeJS.Platform): string[] {
  return platform === 'win32' ? ['suitecloud.cmd', 'suitecloud.exe', 'suitecloud'] : ['suitecloud'];
}

export function resolveSuiteCloudCli(l: CliLookup): CliResolution {
  const names = binaryNames(l.platform);
  const projectBin = resolve(l.projectRoot, 'node_modules', '.bin');
  for (const name of names) {
    const candidate = join(projectBin, name);
    if (l.exists(candidate)) return { kind: 'project', path: candidate };
  }
  // npm run puts the project's .bin first on PATH; it was looked at above, so skip it here.
  const dirs = (l.env.PATH ?? '').split(delimiter).filter((d) => d && resolve(d) !== projectBin);
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (l.exists(candidate)) return { kind: 'global', path: candidate };
    }
  }
  return { kind: 'missing', message: `SuiteCloud CLI not found: neither node_modules/.bin/suitecloud nor a suitecloud on PATH. ${INSTALL_HINT}` };
}
