/** Wires the use cases to the fakes, the way the entry points wire them to NetSuite. */
import { captureChange, type SavedRecord } from '../../../src/TypeScript/app/captureChange';
import { finishDrain, planDrain, type DrainTask } from '../../../src/TypeScript/app/drain';
import { pushBatch, type BatchResult } from '../../../src/TypeScript/app/pushBatch';
import type { SaveTimeLookup } from '../../../src/TypeScript/app/ports';
import type { RawConfig } from '../../../src/TypeScript/domain/config';
import type { EntityKeys } from '../../../src/TypeScript/domain/types';
import { FreshsuccessClient } from '../../../src/TypeScript/freshsuccess/client';
import { CountingTrigger, FakeClock, FakeConfig, MemoryLog, MemoryOutbox, MemorySnapshots, MemoryState, MiniFreshsuccess } from './fakes';

export class World {
  clock = new FakeClock();
  config: FakeConfig;
  state = new MemoryState();
  outbox = new MemoryOutbox();
  snapshots = new MemorySnapshots();
  trigger = new CountingTrigger('submitted', this.state);
  log = new MemoryLog();
  fs = new MiniFreshsuccess();
  lookups = 0;
  random = () => 0.5;
  lookup: SaveTimeLookup = {
    currentValues: (kind, id, fields) => {
      this.lookups++;
      const current: Record<string, unknown> = kind === 'customer' ? { ...(this.current.get(`customer:${id}`) ?? {}) } : { ...(this.current.get(`contact:${id}`) ?? {}) };
      return Object.fromEntries(fields.map((f) => [f, current[f] as string]));
    },
    companyKeys: (companyId): EntityKeys => {
      this.lookups++;
      const s = this.snapshots.customers.get(companyId);
      return s ? s.keys : { id: companyId, entityId: '', customKey: '' };
    },
  };
  /** Current field values of records, for inline-edit lookups. */
  current = new Map<string, Record<string, unknown>>();

  constructor(raw: RawConfig = {}) {
    this.config = new FakeConfig(raw);
  }

  capture(saved: Partial<SavedRecord> & Pick<SavedRecord, 'kind' | 'id' | 'type'>) {
    return captureChange({ oldValues: null, newValues: null, executionContext: 'USERINTERFACE', ...saved }, { config: this.config, outbox: this.outbox, lookup: this.lookup, trigger: this.trigger, clock: this.clock });
  }

  client(): FreshsuccessClient {
    return new FreshsuccessClient(this.fs, this.config.config.region, () => this.clock.now());
  }

  /**
   * One drain run as the Map/Reduce driver would do it: plan, push account batches (map), then
   * contact batches (reduce, after every map), then summarize. `crash` names batch keys whose
   * invocation dies before pushing (an uncaught error).
   */
  drain(options: { crash?: (key: string) => boolean; restarted?: boolean } = {}) {
    const plan = planDrain({ config: this.config, state: this.state, outbox: this.outbox, snapshots: this.snapshots, clock: this.clock, log: this.log });
    const results: BatchResult[] = [];
    const failedKeys: string[] = [];
    const notices = new Map<string, Record<string, number>>();
    const run = (key: string, task: DrainTask) => {
      if (!task.batch) return;
      if (options.crash?.(key)) {
        failedKeys.push(key);
        return;
      }
      const r = pushBatch(task.batch, task.config, { client: this.client(), outbox: this.outbox, state: this.state, snapshots: this.snapshots, clock: this.clock, random: this.random, log: this.log, restarted: options.restarted ?? false, waitFor: notices.get(key) });
      // Clean account batches report nothing (no extra reduce invocation); contacts always do.
      if (task.batch.kind === 'contacts' || r.retried + r.dead > 0 || r.paused) results.push(r);
      // As map does: companies that did not land hold back their contacts' batches.
      for (const [company, keys] of Object.entries(task.dependents ?? {})) {
        const due = r.retryAt[company];
        if (due !== undefined) for (const k of keys) notices.set(k, { ...(notices.get(k) ?? {}), [company]: due });
      }
    };
    const keys = Object.keys(plan.tasks);
    for (const key of keys) if (plan.tasks[key]?.batch?.kind !== 'contacts') run(key, plan.tasks[key] as DrainTask);
    for (const key of keys) if (plan.tasks[key]?.batch?.kind === 'contacts') run(key, plan.tasks[key] as DrainTask);
    const finish = finishDrain({ keys, failedKeys, results }, { state: this.state, outbox: this.outbox, trigger: this.trigger, clock: this.clock, log: this.log });
    return { plan, results, finish };
  }
}
