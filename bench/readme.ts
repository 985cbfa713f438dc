/**
 * bench/README.md's result section is generated from bench/results/reference.json, so the
 * README cannot state numbers the reference run did not measure. `npm run bench:readme`
 * re-renders it from the committed reference; `npm run bench -- --write-readme` makes a new
 * reference run first. __tests__/bench/readme.test.ts fails when the two disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../tools/project';
import type { BenchResult } from './benchmark';
import { budgets, fmt, ratioText } from './report';

export const README = join(PROJECT_ROOT, 'bench', 'README.md');
export const REFERENCE = join(PROJECT_ROOT, 'bench', 'results', 'reference.json');
export const START = '<!-- bench-results:start -->';
export const END = '<!-- bench-results:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The generated section: the run's sizes, every comparison, and the budgets at that size. */
function renderResults(r: BenchResult): string {
  const s = r.sizes;
  const p = r.subjects.product;
  const n = r.subjects.naive;
  if (!p || !n) throw new Error('the reference run needs both subjects (no --only)');
  const rows = r.comparisons.map((c) => `| ${cell(c.workload)} | ${cell(c.metric)} | ${fmt(c.product)} | ${fmt(c.naive)} | ${ratioText(c)} | ${c.better} |`);
  return [
    '<!-- generated from bench/results/reference.json by `npm run bench:readme`: do not edit by hand -->',
    `Reference run: ${fmt(s.customers)} customers + ${fmt(s.contacts)} contacts (seed ${s.seed}), ${fmt(s.changed)} changed records, ${fmt(s.edits)} edits of one record.`,
    '',
    '| workload | metric (lower is better) | product | naive | naive ÷ product | better |',
    '|---|---|---:|---:|---:|---|',
    ...rows,
    '',
    `Full sync: the product spent ${fmt(p.fullSync.units)} units, ${fmt(p.fullSync.posts)} POSTs and ${fmt(p.fullSync.mapReduceInvocations)} map + reduce invocations ` +
      `(${fmt(p.fullSync.allInvocations)} with getInputData and summarize); the baseline ${fmt(n.fullSync.units)} units, ${fmt(n.fullSync.posts)} POSTs and ` +
      `${fmt(n.fullSync.mapReduceInvocations)} map invocations. Both landed ${fmt(p.fullSync.expectedLanded)} records (every customer, and every contact with a company).`,
    '',
    `Changed records: the product spent ${fmt(p.changedRecords.saveUnits)} units inside the saves and ${fmt(p.changedRecords.backgroundUnits)} in the drain, with ` +
      `${fmt(p.changedRecords.posts)} POSTs; the baseline ${fmt(n.changedRecords.saveUnits)} units inside the saves and ${fmt(n.changedRecords.posts)} POSTs.`,
    '',
    `Budgets at this size: ${budgets(p).join('; ')}.`,
  ].join('\n');
}

/** README with the text between the markers replaced; throws when the markers are missing. */
export function withResults(readme: string, r: BenchResult): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`bench/README.md lacks the result markers:\n${START}\n${END}`);
  return `${readme.slice(0, start + START.length)}\n${renderResults(r)}\n${readme.slice(end)}`;
}

export function readReference(file = REFERENCE): BenchResult {
  return JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
}

export function writeReadme(r: BenchResult = readReference(), file = README): void {
  writeFileSync(file, withResults(readFileSync(file, 'utf8'), r));
}

if (require.main === module) {
  writeReadme();
  console.log(`bench/README.md: results rendered from ${REFERENCE}`);
}
