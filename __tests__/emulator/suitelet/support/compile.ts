/**
 * Compiles fixture scripts the way the product's build does: the compiler options of the
 * project's tsconfig.json (AMD, ES2019, no esModuleInterop), one file at a time, into a
 * temporary File Cabinet folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '../../../..');

function productOptions(): ts.CompilerOptions {
  const file = join(ROOT, 'tsconfig.json');
  const read = ts.readConfigFile(file, (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT);
  return { ...parsed.options, outDir: undefined, rootDir: undefined, declaration: false, sourceMap: false };
}

/** Compiles `source` (a .ts path) to `<outRoot>/<relativeOut>` and returns the built text. */
export function compileFixture(source: string, outRoot: string, relativeOut: string): string {
  const out = ts.transpileModule(readFileSync(source, 'utf8'), { compilerOptions: productOptions(), fileName: source, reportDiagnostics: true });
  const problems = out.diagnostics?.filter((d) => d.category === ts.DiagnosticCategory.Error) ?? [];
  if (problems.length) throw new Error(problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  const target = join(outRoot, relativeOut);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, out.outputText);
  return out.outputText;
}
