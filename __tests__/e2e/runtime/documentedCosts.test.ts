/**
 * The unit costs the end-to-end tests compute with (support/documentedCosts.ts) are the ones the
 * governance table of docs/netsuite-platform-facts.md §1 lists, so neither can change alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../tools/project';
import { COSTS } from './support/documentedCosts';

const DOC = join(PROJECT_ROOT, 'docs', 'netsuite-platform-facts.md');

/** `| call | units |` rows of the governance table (the first table of §1), by the call column's text. */
function governanceTable(markdown: string): Map<string, string> {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('1. Governance'));
  if (!section) throw new Error(`${DOC} has no "## 1. Governance" section`);
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const m = /^\|\s*(.+?)\s*\|\s*(.+?)\s*\|$/.exec(line.trim());
    if (m && m[1] !== 'call' && !/^-+$/.test(m[1]!)) rows.set(m[1]!, m[2]!);
  }
  return rows;
}

test('the costs used by the e2e tests are the documented ones', () => {
  const table = governanceTable(readFileSync(DOC, 'utf8'));
  expect(table.size).toBeGreaterThanOrEqual(10);
  const row = (call: string) => {
    const v = table.get(call);
    if (v === undefined) throw new Error(`no row ${call} in the governance table`);
    return v;
  };
  expect(row('`record.load` / `create` / `copy` / `submitFields`')).toMatch(new RegExp(`other \\(customer, contact\\) ${COSTS.recordLoadEntity}\\b`));
  expect(row('`ResultSet.each` / `getRange`')).toBe(String(COSTS.resultSetGetRange));
  expect(row('`https.get/post/put/delete/request`')).toBe(String(COSTS.httpsCall));
  expect(row('`task.create` / `MapReduceScriptTask.submit()` / `task.checkStatus`')).toBe(`${COSTS.taskCreate} / ${COSTS.mapReduceSubmit} / 0`);
  expect(row('`search.create`')).toBe(String(COSTS.searchCreate));
  expect(row('`N/log`, `N/runtime`')).toBe(String(COSTS.logAndRuntime));
});
