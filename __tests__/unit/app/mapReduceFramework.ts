/**
 * NetSuite's Map/Reduce framework in miniature, around the product's own stage functions
 * (app/pushStages.ts): map every input key, shuffle the writes by key (every map before any
 * reduce), reduce each key's values, and hand summarize the keys, their failures and the output.
 * An invocation that throws is FAILED and its writes are lost, as in NetSuite (no `config` export,
 * so nothing is retried in place).
 */
import { mapBatch, reduceBatch, summaryOf, type PushOne, type StageKey, type StageSummary, type StageWrite } from '../../../src/TypeScript/app/pushStages';

function invoke(key: string, run: () => StageWrite[], keys: StageKey[]): StageWrite[] {
  try {
    const writes = run();
    keys.push({ key, failed: false });
    return writes;
  } catch {
    keys.push({ key, failed: true });
    return [];
  }
}

export function runMapReduce(input: Record<string, string>, push: PushOne): StageSummary {
  const mapKeys: StageKey[] = [];
  const shuffled = new Map<string, string[]>();
  for (const [key, value] of Object.entries(input)) {
    for (const w of invoke(key, () => mapBatch(key, value, push), mapKeys)) shuffled.set(w.key, [...(shuffled.get(w.key) ?? []), w.value]);
  }
  const reduceKeys: StageKey[] = [];
  const output: string[] = [];
  for (const key of [...shuffled.keys()].sort()) {
    for (const w of invoke(key, () => reduceBatch(key, shuffled.get(key) ?? [], push), reduceKeys)) output.push(w.value);
  }
  return summaryOf(mapKeys, reduceKeys, output);
}
