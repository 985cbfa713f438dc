/**
 * The local NetSuite account: record store, project definitions (scripts, deployments, custom
 * records), the AMD loader and the N modules, User Events on every save, governance. Tests,
 * the benchmark and `npm start` drive it; the N/https, N/task and N/ui drivers build on its RuntimeServices side.
 * See emulator/README.md for the API and what is modelled.
 */
import type { Form } from './ui/form';
import { addRecordFields } from './ui/recordPageForm';
import { join } from 'node:path';
import { appId as readAppId, SDF_ROOT } from '../../tools/project';
import { SuiteScriptError } from './errors';
import { ExecutionStack, type ExecutionContextType, type ScriptExecution } from './execution';
import type { UserPreferences } from './format/userPreferences';
import { DEFAULT_PREFERENCES } from './format/userPreferences';
import { usageLimit, UsageLedger } from './governance';
import { DataEntry, type EntryOptions } from './data-entry/dataEntry';
import { AmdLoader } from './loader/amdLoader';
import { checkEntryHeader, checkEntryPoints } from './loader/scriptHeader';
import { ModuleRegistry } from './modules/moduleRegistry';
import { registerCoreModules } from './modules/registerCoreModules';
import { clockDate } from './modules/clockDate';
import { stringifyDetails } from './modules/logModule';
import type { CustomListDefinition, CustomRecordTypeDefinition, DeploymentDefinition, EntityFieldDefinition, LogLevel, ProjectDefinition, RoleDefinition, ScriptDefinition } from './project/definitions';
import { emptyProject, SCRIPT_TYPE_TAG } from './project/definitions';
import { runParameters } from './project/parameters';
import { projectFromSdf } from './project/fromSdfModel';
import { RecordService, type SaveContext } from './record/recordService';
import { mergeCustomers } from './data-entry/merge';
import { type LogEntry, type RunOptions, type RuntimeServices, type ScriptUser, SimulatedClock } from './services';
import { RecordStore } from './store/recordStore';
import { DEFAULT_CUSTOMER_STATUSES } from './store/schema';
import { SchemaRegistry } from './store/schemaRegistry';
import { UserEventDispatcher } from './user-events/userEventDispatcher';
import { SavedSearches } from './search/savedSearches';
import type { SentEmail } from './modules/emailModule';

export interface NetSuiteRuntimeOptions {
  /** SDF project root (holds manifest.xml, Objects/, FileCabinet/); default the repo's src/. */
  sdfRoot?: string;
  /** SuiteApp id; default read from the manifest. */
  appId?: string;
  accountId?: string;
  clock?: SimulatedClock;
  envType?: 'SANDBOX' | 'PRODUCTION' | 'BETA' | 'INTERNAL';
  /** Enabled features (runtime.isFeatureInEffect); default a OneWorld account with scripting. */
  features?: string[];
  /**
   * [open] (platform doc §3): does a CUSTOMER User Event deployment fire for leads and
   * prospects? Default true; LEAD and PROSPECT deployments always fire for their own stage.
   */
  customerUserEventsFireForLeads?: boolean;
  /** [open] (platform doc §3): do User Events fire on a customer merge? Default false. */
  userEventsFireOnMerge?: boolean;
  /** [open]: the deleted-record search columns that hold the deleted record's id; default recordid and internalid. */
  deletedRecordIdColumns?: readonly string[];
  /** Project definitions; default read from `<sdfRoot>/Objects` with the SDF model. */
  project?: ProjectDefinition;
  /**
   * Seeds the scripts' `Math.random` (retry jitter and the like), so a seeded soak replays the
   * same run; default the real Math.random. Only script code sees it.
   */
  randomSeed?: number;
  preferences?: Partial<UserPreferences>;
}

const DEFAULT_FEATURES = ['SERVERSIDESCRIPTING', 'CUSTOMRECORDS', 'TBA', 'SUBSIDIARIES', 'MULTICURRENCY', 'CRM', 'ADVANCEDJOBS'];

export class NetSuiteRuntime implements RuntimeServices {
  readonly executions = new ExecutionStack();
  readonly ledger = new UsageLedger();
  /** The scripts' Math: the real one, or one whose random() is seeded (options.randomSeed). */
  readonly scriptMath: Math;
  readonly clock: SimulatedClock;
  readonly logs: LogEntry[] = [];
  /** Changed only by refreshAsSandbox. */
  accountId: string;
  envType: 'SANDBOX' | 'PRODUCTION' | 'BETA' | 'INTERNAL';
  readonly sdfRoot: string;
  readonly appId: string;
  readonly features: Set<string>;
  readonly preferences: UserPreferences;
  readonly options: { customerUserEventsFireForLeads: boolean; userEventsFireOnMerge: boolean };

