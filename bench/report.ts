/** The benchmark's printed table: both subjects side by side, with the ratio and the winner. */
import type { BenchResult, Comparison, SubjectResult } from './benchmark';

export const fmt = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));

export function ratioText(c: Comparison): string {
  if (c.ratio === null) return c.naive === 0 ? '—' : 'none by product';
  return `${fmt(c.ratio)}×`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The product's budgets (docs/architecture.md, "Budgets") checked at this run's size. */
export function budgets(p: SubjectResult): string[] {
  const check = (name: string, value: number, limit: number) => `${name} ${fmt(value)} (≤ ${fmt(limit)} ${value <= limit ? 'met' : 'NOT met'})`;
  return [
    check('one save units', p.oneSave.units, 30),
    `one save HTTPS calls ${p.oneSave.httpCalls} (0 ${p.oneSave.httpCalls === 0 ? 'met' : 'NOT met'})`,
    check('full sync units/1,000', p.fullSync.unitsPer1000, 25),
    check('POSTs/1,000', p.fullSync.postsPer1000, 1.1),
    check('invocations/1,000', p.fullSync.mapReduceInvocationsPer1000, 2),
    check('drain units/1,000 changed', p.changedRecords.backgroundUnitsPer1000, 60),
  ];
}

function reconcileLine(c: NonNullable<SubjectResult['reconcile']>): string {
  return `reconcile right after: ${fmt(c.units)} units, ${fmt(c.gets)} GETs, ${fmt(c.mapReduceInvocations)} map+reduce invocations; per 1,000 records ${fmt(c.unitsPer1000)} units, ${fmt(c.getsPer1000)} GETs, ${fmt(c.mapReduceInvocationsPer1000)} invocations; most stage data ${fmt(Math.round((c.maxStageDataBytes / 1024 / 1024) * 10) / 10)} MB; ${fmt(c.differences)} differences; ${fmt(c.wallMs)} ms.`;
}

/** One subject alone (`--only`): its own figures, no comparison. */
function formatOne(r: BenchResult, name: string, x: SubjectResult): string {
  const s = r.sizes;
  const f = x.fullSync;
  return [
    `FreshSync benchmark — ${name} only — ${fmt(s.customers)} customers + ${fmt(s.contacts)} contacts (seed ${s.seed})`,
    `full sync: ${fmt(f.units)} units, ${fmt(f.posts)} POSTs, ${fmt(f.mapReduceInvocations)} map+reduce invocations; per 1,000 records ${fmt(f.unitsPer1000)} units, ${fmt(f.postsPer1000)} POSTs, ${fmt(f.mapReduceInvocationsPer1000)} invocations; landed ${fmt(f.accountsLanded + f.contactsLanded)} of ${fmt(f.expectedLanded)}; most stage data in one run ${fmt(Math.round(f.maxStageDataBytes / 1024 / 1024))} MB.`,
    ...(x.reconcile ? [reconcileLine(x.reconcile)] : []),
    `one save ${fmt(x.oneSave.units)} units; ${fmt(x.changedRecords.changed)} changed records ${fmt(x.changedRecords.totalUnitsPer1000)} units and ${fmt(x.changedRecords.postsPer1000)} POSTs per 1,000.`,
    ...(name === 'product' ? [`budgets (docs/architecture.md): ${budgets(x).join('; ')}.`] : []),
    `wall time (information only): full sync ${fmt(f.wallMs)} ms; peak memory runtime ${fmt(x.peakRssMb.runtime)} MB, fake ${x.peakRssMb.fake === null ? 'n/a' : `${fmt(x.peakRssMb.fake)} MB`}.`,
  ].join('\n');
}

export function formatReport(r: BenchResult): string {
  const s = r.sizes;
  const p = r.subjects.product;
  const n = r.subjects.naive;
  if (!p || !n) {
    const [name, only] = Object.entries(r.subjects)[0]!;
    return formatOne(r, name, only);
  }
  const rows = [['workload', 'metric (lower is better)', 'product', 'naive', 'naive ÷ product', 'better']];
  for (const c of r.comparisons) rows.push([c.workload, c.metric, fmt(c.product), fmt(c.naive), ratioText(c), c.better]);
  return [
    `FreshSync benchmark — ${fmt(s.customers)} customers + ${fmt(s.contacts)} contacts (seed ${s.seed}); ${fmt(s.changed)} changed records; ${fmt(s.edits)} edits of one record`,
    '',
    table(rows),
    '',
    `full sync: product ${fmt(p.fullSync.units)} units, ${fmt(p.fullSync.posts)} POSTs, ${fmt(p.fullSync.mapReduceInvocations)} map+reduce invocations (${fmt(p.fullSync.allInvocations)} with getInputData/summarize); ` +
      `naive ${fmt(n.fullSync.units)} units, ${fmt(n.fullSync.posts)} POSTs, ${fmt(n.fullSync.mapReduceInvocations)} map invocations. Both landed ${fmt(p.fullSync.expectedLanded)} records.`,
    ...(p.reconcile ? [reconcileLine(p.reconcile)] : []),
    `changed records: product ${fmt(p.changedRecords.saveUnits)} units in saves + ${fmt(p.changedRecords.backgroundUnits)} in the drain, ${fmt(p.changedRecords.posts)} POSTs; ` +
      `naive ${fmt(n.changedRecords.saveUnits)} units in saves, ${fmt(n.changedRecords.posts)} POSTs.`,
    `budgets (docs/architecture.md), product at this size (per-1,000 rates include each run's fixed part, so small sizes overshoot): ${budgets(p).join('; ')}.`,
    `wall time (information only, not compared): product ${fmt(r.info.wallMs.product ?? 0)} ms, naive ${fmt(r.info.wallMs.naive ?? 0)} ms; peak memory runtime ${fmt(n.peakRssMb.runtime)} MB, fake ${fmt(p.peakRssMb.fake ?? 0)} / ${fmt(n.peakRssMb.fake ?? 0)} MB.`,
  ].join('\n');
}
