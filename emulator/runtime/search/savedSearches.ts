/**
 * Saved searches of the account: defined by tests (`rt.savedSearches.define`) or by scripts
 * (Search.save), loaded by search.load({id}). Stored as definitions and re-run on each load.
 */
import { SuiteScriptError } from '../errors';

export interface SavedSearchDefinition {
  /** Script id, 'customsearch_...'. */
  id: string;
  type: string;
  title?: string;
  filters?: unknown;
  columns?: unknown;
  isPublic?: boolean;
}

export class SavedSearches {
  private readonly byId = new Map<string, SavedSearchDefinition & { internalId: number }>();
  private nextInternalId = 1000;

  define(def: SavedSearchDefinition): number {
    if (!/^customsearch[a-z0-9_]*$/i.test(def.id)) {
      throw new SuiteScriptError('INVALID_ID', `Saved search id ${def.id} must start with customsearch`);
    }
    const existing = this.byId.get(def.id.toLowerCase());
    const internalId = existing?.internalId ?? this.nextInternalId++;
    this.byId.set(def.id.toLowerCase(), { ...structuredCloneSafe(def), id: def.id.toLowerCase(), internalId });
    return internalId;
  }

  find(idOrInternalId: string | number): (SavedSearchDefinition & { internalId: number }) | undefined {
    const key = String(idOrInternalId).toLowerCase();
    return this.byId.get(key) ?? [...this.byId.values()].find((s) => String(s.internalId) === key);
  }

  remove(idOrInternalId: string | number): boolean {
    const s = this.find(idOrInternalId);
    return s ? this.byId.delete(s.id) : false;
  }

  newId(): string {
    return `customsearch${this.nextInternalId}`;
  }

  /** Every saved search, in internal-id order (the savedsearch search type reads these). */
  all(): Array<SavedSearchDefinition & { internalId: number }> {
    return [...this.byId.values()].sort((a, b) => a.internalId - b.internalId);
  }

  list(): string[] {
    return [...this.byId.keys()];
  }
}

/** Filters and columns may hold Filter/Column objects: keep them, copy the arrays. */
function structuredCloneSafe(def: SavedSearchDefinition): SavedSearchDefinition {
  const copy = (x: unknown): unknown => (Array.isArray(x) ? x.map(copy) : x);
  return { ...def, filters: copy(def.filters), columns: copy(def.columns) };
}