  readonly schemas = new SchemaRegistry();
  readonly store: RecordStore;
  readonly project: ProjectDefinition;
  readonly recordService: RecordService;
  readonly userEvents: UserEventDispatcher;
  readonly modules = new ModuleRegistry();
  readonly loader: AmdLoader;
  readonly savedSearches = new SavedSearches();
  /** Messages sent with N/email. */
  readonly emails: SentEmail[] = [];

  /** The administrator every test-side action runs as unless told otherwise. */
  readonly admin: ScriptUser;
  private user: ScriptUser;

  /** Data entry per context: `rt.records` is the UI by default; see also ui, webServices... */
  readonly ui: DataEntry;
  readonly records: DataEntry;
  readonly webServices: DataEntry;
  readonly restWebServices: DataEntry;

  constructor(options: NetSuiteRuntimeOptions = {}) {
    this.sdfRoot = options.sdfRoot ?? SDF_ROOT;
    this.appId = options.appId ?? readAppId(this.sdfRoot);
    this.accountId = options.accountId ?? 'TSTDRV0000001';
    this.clock = options.clock ?? new SimulatedClock();
    this.scriptMath = options.randomSeed === undefined ? Math : seededMath(options.randomSeed);
    this.envType = options.envType ?? 'SANDBOX';
    this.features = new Set((options.features ?? DEFAULT_FEATURES).map((f) => f.toUpperCase()));
    this.preferences = { ...DEFAULT_PREFERENCES, ...options.preferences };
    this.options = {
      customerUserEventsFireForLeads: options.customerUserEventsFireForLeads ?? true,
      userEventsFireOnMerge: options.userEventsFireOnMerge ?? false,
    };
    this.store = new RecordStore(this.schemas, this.clock);
    if (options.deletedRecordIdColumns) this.store.deletedRecordIdColumns = options.deletedRecordIdColumns.map((c) => c.toLowerCase());
    this.project = emptyProject();
    this.seedBaseData();
    this.admin = this.createUser({ firstname: 'Alex', lastname: 'Admin', email: 'admin@example.com', role: '3', roleId: 'administrator' });
    this.user = this.admin;
    const project = options.project ?? loadProjectFromSdf(this.sdfRoot, this.appId);
    for (const t of project.customLists) this.defineCustomList(t);
    for (const t of project.customRecordTypes) this.defineCustomRecordType(t);
    for (const f of project.entityFields) this.defineEntityField(f);
    for (const s of project.scripts) this.defineScript(s);
    for (const r of project.roles ?? []) this.defineRole(r);

    this.userEvents = new UserEventDispatcher({
      project: () => this.project,
      executions: this.executions,
      runScript: (o, body) => this.runScript(o, body),
      logError: (scriptId, deploymentId, e) => this.logUncaught(scriptId, deploymentId, e),
      options: { customerDeploymentsFireForLeads: this.options.customerUserEventsFireForLeads },
    });
    this.recordService = new RecordService(this.store, this.userEvents, () => this.preferences);
    this.loader = new AmdLoader(join(this.sdfRoot, 'FileCabinet'), {
      nModule: (name) => this.modules.get(name),
      globals: () => ({ log: this.modules.get('N/log'), Date: this.scriptDate, Math: this.scriptMath }),
    });
    registerCoreModules(this);

    const entry = (ctx: ExecutionContextType, defaults?: EntryOptions) => new DataEntry(this.recordService, this.store, ctx, () => this.user, defaults, (type, mode, values) => this.pageForm(type, mode, values));
    this.ui = entry('USERINTERFACE');
    this.records = this.ui;
    this.webServices = entry('WEBSERVICES');
    this.restWebServices = entry('RESTWEBSERVICES');
  }

  private readonly scriptDate = clockDate(() => this.clock.nowMs());
  private readonly checkedHeaders = new Set<string>();

  /** Data entry in any execution context (e.g. 'CUSTOMMASSUPDATE', 'WORKFLOW'). */
  as(context: ExecutionContextType, defaults?: EntryOptions): DataEntry {
    return new DataEntry(this.recordService, this.store, context, () => this.user, defaults, (type, mode, values) => this.pageForm(type, mode, values));
  }

  /** The form a record page renders, with the record's fields, when the Suitelet side registered N/ui/serverWidget. */
  private pageForm(type: string, mode: 'view' | 'edit' | 'create' | 'copy', values: Record<string, unknown>): unknown {
    if (!this.modules.has('N/ui/serverWidget')) return null;
    const ui = this.modules.get('N/ui/serverWidget') as { createForm(o: { title: string }): Form };
    const { schema } = this.schemas.resolve(type);
    const name = mode === 'create' ? '' : schema.displayName?.(values) ?? '';
    const form = ui.createForm({ title: name ? `${schema.label}: ${name}` : schema.label });
    addRecordFields(form, schema, values, mode);
    return form;
  }

