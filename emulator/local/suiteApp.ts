/**
 * What `npm start` does with the SuiteApp once the account is up: find which of its pieces the
 * project has (config record, full sync and drain Map/Reduce scripts, User Events, Suitelets)
 * and whether each is built, point its config record at the (routed) Freshsuccess host and the
 * API secret, run the initial full sync by task submission, then make a few edits in the UI and
 * let the drain push them. Ids come from the product's own schema module, so a rename there
 * shows up here at type-check time.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG, SCRIPTS, STATE } from '../../src/TypeScript/netsuite/schema';
import type { LocalAccount } from '../localAccount';
import type { CustomFieldDefinition, ScriptDefinition } from '../runtime/project/definitions';
import type { SampleAccountSummary } from '../seed/sampleAccount';
import { submitAsAdministrator } from './adminConsole';

export interface SuiteAppPieces {
  configType: boolean;
  fullSync: ScriptDefinition | undefined;
  drain: ScriptDefinition | undefined;
  userEvents: ScriptDefinition[];
  suitelets: ScriptDefinition[];
  /** Human-readable list of what is missing or unbuilt. */
  missing: string[];
}

function built(account: LocalAccount, s: ScriptDefinition): boolean {
  const file = s.scriptFile.startsWith('/') ? s.scriptFile : `/${s.scriptFile}`;
  return s.scriptFile !== '' && existsSync(join(account.rt.sdfRoot, 'FileCabinet', file));
}

export function findSuiteAppPieces(account: LocalAccount): SuiteAppPieces {
  const { project } = account.rt;
  const script = (id: string) => project.scripts.find((s) => s.scriptId === id);
  const ours = project.scripts.filter((s) => s.scriptId.startsWith('customscript_fsc_'));
  const pieces: SuiteAppPieces = {
    configType: project.customRecordTypes.some((t) => t.scriptId === CONFIG.type),
    fullSync: script(SCRIPTS.fullSync.scriptId),
    drain: script(SCRIPTS.drain.scriptId),
    userEvents: ours.filter((s) => s.scriptType === 'USEREVENT'),
    suitelets: ours.filter((s) => s.scriptType === 'SUITELET'),
    missing: [],
  };
  const missing = pieces.missing;
  if (!pieces.configType) missing.push(`config record type ${CONFIG.type} (src/Objects/${CONFIG.type}.xml)`);
  if (!pieces.fullSync) missing.push(`full-sync Map/Reduce ${SCRIPTS.fullSync.scriptId}`);
  if (!pieces.drain) missing.push(`drain Map/Reduce ${SCRIPTS.drain.scriptId}`);
  if (pieces.userEvents.length === 0) missing.push('User Event scripts (customscript_fsc_ue_*) on customer and contact');
  if (pieces.suitelets.length === 0) missing.push('a config Suitelet (customscript_fsc_sl_*)');
  for (const s of ours) if (!built(account, s)) missing.push(`built file ${s.scriptFile} of ${s.scriptId}`);
  return pieces;
}

/** Value for a config field: list-backed selects take the list entry whose name or id matches. */
function fieldValue(account: LocalAccount, field: CustomFieldDefinition, wanted: string | boolean): unknown {
  if (typeof wanted === 'boolean') return field.fieldType === 'CHECKBOX' ? wanted : wanted ? 'T' : 'F';
  if (field.fieldType === 'SELECT' && field.selectRecordType?.startsWith('customlist')) {
    const rows = account.rt.store.rows(field.selectRecordType);
    const w = wanted.toLowerCase();
    const hit = rows.find((r) => String(r.values.name).toLowerCase() === w || String(r.values.scriptid ?? '').toLowerCase().endsWith(w));
    if (!hit) throw new Error(`config field ${field.scriptId}: no entry "${wanted}" in ${field.selectRecordType}`);
    return hit.id;
  }
  return wanted;
}

/**
 * Creates (or updates) the config record through the UI, as an admin would: enabled, the
 * tenant's region, the API secret's id (never the key), contacts synced. Fields the record
 * type does not have are left out. Returns the record id.
 */
