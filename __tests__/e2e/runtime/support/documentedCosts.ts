/**
 * Usage-unit costs as the platform doc's governance table states them (netsuite-platform.md §1,
 * from Oracle's Help Center). Tests compute expected totals from these, never from what the
 * runtime reported; documentedCosts.test.ts checks them against the doc's table when the doc is
 * present next to the repository.
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
