/**
 * Usage-unit costs as the governance table of docs/netsuite-platform-facts.md §1 states them
 * (from Oracle's Help Center). Tests compute expected totals from these, never from what the
 * runtime reported; documentedCosts.test.ts checks them against that table.
 */
export const COSTS = {
  /** `record.load` / `create` / `copy` / `submitFields`, "other (customer, contact)". */
  recordLoadEntity: 5,
  /** `ResultSet.each` / `getRange`. */
  resultSetGetRange: 10,
  /** `https.get/post/put/delete/request`. */
  httpsCall: 10,
  /** `MapReduceScriptTask.submit()`. */
  mapReduceSubmit: 20,
  /** `task.create`. */
  taskCreate: 0,
  /** `N/log`, `N/runtime`. */
  logAndRuntime: 0,
  /** `search.create`. */
  searchCreate: 0,
} as const;