export function configureSuiteApp(account: LocalAccount, region: 'us' | 'eu'): number {
  const type = account.rt.project.customRecordTypes.find((t) => t.scriptId === CONFIG.type);
  if (!type) throw new Error(`the project has no ${CONFIG.type}`);
  const wanted: [string, string | boolean][] = [
    [CONFIG.enabled, true],
    [CONFIG.region, region],
    [CONFIG.secretRef, account.secretId],
    [CONFIG.syncContacts, true],
  ];
  const values: Record<string, unknown> = {};
  if (type.includeName) values.name = 'Freshsuccess (local)';
  for (const [id, v] of wanted) {
    const field = type.fields.find((f) => f.scriptId === id);
    if (field) values[id] = fieldValue(account, field, v);
  }
  const existing = account.rt.store.rows(CONFIG.type)[0];
  return existing ? account.rt.ui.update(CONFIG.type, existing.id, values) : account.rt.ui.create(CONFIG.type, values);
}

/** Submits the full sync as the administrator and runs the queue until it drains. */
export function runFullSync(account: LocalAccount, script: ScriptDefinition): string {
  const deployment = script.deployments.find((d) => d.scriptId === SCRIPTS.fullSync.onDemand) ?? script.deployments.find((d) => d.status === 'NOTSCHEDULED');
  const taskId = submitAsAdministrator(account, { scriptId: script.scriptId, deploymentId: deployment?.scriptId });
  account.processQueue();
  return taskId;
}

export interface EditsMade {
  renamed: { id: number; name: string }[];
  phoneChanged: { id: number; phone: string }[];
  contactsDeactivated: number[];
  created: { id: number; name: string }[];
}

/** A few everyday UI edits on the seeded data, to show changes flowing through the drain. */
export function makeSampleEdits(account: LocalAccount, seeded: SampleAccountSummary): EditsMade {
  const { rt } = account;
  const activeCompanies = seeded.customers.filter((id) => {
    const v = rt.store.get('customer', id).values;
    return v.isinactive !== true && v.isperson !== true;
  });
  const made: EditsMade = { renamed: [], phoneChanged: [], contactsDeactivated: [], created: [] };
  const [a, b, c] = activeCompanies;
  if (a !== undefined) {
    const name = `${String(rt.store.get('customer', a).values.companyname)} (renamed)`;
    rt.ui.update('customer', a, { companyname: name });
    made.renamed.push({ id: a, name });
  }
  for (const id of [b, c]) {
    if (id === undefined) continue;
    const phone = `+1 415 555 ${String(1000 + id).slice(-4)}`;
    rt.ui.inlineEdit('customer', id, { phone });
    made.phoneChanged.push({ id, phone });
  }
  const contact = seeded.contacts.find((id) => rt.store.get('contact', id).values.isinactive !== true);
  if (contact !== undefined) {
    rt.ui.update('contact', contact, { isinactive: true });
    made.contactsDeactivated.push(contact);
  }
  const name = 'Nouvelle Société Locale SAS';
  made.created.push({ id: rt.ui.create('customer', { companyname: name, subsidiary: '1', email: 'contact@nouvelle-societe.example' }), name });
  return made;
}

/**
 * What a finished drain or full sync says it did (the run statistics its summarize wrote on the
 * state record), for the live console; '' for other scripts.
 */
export function describePushRun(account: LocalAccount, scriptId: string): string {
  if (scriptId !== SCRIPTS.drain.scriptId && scriptId !== SCRIPTS.fullSync.scriptId) return '';
  const raw = account.rt.store.rows(STATE.type)[0]?.values[STATE.lastRun];
  if (typeof raw !== 'string' || raw === '') return '';
  const run = JSON.parse(raw) as Partial<Record<'sent' | 'retried' | 'dead' | 'skipped' | 'warnings', number>>;
  return `records pushed ${run.sent ?? 0}, to retry ${run.retried ?? 0}, dead letters ${run.dead ?? 0}, skipped ${run.skipped ?? 0}, warnings ${run.warnings ?? 0}`;
}
