/**
 * Runs every workload against the product and the naive baseline on the same seeded account
 * and compares them. Everything compared is a count (usage units, invocations, HTTPS calls,
 * POSTs): the runtime meters governance deterministically, so the same sizes give the same
 * numbers on any machine. Wall time is recorded as information only.
 */
import { readFileSync } from 'node:fs';
import { startNaive, startProduct, type Subject, type SubjectName, type SubjectOptions } from './subjects';
import { changedRecords, fullSync, hundredEdits, oneSave, reconcileAfterSync, typicalCustomers, type ChangedRecordsResult, type FullSyncResult, type HundredEditsResult, type OneSaveResult, type ReconcileResult } from './workloads';

export const RESULT_FORMAT = 'freshsync-bench/1';

export interface BenchOptions {
  customers: number;
  contacts: number;
  /** Records changed by the bulk edit of workload (c). */
  changed: number;
  /** Edits of one record in workload (d). */
  edits: number;
  seed?: number;
  /** Run one subject only (no comparisons then). */
  only?: SubjectName;
  /** Progress lines (the CLI prints them; tests stay quiet). */
  progress?: (line: string) => void;
}

export interface SubjectResult {
  fullSync: FullSyncResult;
  /** A reconcile right after the full sync; null for the baseline, which has none. */
  reconcile: ReconcileResult | null;
  oneSave: OneSaveResult;
  hundredEdits: HundredEditsResult;
  changedRecords: ChangedRecordsResult;
  /** ERROR lines in the execution log during the run. */
  scriptErrors: number;
  /**
   * Peak resident memory in MB (information only, never compared): the benchmark's own process
   * (runtime and SuiteApp; its peak so far, so a second subject includes the first's: use --only)
   * and this subject's fake Freshsuccess process.
   */
  peakRssMb: { runtime: number; fake: number | null };
}

export interface Comparison {
  workload: string;
  metric: string;
  product: number;
  naive: number;
  /** naive ÷ product: how many times more the baseline spends; null when the product spends none. */
  ratio: number | null;
  /** Lower is better for every metric here. */
  better: SubjectName | 'same';
}

export interface BenchResult {
  format: typeof RESULT_FORMAT;
  sizes: { customers: number; contacts: number; records: number; changed: number; edits: number; seed: number };
  /** Both subjects, or the one asked for with `only`. */
  subjects: Partial<Record<SubjectName, SubjectResult>>;
  /** Empty when only one subject ran. */
  comparisons: Comparison[];
  /** Not deterministic; never compared. */
  info: { generatedAt: string; node: string; wallMs: Partial<Record<SubjectName, number>> };
}

const DEFAULT_SEED = 20260105;

/** This process's peak resident memory so far, in MB. */
const peakSoFar = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function measureSubject(s: Subject, options: BenchOptions, say: (line: string) => void): Promise<SubjectResult> {
  // Each step says the peak memory reached before it, so a peak can be told to its workload.
  const progress = (line: string) => say(`${line} (peak RSS so far ${peakSoFar()} MB)`);
  const errorsBefore = s.account.rt.logs.filter((l) => l.level === 'ERROR').length;
  progress(`${s.name}: full sync of ${s.sample.counts.customers + s.sample.counts.contacts} records`);
  const full = await fullSync(s);
  if (s.runReconcile) progress(`${s.name}: reconcile of the synced account`);
  const reconciled = await reconcileAfterSync(s);
  const [saveTarget, editTarget] = typicalCustomers(s);
  if (saveTarget === undefined || editTarget === undefined) throw new Error('the sample account has fewer than two active company customers; seed more customers');
  progress(`${s.name}: one UI save`);
  const save = await oneSave(s, saveTarget);
  progress(`${s.name}: ${options.edits} edits of one customer`);
  const edits = await hundredEdits(s, editTarget, options.edits);
  progress(`${s.name}: bulk change of ${options.changed} records`);
  const changes = await changedRecords(s, options.changed, [saveTarget, editTarget]);
  const errors = s.account.rt.logs.filter((l) => l.level === 'ERROR').slice(errorsBefore);
  const peakRssMb = { runtime: peakSoFar(), fake: peakRssOf(s.account.fakePid) };
  const result = { fullSync: full, reconcile: reconciled, oneSave: save, hundredEdits: edits, changedRecords: changes, scriptErrors: errors.length, peakRssMb };
  checkDelivered(s.name, result, errors.slice(0, 3).map((l) => `${l.scriptId}: ${l.title}: ${errorName(l.details)}`));
  return result;
}

/** A process's peak resident memory in MB (Linux /proc VmHWM); null where that is not available. */
function peakRssOf(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}

/** The error's name from a logged SuiteScriptError (JSON details), else the start of the details. */
function errorName(details: unknown): string {
  const text = String(details ?? '');
  try {
    const parsed = JSON.parse(text) as { name?: unknown; message?: unknown };
    if (parsed && typeof parsed === 'object' && parsed.name) return `${String(parsed.name)} ${String(parsed.message ?? '')}`.slice(0, 300);
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, 300);
}

