/**
 * Which customers are synced: by stage and subsidiary here (pure); a saved-search scope is
 * applied by the search that reads current state, since only NetSuite can evaluate it.
 */
import type { Scope } from './config';
import type { ContactSnapshot, CustomerSnapshot } from './types';

export function stageAndSubsidiaryInScope(stage: string, subsidiary: string, scope: Scope): boolean {
  const stageOk = scope.stages.length === 0 || (scope.stages as string[]).includes(stage.toUpperCase());
  const subsidiaryOk = scope.subsidiaries.length === 0 || scope.subsidiaries.includes(subsidiary);
  return stageOk && subsidiaryOk;
}

export function customerInScope(c: Pick<CustomerSnapshot, 'stage' | 'subsidiary'>, scope: Scope): boolean {
  return stageAndSubsidiaryInScope(c.stage, c.subsidiary, scope);
}

/**
 * A contact follows its company's scope. `companiesInScope` holds the ids of the customers a
 * scoped customer search returned (stage, subsidiary and saved search all applied), so a contact
 * whose company the saved search leaves out is out of scope too; stage and subsidiary are checked
 * here as well, from the company fields joined on the contact.
 */
export function contactInScope(c: { company: { id: string } | null } & Pick<ContactSnapshot, 'companyStage' | 'companySubsidiary'>, scope: Scope, companiesInScope: ReadonlySet<string>): boolean {
  return c.company !== null && companiesInScope.has(c.company.id) && stageAndSubsidiaryInScope(c.companyStage, c.companySubsidiary, scope);
}
