/**
 * Which customers are synced: by stage and subsidiary here (pure); a saved-search scope is
 * applied by the search that reads current state, since only NetSuite can evaluate it.
 */
import type { Scope } from './config';
import type { CustomerSnapshot } from './types';

export function stageAndSubsidiaryInScope(stage: string, subsidiary: string, scope: Scope): boolean {
  const stageOk = scope.stages.length === 0 || (scope.stages as string[]).includes(stage.toUpperCase());
  const subsidiaryOk = scope.subsidiaries.length === 0 || scope.subsidiaries.includes(subsidiary);
  return stageOk && subsidiaryOk;
}

export function customerInScope(c: CustomerSnapshot, scope: Scope): boolean {
  return stageAndSubsidiaryInScope(c.stage, c.subsidiary, scope);
}