/** A subject that lost data has no meaningful cost: refuse to report it. */
function checkDelivered(name: SubjectName, r: SubjectResult, errors: string[]): void {
  const problems: string[] = [];
  const landed = r.fullSync.accountsLanded + r.fullSync.contactsLanded;
  if (landed !== r.fullSync.expectedLanded) problems.push(`full sync landed ${landed} of ${r.fullSync.expectedLanded} records`);
  if (r.reconcile && r.reconcile.differences !== 0) problems.push(`a reconcile right after the full sync found ${r.reconcile.differences} differences (-1: it did not finish)`);
  if (!r.oneSave.landed) problems.push('the saved customer did not reach Freshsuccess');
  if (!r.hundredEdits.landed) problems.push('the last of the edits did not reach Freshsuccess');
  if (r.changedRecords.delivered !== r.changedRecords.changed) problems.push(`${r.changedRecords.delivered} of ${r.changedRecords.changed} changed records reached Freshsuccess`);
  if (problems.length) {
    const logged = errors.length ? `\nscript errors logged:\n  ${errors.join('\n  ')}` : '';
    throw new Error(`${name}: ${problems.join('; ')}${logged}`);
  }
}

function compare(workload: string, metric: string, product: number, naive: number): Comparison {
  const ratio = product === 0 ? null : Math.round((naive / product) * 100) / 100;
  const better = product === naive ? 'same' : product < naive ? 'product' : 'naive';
  return { workload, metric, product, naive, ratio, better };
}

export function comparisons(p: SubjectResult, n: SubjectResult): Comparison[] {
  return [
    compare('one UI save', 'HTTPS calls inside the save', p.oneSave.httpCalls, n.oneSave.httpCalls),
    compare('one UI save', 'units inside the save', p.oneSave.units, n.oneSave.units),
    compare('one UI save', 'units until in Freshsuccess', p.oneSave.totalUnits, n.oneSave.totalUnits),
    compare('full sync', 'units per 1,000 records', p.fullSync.unitsPer1000, n.fullSync.unitsPer1000),
    compare('full sync', 'POSTs per 1,000 records', p.fullSync.postsPer1000, n.fullSync.postsPer1000),
    compare('full sync', 'map+reduce invocations per 1,000', p.fullSync.mapReduceInvocationsPer1000, n.fullSync.mapReduceInvocationsPer1000),
    compare('changed records', 'POSTs per 1,000 changed', p.changedRecords.postsPer1000, n.changedRecords.postsPer1000),
    compare('changed records', 'HTTPS calls inside saves per 1,000', per1000Of(p.changedRecords, 'httpCallsInSaves'), per1000Of(n.changedRecords, 'httpCallsInSaves')),
    compare('changed records', 'units inside saves per 1,000', p.changedRecords.saveUnitsPer1000, n.changedRecords.saveUnitsPer1000),
    compare('changed records', 'background units per 1,000 (drain)', p.changedRecords.backgroundUnitsPer1000, n.changedRecords.backgroundUnitsPer1000),
    compare('changed records', 'total units per 1,000', p.changedRecords.totalUnitsPer1000, n.changedRecords.totalUnitsPer1000),
    compare('edits of one record', 'pushes of the record', p.hundredEdits.pushes, n.hundredEdits.pushes),
    compare('edits of one record', 'writes in Freshsuccess', p.hundredEdits.writes, n.hundredEdits.writes),
    compare('edits of one record', 'units', p.hundredEdits.units, n.hundredEdits.units),
  ];
}

function per1000Of(r: ChangedRecordsResult, key: 'httpCallsInSaves'): number {
  return r.changed === 0 ? 0 : Math.round((r[key] * 100_000) / r.changed) / 100;
}

const totalWall = (r: SubjectResult) => r.fullSync.wallMs + r.oneSave.wallMs + r.hundredEdits.wallMs + r.changedRecords.wallMs;

export async function runBenchmark(options: BenchOptions): Promise<BenchResult> {
  for (const [k, v] of Object.entries({ customers: options.customers, contacts: options.contacts, changed: options.changed, edits: options.edits })) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${k} must be a positive integer, got ${v}`);
  }
  if (options.customers < 4) throw new Error('customers must be at least 4 (two are edited on their own, the rest in bulk)');
  if (options.changed > options.customers + options.contacts - 2) throw new Error(`changed (${options.changed}) exceeds the records available for the bulk change`);
  const seed = options.seed ?? DEFAULT_SEED;
  const progress = options.progress ?? (() => undefined);
  const subjectOptions: SubjectOptions = { customers: options.customers, contacts: options.contacts, seed };
  const results: Partial<Record<SubjectName, SubjectResult>> = {};
  const starts = { product: startProduct, naive: startNaive };
  for (const name of options.only ? [options.only] : (['product', 'naive'] as const)) {
    const s = await starts[name](subjectOptions);
    try {
      results[s.name] = await measureSubject(s, options, progress);
    } finally {
      await s.stop();
    }
  }
  const ran = Object.values(results);
  const wallMs: Partial<Record<SubjectName, number>> = {};
  for (const [name, r] of Object.entries(results)) wallMs[name as SubjectName] = totalWall(r);
  return {
    format: RESULT_FORMAT,
    sizes: { customers: options.customers, contacts: options.contacts, records: options.customers + options.contacts, changed: ran[0]!.changedRecords.changed, edits: options.edits, seed },
    subjects: results,
    comparisons: results.product && results.naive ? comparisons(results.product, results.naive) : [],
    info: { generatedAt: new Date().toISOString(), node: process.version, wallMs },
  };
}
