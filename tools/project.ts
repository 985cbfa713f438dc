/** Where the SDF project lives and which SuiteApp id it has, read from src/manifest.xml. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '..');
export const SDF_ROOT = join(PROJECT_ROOT, 'src');

/** `<publisherid>.<projectid>` from the manifest; the File Cabinet folder is named after it. */
export function appId(sdfRoot: string = SDF_ROOT): string {
  const manifest = readFileSync(join(sdfRoot, 'manifest.xml'), 'utf8');
  const publisher = /<publisherid>\s*([^<\s]+)\s*<\/publisherid>/.exec(manifest)?.[1];
  const project = /<projectid>\s*([^<\s]+)\s*<\/projectid>/.exec(manifest)?.[1];
  if (!publisher || !project) throw new Error(`${join(sdfRoot, 'manifest.xml')}: publisherid or projectid missing`);
  return `${publisher}.${project}`;
}

export function suiteAppFolder(sdfRoot: string = SDF_ROOT): string {
  return join(sdfRoot, 'FileCabinet', 'SuiteApps', appId(sdfRoot));
}
