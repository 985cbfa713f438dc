/**
 * `tsx tools/sdf/cli.ts [projectDir]`: validates an SDF project offline (default: the repo's src/).
 * Prints `file:line: message [rule]` per problem; exits 1 when any error is found, 2 on bad usage.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatProblem, isError } from './problem';
import { validateProjectReport } from './validate';

const SDF_ROOT = resolve(__dirname, '..', '..', 'src');

function main(argv: string[]): number {
  if (argv.length > 1 || argv[0] === '--help' || argv[0] === '-h') {
    console.error('usage: tsx tools/sdf/cli.ts [projectDir]   (projectDir holds manifest.xml; default src/)');
    return 2;
  }
  const root = argv[0] ? resolve(argv[0]) : SDF_ROOT;
  if (!existsSync(join(root, 'manifest.xml'))) {
    console.error(`${root}: not an SDF project (no manifest.xml)`);
    return 2;
  }
  const { project, problems } = validateProjectReport(root);
  for (const p of problems) console.log(formatProblem(p, relative(process.cwd(), join(root, p.file)) || p.file));
  const errors = problems.filter(isError).length;
  const warnings = problems.length - errors;
  const summary = `SDF offline validation: ${project.objects.length} objects, ${project.xmlFiles.length} XML files, ${project.scripts.length} script files checked`;
  if (errors > 0) {
    console.error(`${summary}: ${errors} error(s), ${warnings} warning(s)`);
    return 1;
  }
  console.log(`${summary}: no errors${warnings ? `, ${warnings} warning(s)` : ''}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
