/**
 * Compiles a fixture script from TypeScript to AMD the way the product build does (tsconfig.json:
 * module AMD, ES2019, no esModuleInterop) and writes it under a File Cabinet folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';

export const APP_FOLDER = '/SuiteApps/com.freshsync.connector';

/** @returns the <scriptfile> path, e.g. '/SuiteApps/com.freshsync.connector/fixtures/mr_fixture.js'. */
export function compileFixture(fileCabinet: string, sourceFile: string, name: string): string {
  const out = ts.transpileModule(readFileSync(sourceFile, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.AMD,
      target: ts.ScriptTarget.ES2019,
      esModuleInterop: false,
      strict: true,
      newLine: ts.NewLineKind.LineFeed,
    },
    fileName: sourceFile,
  });
  const scriptFile = `${APP_FOLDER}/fixtures/${name}.js`;
  const target = join(fileCabinet, scriptFile);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, out.outputText);
  return scriptFile;
}
