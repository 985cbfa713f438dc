/** Wires the use cases to the fakes, the way the entry points wire them to NetSuite. */
import { captureChange, type SavedRecord } from '../../../src/TypeScript/app/captureChange';
import { finishDrain } from '../../../src/TypeScript/app/finishDrain';
import { planDrain } from '../../../src/TypeScript/app/planDrain';
import { pushBatch } from '../../../src/TypeScript/app/pushBatch';
import { stageInput, type PushOne } from '../../../src/TypeScript/app/pushStages';
import type { SaveTimeLookup } from '../../../src/TypeScript/app/ports';
import type { RawConfig } from '../../../src/TypeScript/domain/config';
import type { EntityKeys } from '../../../src/TypeScript/domain/types';
import { FreshsuccessClient } from '../../../src/TypeScript/freshsuccess/client';
import { CountingTrigger, FakeClock, FakeConfig, MemoryLog, MemoryOutbox, MemorySnapshots, MemoryState, MiniFreshsuccess } from './fakes';
import { runMapReduce } from './mapReduceFramework';

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
   * A push wired to the fakes, as netsuite/mapReduceStages.ts wires it to NetSuite. `crash` names
   * batch keys whose invocation dies before pushing (an uncaught error).
   */
  push(options: { crash?: (key: string) => boolean; restarted?: boolean } = {}): PushOne {
    return (batch, config, waitFor) => {
      if (options.crash?.(batch.key)) throw new Error(`batch ${batch.key} crashed`);
      return pushBatch(batch, config, { client: this.client(), outbox: this.outbox, state: this.state, snapshots: this.snapshots, clock: this.clock, random: this.random, log: this.log, restarted: options.restarted ?? false, waitFor });
    };
  }

  /** One drain run through the product's stages: plan, map (accounts), reduce (contacts), summarize. */
  drain(options: { crash?: (key: string) => boolean; restarted?: boolean } = {}) {
    const plan = planDrain({ config: this.config, state: this.state, outbox: this.outbox, snapshots: this.snapshots, clock: this.clock, log: this.log });
    const summary = runMapReduce(stageInput(plan.tasks), this.push(options));
    const finish = finishDrain(summary, { state: this.state, outbox: this.outbox, trigger: this.trigger, clock: this.clock, log: this.log });
    return { plan, results: summary.results, finish };
  }
}