  /**
   * A CSV import: each row adds a record, or updates one when it has `internalid`. Rows fail on
   * their own (reported, the rest imported), as NetSuite's import job does.
   */
  csvImport(recordType: string, rows: Record<string, unknown>[], options: { runServerScripts: boolean; user?: ScriptUser }) {
    const entry = this.as('CSVIMPORT', { runServerScripts: options.runServerScripts, user: options.user });
    const result = { added: [] as number[], updated: [] as number[], errors: [] as { row: number; message: string }[] };
    rows.forEach((row, i) => {
      const { internalid, ...values } = row;
      try {
        if (internalid !== undefined && internalid !== '') result.updated.push(entry.update(recordType, internalid as string, values));
        else result.added.push(entry.create(recordType, values));
      } catch (e) {
        result.errors.push({ row: i + 1, message: (e as Error).message });
      }
    });
    return result;
  }

  /**
   * A sandbox (or release preview) refreshed from this account: every record, file and setting is
   * copied, the account id is the sandbox's own (e.g. TSTDRV0000001_SB1) and runtime.envType is
   * SANDBOX. Scripts read the new id from then on.
   */
  refreshAsSandbox(accountId: string): void {
    if (!/^[A-Z0-9_]+$/i.test(accountId) || accountId === this.accountId) throw new Error(`refreshAsSandbox: give the sandbox its own account id, not ${JSON.stringify(accountId)}`);
    this.accountId = accountId;
    this.envType = 'SANDBOX';
  }

  /** Merges duplicate customers: contacts and sub-customers move to the survivor, the source is deleted. */
  mergeCustomers(sourceId: number, survivorId: number, options: { user?: ScriptUser } = {}) {
    return mergeCustomers(this, sourceId, survivorId, options.user ?? this.user);
  }

  /** The user test-side actions run as (default the administrator). */
  currentUser(): ScriptUser {
    return this.user;
  }

  setUser(user: ScriptUser): void {
    this.user = user;
  }

  /** An employee record plus the ScriptUser to act as it. */
  createUser(u: { firstname: string; lastname: string; email: string; role: string; roleId: string; permissions?: Record<string, number> }): ScriptUser {
    const rec = this.store.insert('employee', { firstname: u.firstname, lastname: u.lastname, email: u.email, entityid: `${u.firstname} ${u.lastname}`, isinactive: false, subsidiary: '1', giveaccess: true, role: [u.role] });
    return { id: rec.id, role: u.role, roleId: u.roleId, email: u.email, name: `${u.firstname} ${u.lastname}`, permissions: u.permissions };
  }

  saveContext(): SaveContext {
    const ex = this.executions.current();
    return ex
      ? { executionContext: ex.executionContext, user: ex.user, runServerScripts: true }
      : { executionContext: 'USERINTERFACE', user: this.user, runServerScripts: true };
  }

  private seedBaseData(): void {
    this.store.insert('subsidiary', { name: 'Parent Company', country: 'US', isinactive: false });
    // Status ids are NetSuite's defaults (6 LEAD-Unqualified ... 13 CUSTOMER-Closed Won).
    for (const s of DEFAULT_CUSTOMER_STATUSES) this.store.insert('customerstatus', { name: s.name, stage: s.stage, isinactive: false }, { id: s.id });
    // Standard roles keep NetSuite's ids (Administrator is 3); custom roles get ids from 1001.
    this.store.insert('role', { name: 'Administrator', scriptid: 'administrator', centertype: 'BASIC', isinactive: false }, { id: 3 });
  }

  /** A custom role (customrole_...), as the project or a test declares it: a role record with the next custom id. */
  defineRole(def: RoleDefinition): number {
    const id = Math.max(1000, ...this.store.rows('role').map((r) => r.id)) + 1;
    this.project.roles.push(def);
    return this.store.insert('role', { name: def.name, scriptid: def.scriptId.toLowerCase(), centertype: 'BASIC', isinactive: false }, { id }).id;
  }

  // ---- project definitions ------------------------------------------------------------------

  defineCustomRecordType(def: CustomRecordTypeDefinition): void {
    this.schemas.addCustomRecordType(def);
    this.project.customRecordTypes.push(def);
  }

  defineCustomList(def: CustomListDefinition): void {
    this.schemas.addCustomList(def);
    this.project.customLists.push(def);
    for (const v of def.values) this.store.insert(def.scriptId.toLowerCase(), { name: v.value, scriptid: v.scriptId ?? '', isinactive: false });
  }

  /** A custom entity field (custentity_...), as the project or a test declares it. */
  defineEntityField(def: EntityFieldDefinition): void {
    this.schemas.addEntityField(def);
    this.project.entityFields.push(def);
  }

