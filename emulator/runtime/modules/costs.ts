/** Usage-unit costs (docs/netsuite-platform-facts.md §1). */
import type { CostClass } from '../store/schema';

/** record.load / create / copy / submitFields. */
export const RECORD_READ_COST: Record<CostClass, number> = { transaction: 10, custom: 2, standard: 5 };
/** Record.save / record.delete. */
export const RECORD_WRITE_COST: Record<CostClass, number> = { transaction: 20, custom: 4, standard: 10 };

export const COST = {
  searchRun: 10, // ResultSet.each / getRange (per call)
  searchRunPaged: 5,
  pagedFetch: 5,
  lookupFields: 1,
  searchLoad: 5,
  searchSave: 5,
  searchDelete: 5,
  cacheGet: 1,
  cacheGetLoaderMiss: 2,
  cachePut: 1,
  cacheRemove: 1,
  emailSend: 20,
  emailSendBulk: 10,
} as const;
