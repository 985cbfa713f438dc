/**
 * How many Freshsuccess requests one push invocation may make. A map invocation may spend 1,000
 * units (platform facts §1) and each HTTPS request costs 10; what did not land is then written
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

/** Said when the budget ran out: the operation was not sent and is retried by the next run. */
export const BUDGET_USED_UP = 'governance of this run used up before this record was sent; retried next run';
