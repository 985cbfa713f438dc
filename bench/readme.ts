/**
 * bench/README.md's result section is generated from bench/results/reference.json, so the
 * README cannot state numbers the reference run did not measure. `npm run bench:readme`
 * re-renders it from the committed reference; `npm run bench -- --write-readme` makes a new
 * reference run first. __tests__/bench/readme.test.ts fails when the two disagree.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../tools/project';
import type { BenchResult } from './benchmark';
import { budgets, fmt, ratioText } from './report';

export const README = join(PROJECT_ROOT, 'bench', 'README.md');
export const REFERENCE = join(PROJECT_ROOT, 'bench', 'results', 'reference.json');
export const START = '<!-- bench-results:start -->';
export const END = '<!-- bench-results:end -->';
const SCALE_DIR = join(PROJECT_ROOT, 'bench', 'results');
export const SCALE_START = '<!-- bench-scale:start -->';
export const SCALE_END = '<!-- bench-scale:end -->';

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
    ...(p.reconcile
      ? [
          `Reconcile right after the full sync (the product only; the baseline has none): ${fmt(p.reconcile.units)} units, ${fmt(p.reconcile.gets)} GETs and ` +
            `${fmt(p.reconcile.mapReduceInvocations)} map + reduce invocations; most stage data in one run ${fmt(Math.round((p.reconcile.maxStageDataBytes / 1024) * 10) / 10)} kB; ${fmt(p.reconcile.differences)} differences found.`,
          '',
        ]
      : []),
    `Changed records: the product spent ${fmt(p.changedRecords.saveUnits)} units inside the saves and ${fmt(p.changedRecords.backgroundUnits)} in the drain, with ` +
      `${fmt(p.changedRecords.posts)} POSTs; the baseline ${fmt(n.changedRecords.saveUnits)} units inside the saves and ${fmt(n.changedRecords.posts)} POSTs.`,
    '',
    `Budgets at this size: ${budgets(p).join('; ')}.`,
  ].join('\n');
}

/** The text between two markers replaced; throws when the markers are missing. */
function between(readme: string, startMark: string, endMark: string, text: string): string {
  const start = readme.indexOf(startMark);
  const end = readme.indexOf(endMark);
  if (start < 0 || end < start) throw new Error(`bench/README.md lacks the markers:\n${startMark}\n${endMark}`);
  return `${readme.slice(0, start + startMark.length)}\n${text}\n${readme.slice(end)}`;
}

/** README with the reference run's section rendered. */
export function withResults(readme: string, r: BenchResult): string {
  return between(readme, START, END, renderResults(r));
}

/** The product's run before the baseline's of the same size. */
const subjectOrder = (r: BenchResult): number => (r.subjects.product ? 0 : 1);

/** The committed scale runs (bench/results/scale-*.json), smallest first. */
export function readScaleRuns(dir = SCALE_DIR): BenchResult[] {
  return readdirSync(dir)
    .filter((f) => /^scale-.*\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as BenchResult)
    .sort((a, b) => a.sizes.records - b.sizes.records || a.sizes.contacts - b.sizes.contacts || subjectOrder(a) - subjectOrder(b));
}

const mb = (bytes: number) => fmt(Math.round((bytes / 1024 / 1024) * 10) / 10);
const size = (r: BenchResult) => `${fmt(r.sizes.customers)} + ${fmt(r.sizes.contacts)}`;

/** The scale table: one row per run and subject, then the 10× ratios between runs of one subject. */
function renderScale(runs: readonly BenchResult[]): string {
  const rows: string[] = [];
  const reconciles: string[] = [];
  const ratios: string[] = [];
  for (const r of runs) {
    for (const [name, x] of Object.entries(r.subjects)) {
      if (!x) continue;
      const f = x.fullSync;
      const c = x.reconcile;
      if (c) reconciles.push(`| ${name} | ${size(r)} | ${fmt(Math.round(c.wallMs / 100) / 10)} | ${fmt(c.unitsPer1000)} / ${fmt(c.getsPer1000)} / ${fmt(c.mapReduceInvocationsPer1000)} | ${mb(c.maxStageDataBytes)} | ${fmt(c.differences)} |`);
      rows.push(`| ${name} | ${size(r)} | ${fmt(Math.round(f.wallMs / 100) / 10)} | ${fmt(x.peakRssMb.runtime)} / ${x.peakRssMb.fake === null ? 'n/a' : fmt(x.peakRssMb.fake)} | ${fmt(f.unitsPer1000)} / ${fmt(f.postsPer1000)} / ${fmt(f.mapReduceInvocationsPer1000)} | ${mb(f.maxStageDataBytes)} | ${fmt(f.accountsLanded + f.contactsLanded)} of ${fmt(f.expectedLanded)} |`);
    }
  }
  for (const small of runs) {
    for (const large of runs) {
      if (large.sizes.customers !== small.sizes.customers * 10 || large.sizes.contacts !== small.sizes.contacts * 10) continue;
      for (const name of Object.keys(small.subjects) as Array<keyof BenchResult['subjects']>) {
        const a = small.subjects[name]?.fullSync;
        const b = large.subjects[name]?.fullSync;
        if (!a || !b) continue;
        ratios.push(`- ${name}, ${size(small)} → ${size(large)} (10× the records): full sync wall ×${fmt(Math.round((b.wallMs / a.wallMs) * 10) / 10)}, units ×${fmt(Math.round((b.units / a.units) * 10) / 10)}, POSTs ×${fmt(Math.round((b.posts / a.posts) * 10) / 10)}.`);
      }
    }
  }
  return [
    '<!-- generated from bench/results/scale-*.json by `npm run bench:readme`: do not edit by hand -->',
    '| subject | customers + contacts | full sync wall (s) | peak RSS runtime / fake (MB) | per 1,000 records: units / POSTs / map+reduce invocations | most stage data in one run (MB) | landed |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    ...(ratios.length > 0 ? ratios : ['- (no pair of runs 10× apart)']),
    ...(reconciles.length > 0
      ? [
          '',
          'A reconcile right after the full sync (it must find no difference):',
          '',
          '| subject | customers + contacts | reconcile wall (s) | per 1,000 records: units / GETs / map+reduce invocations | most stage data in one run (MB) | differences found |',
          '|---|---|---:|---:|---:|---:|',
          ...reconciles,
        ]
      : []),
  ].join('\n');
}

/** README with the scale section rendered from the committed scale runs. */
export function withScale(readme: string, runs: readonly BenchResult[]): string {
  return between(readme, SCALE_START, SCALE_END, renderScale(runs));
}

export function readReference(file = REFERENCE): BenchResult {
  return JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
}

export function writeReadme(r: BenchResult = readReference(), file = README): void {
  writeFileSync(file, withScale(withResults(readFileSync(file, 'utf8'), r), readScaleRuns()));
}

if (require.main === module) {
  writeReadme();
  console.log(`bench/README.md: results rendered from ${REFERENCE}`);
}
