/**
 * How many Freshsuccess requests one push invocation may make. A map invocation may spend 1,000
 * units (NetSuite's governance limit for one map invocation) and each HTTPS request costs 10; what did not land is then written
 * (an outbox entry: create 2 + save 4; a closed retry entry: 2), so part of the budget stays
 * for those writes. Reduce allows 5,000 units, so the same numbers are safe there too.
 */
export const MAP_INVOCATION_UNITS = 1000;
export const REQUEST_UNITS = 10;
/** Kept for the invocation's writes: ~65 entries written or closed after its requests. */
export const WRITE_RESERVE_UNITS = 400;
/** 60 requests per invocation. */
export const MAX_REQUESTS_PER_INVOCATION = (MAP_INVOCATION_UNITS - WRITE_RESERVE_UNITS) / REQUEST_UNITS;
/**
 * Non-upsert account operations (DELETE: deactivations and emptied dimensions, one request each)
 * per batch: half the invocation's requests. The other half is for the batch's upsert POST and
 * its 413 / rejection halving (isolating one record in 2,500 takes about 2·log2(2,500) ≈ 23).
 */
export const MAX_SINGLE_REQUESTS_PER_BATCH = MAX_REQUESTS_PER_INVOCATION / 2;

/** Closing a RETRY entry a batch covered: submitFields on a custom record. */
export const CLOSE_UNITS = 2;
/**
 * RETRY entries one account batch (pushed in map) closes after its POST: 100 × 2 = 200 of the
 * 400 units kept for writes, leaving ~33 entry writes (6 each) for what failed. Without a bound,
 * an outage that left one RETRY entry per record put 520 in one batch: 1,040 units of closes alone
 * and SSS_USAGE_LIMIT_EXCEEDED. The plan cuts batches so none closes more (domain/plan.ts).
 */
export const MAX_RETRY_CLOSES_PER_MAP_BATCH = 100;
/** The same for contact batches, pushed in reduce (5,000 units): 1,000 × 2 = 2,000 units. */
export const MAX_RETRY_CLOSES_PER_REDUCE_BATCH = 1000;

/** Said when the budget ran out: the operation was not sent and is retried by the next run. */
export const BUDGET_USED_UP = 'governance of this run used up before this record was sent; retried next run';