  /** Adds or replaces a script and its deployments. Owner defaults to the administrator. */
  defineScript(def: ScriptDefinition): void {
    const script = { ...def, ownerId: def.ownerId ?? this.admin?.id };
    const i = this.project.scripts.findIndex((s) => s.scriptId === def.scriptId);
    if (i >= 0) this.project.scripts[i] = script;
    else this.project.scripts.push(script);
  }

  script(scriptId: string): ScriptDefinition {
    const s = this.project.scripts.find((x) => x.scriptId === scriptId);
    if (!s) throw new SuiteScriptError('SSS_INVALID_SCRIPT_ID', `No script with id ${scriptId} in the project`);
    return s;
  }

  deployment(scriptId: string, deploymentId: string): DeploymentDefinition {
    const d = this.script(scriptId).deployments.find((x) => x.scriptId === deploymentId);
    if (!d) throw new SuiteScriptError('SSS_INVALID_DEPLOYMENT_ID', `Script ${scriptId} has no deployment ${deploymentId}`);
    return d;
  }

  logLevelOf(scriptId: string, deploymentId: string): LogLevel {
    const d = this.project.scripts.find((s) => s.scriptId === scriptId)?.deployments.find((x) => x.scriptId === deploymentId);
    return d?.logLevel ?? 'DEBUG';
  }

  // ---- RuntimeServices ------------------------------------------------------------------------

  registerModule(name: string, factory: () => unknown): void {
    this.modules.register(name, factory);
  }

  readCabinetFile(path: string): string {
    return this.loader.readSource(normalizeScriptFile(path));
  }

  /** Loads a file as a fresh module graph; no header check (see loadEntryPoint). */
  loadScript(scriptFile: string): Record<string, unknown> {
    return this.loader.load(scriptFile);
  }

  /** Loads an entry-point file for a script of `script.scriptType`, with header and entry-point checks. */
  loadEntryPoint(script: ScriptDefinition): Record<string, unknown> {
    const tag = SCRIPT_TYPE_TAG[script.scriptType];
    const checked = `${script.scriptFile}|${tag}`;
    if (!this.checkedHeaders.has(checked)) {
      checkEntryHeader(script.scriptFile, this.loader.readSource(normalizeScriptFile(script.scriptFile)), tag);
      this.checkedHeaders.add(checked); // compiled code is cached per runtime too
    }
    const exportsObj = this.loader.load(script.scriptFile);
    checkEntryPoints(script.scriptFile, exportsObj, tag);
    return exportsObj;
  }

  runScript<T>(options: RunOptions, body: (exports: Record<string, unknown>, execution: ScriptExecution) => T): T {
    const script = this.script(options.scriptId);
    const deployment = this.deployment(options.scriptId, options.deploymentId);
    // Loaded before the execution is pushed: N/ calls at module top level fail, as they should.
    const exportsObj = this.loadEntryPoint(script);
    const meter = this.ledger.open(
      { scriptId: script.scriptId, deploymentId: deployment.scriptId, stage: options.stage },
      usageLimit(script.scriptType, options.stage),
    );
    const execution: ScriptExecution = {
      scriptId: script.scriptId,
      deploymentId: deployment.scriptId,
      scriptType: script.scriptType,
      executionContext: options.executionContext,
      stage: options.stage,
      meter,
      parameters: runParameters(script, deployment, options.parameters),
      user: options.user ?? this.user,
      scriptFile: script.scriptFile,
    };
    return this.executions.run(execution, () => body(exportsObj, execution));
  }

  /** Writes an uncaught error to the execution log, as NetSuite does for a failed entry point. */
  logUncaught(scriptId: string, deploymentId: string, e: unknown): void {
    const err = e as { name?: string; message?: string; type?: string; stack?: string };
    this.logs.push({
      level: 'ERROR',
      title: err?.name ?? 'Error',
      details: stringifyDetails({ type: err?.type ?? 'error.SuiteScriptError', name: err?.name, message: err?.message ?? String(e), stack: err?.stack?.split('\n') ?? [] }),
      scriptId,
      deploymentId,
      at: this.clock.now(),
    });
  }

  /** Log entries of one script (and deployment), for assertions. */
  logsOf(scriptId: string, deploymentId?: string): LogEntry[] {
    return this.logs.filter((l) => l.scriptId === scriptId && (deploymentId === undefined || l.deploymentId === deploymentId));
  }

}

function normalizeScriptFile(p: string): string {
  return p.startsWith('/') ? p : '/' + p;
}

/** Reads src/Objects through the SDF model (tools/sdf/model.ts). */
function loadProjectFromSdf(sdfRoot: string, appId: string): ProjectDefinition {
  return projectFromSdf(sdfRoot, appId);
}

/** Math with a seeded random() (mulberry32): the same seed gives the scripts the same sequence. */
function seededMath(seed: number): Math {
  let t = seed >>> 0;
  const random = (): number => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return Object.create(Math, { random: { value: random } }) as Math;
}
