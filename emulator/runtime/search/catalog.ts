/**
 * What a search can read for each search type: field ids as the Records Browser lists them for
 * searches (billaddress1, billzipcode... on customers; stage; internalid), their kind (which
 * decides operators, result formatting and sort), and the joins the SuiteApp needs: contact →
 * its company ('company', also 'customer'), customer → 'parentcustomer' and 'salesrep', any
 * SELECT field of a custom record (join id = field id).
 */
import { nsError } from '../errors';
import { formatAddressText } from '../record/addressbook';
import type { DeletedRecordEntry, RecordStore, StoredRecord } from '../store/recordStore';
import type { FieldSpec, RecordTypeSchema } from '../store/schema';
import { fromStored, isDateField } from '../store/fieldValues';
import type { DeploymentDefinition, EntityFieldDefinition, ProjectDefinition } from '../project/definitions';
import type { SavedSearchDefinition, SavedSearches } from './savedSearches';

export type SearchKind = 'text' | 'checkbox' | 'select' | 'multiselect' | 'date' | 'datetime' | 'number';

export interface SearchValue {
  kind: SearchKind;
  /** id string for selects, boolean, number, Date, string[] for multiselects, null when empty. */
  raw: unknown;
  /** Display text (select names); defaults to the raw value as text. */
  text?: string;
  /** Sort by this instead of the text (internal ids sort as numbers). */
  sortValue?: number;
}

export interface SearchRow {
  id: number;
  /** Record type as a search result reports it ('customer', 'lead', 'contact', ...). */
  recordType: string;
  values: Record<string, unknown>;
}

export type FieldReader = (row: SearchRow) => SearchValue;

export interface JoinDefinition {
  target: SearchSource;
  resolve(row: SearchRow): SearchRow | undefined;
}

export interface SearchSource {
  type: string;
  rows(): SearchRow[];
  /** Rows with these internal ids only (fast path for internalid anyof), when supported. */
  rowsById?(ids: unknown[]): SearchRow[];
  /** Rows above an internal id in id order, without visiting earlier ones (keyset paging), when supported. */
  rowsAfter?(afterId: number): Iterable<SearchRow>;
  /** undefined when the field does not exist for this type (an error for the caller). */
  field(row: SearchRow, name: string): SearchValue | undefined;
  /** The field's reader, resolved once for every row (undefined when there is no such field), when supported. */
  reader?(name: string): FieldReader | undefined;
  hasField(name: string): boolean;
  join(joinId: string): JoinDefinition | undefined;
}

/** Search column ids that differ from the record's field ids. */
const ADDRESS_COLUMNS: Record<string, string> = {
  billaddressee: 'billaddressee',
  billaddress1: 'billaddr1',
  billaddress2: 'billaddr2',
  billcity: 'billcity',
  billstate: 'billstate',
  billzipcode: 'billzip',
  billcountry: 'billcountry',
};

const STAGE_TEXT: Record<string, string> = { LEAD: 'Lead', PROSPECT: 'Prospect', CUSTOMER: 'Customer' };

function kindOf(spec: FieldSpec): SearchKind {
  switch (spec.type) {
    case 'CHECKBOX': return 'checkbox';
    case 'SELECT': case 'DOCUMENT': case 'IMAGE': return 'select';
    case 'MULTISELECT': return 'multiselect';
    case 'DATE': return 'date';
    case 'DATETIME': case 'DATETIMETZ': return 'datetime';
    case 'INTEGER': case 'FLOAT': case 'CURRENCY': case 'PERCENT': return 'number';
    default: return 'text';
  }
}

function recordTypeName(schema: RecordTypeSchema, values: Record<string, unknown>): string {
  if (schema.type === 'customer' && (values.stage === 'LEAD' || values.stage === 'PROSPECT')) return String(values.stage).toLowerCase();
  return schema.type;
}

/** A search over stored records of one schema (optionally one customer stage). */
function recordSource(store: RecordStore, schema: RecordTypeSchema, stage?: string): SearchSource {
  const asRow = (r: StoredRecord): SearchRow => ({ id: r.id, recordType: recordTypeName(schema, r.values), values: r.values });
  // A field is resolved once per name (schema, kind, select type), not once per row read.
  const readers = new Map<string, FieldReader | null>();
  const reader = (name: string): FieldReader | undefined => {
    let r = readers.get(name);
    if (r === undefined) {
      r = fieldReader(store, schema, name) ?? null;
      readers.set(name, r);
    }
    return r ?? undefined;
  };
  const source: SearchSource = {
    type: schema.type,
    rows: () => store.rows(schema.type).filter((r) => !stage || r.values.stage === stage).map(asRow),
    rowsById: (ids) => store.rowsById(schema.type, ids).filter((r) => !stage || r.values.stage === stage).map(asRow),
    rowsAfter: function* (afterId) {
      for (const r of store.rowsAfter(schema.type, afterId)) if (!stage || r.values.stage === stage) yield asRow(r);
    },
    hasField: (name) => reader(name) !== undefined,
    field: (row, name) => reader(name)?.(row),
    reader,
    join: (joinId) => joinFor(store, schema, joinId),
  };
  return source;
}

function fieldReader(store: RecordStore, schema: RecordTypeSchema, rawName: string): FieldReader | undefined {
  const name = rawName.toLowerCase();
  if (name === 'internalid') return (row) => ({ kind: 'select', raw: String(row.id), text: String(row.id), sortValue: row.id });
  if (name === 'internalidnumber' || name === 'id') return (row) => ({ kind: 'number', raw: row.id });
  if (name === 'recordtype' || name === 'type') return (row) => ({ kind: 'text', raw: row.recordType });
  if (schema.type === 'customer') {
    const stored = Object.hasOwn(ADDRESS_COLUMNS, name) ? ADDRESS_COLUMNS[name] : undefined;
    if (stored) return (row) => ({ kind: 'text', raw: row.values[stored] ?? null });
    if (name === 'billaddress' || name === 'address') return (row) => ({ kind: 'text', raw: formatAddressText(row.values) || null });
    if (name === 'stage') {
      return (row) => {
        const s = row.values.stage as string | undefined;
        return { kind: 'select', raw: s ?? null, text: s ? STAGE_TEXT[s] ?? s : '' };
      };
    }
    if (name === 'altname') {
      return (row) => {
        const v = row.values.isperson === true ? [row.values.firstname, row.values.lastname].filter(Boolean).join(' ') : row.values.companyname;
        return { kind: 'text', raw: v || null };
      };
    }
  }
  if ((schema.type === 'contact' || schema.type === 'employee') && name === 'altname') {
    return (row) => ({ kind: 'text', raw: [row.values.firstname, row.values.lastname].filter(Boolean).join(' ') || null });
  }
  const spec = schema.fields.get(name);
  if (!spec || spec.addressField) return undefined;
  const kind = kindOf(spec);
  const id = spec.id;
  const empty = kind === 'checkbox' ? false : null;
  const select = spec.select;
  if (kind === 'select' && select) {
    return (row) => {
      const raw = row.values[id] ?? empty;
      return { kind, raw, text: store.nameOf(select, raw) };
    };
  }
  if (kind === 'multiselect' && select) {
    return (row) => {
      const raw = row.values[id] ?? empty;
      const ids = Array.isArray(raw) ? (raw as string[]) : [];
      return { kind, raw: ids, text: ids.map((i) => store.nameOf(select, i)).join(',') };
    };
  }
  // Stored dates are milliseconds (store/fieldValues.ts): the search sees a Date, as for any other source.
  if (isDateField(spec)) return (row) => ({ kind, raw: fromStored(spec, row.values[id] ?? empty) });
  return (row) => ({ kind, raw: row.values[id] ?? empty });
}

function joinFor(store: RecordStore, schema: RecordTypeSchema, rawJoin: string): JoinDefinition | undefined {
  const joinId = rawJoin.toLowerCase();
  const via = (field: string, targetType: string): JoinDefinition => ({
    target: recordSource(store, store.schemas.get(targetType)),
    resolve: (row) => {
      const id = row.values[field];
      const target = id == null || id === '' ? undefined : store.find(targetType, id);
      if (!target) return undefined;
      const targetSchema = store.schemas.get(targetType);
      return { id: target.id, recordType: recordTypeName(targetSchema, target.values), values: target.values };
    },
  });
  if (schema.type === 'contact' && (joinId === 'company' || joinId === 'customer')) return via('company', 'customer');
  if (schema.type === 'customer' && joinId === 'parentcustomer') return via('parent', 'customer');
  if ((schema.type === 'customer' || schema.type === 'contact' || schema.type === 'employee') && joinId === 'subsidiary') return via('subsidiary', 'subsidiary');
  if (schema.type === 'customer' && joinId === 'salesrep') return via('salesrep', 'employee');
  const spec = schema.fields.get(joinId);
  if (spec?.custom && spec.type === 'SELECT' && spec.select && store.schemas.has(spec.select)) return via(spec.id, spec.select);
  return undefined;
}

/** search.Type.DELETED_RECORD: the deleted-record log as a search source. */
function deletedRecordSource(store: RecordStore): SearchSource {
  const rows = () =>
    store.deletedLog.map((e, i) => ({ id: i + 1, recordType: 'deletedrecord', values: e as unknown as Record<string, unknown> }));
  const field = (row: SearchRow, rawName: string): SearchValue | undefined => {
    // Rows without values are probes for the field's kind.
    const e = (row.values.recordType === undefined ? { recordType: '', recordId: 0, name: '', deletedDate: null, context: '', deletedBy: 0, externalId: '' } : row.values) as unknown as DeletedRecordEntry;
    switch (rawName.toLowerCase()) {
      case 'name': return { kind: 'text', raw: e.name || null };
      case 'recordtype': return { kind: 'select', raw: e.recordType, text: labelOfType(store, e.recordType) };
      case 'deleteddate': return { kind: 'datetime', raw: e.deletedDate };
      case 'context': return { kind: 'select', raw: e.context, text: e.context };
      case 'deletedby': return { kind: 'select', raw: String(e.deletedBy), text: store.nameOf('employee', e.deletedBy) };
      case 'externalid': return { kind: 'text', raw: e.externalId || null };
      // The deleted record's internal id. NetSuite's column id for it is not confirmed
      // (store.deletedRecordIdColumns); a column that does not hold it yields nothing.
      case 'recordid': case 'internalid':
        return { kind: 'text', raw: store.deletedRecordIdColumns.includes(rawName.toLowerCase()) ? String(e.recordId) : null };
      case 'iscustomrecord': return { kind: 'checkbox', raw: String(e.recordType).startsWith('customrecord') };
      default: return undefined;
    }
  };
  return {
    type: 'deletedrecord',
    rows,
    field,
    hasField: (name) => field({ id: 0, recordType: '', values: {} }, name) !== undefined,
    join: () => undefined,
  };
}

function labelOfType(store: RecordStore, type: string): string {
  if (type === 'lead') return 'Lead';
  if (type === 'prospect') return 'Prospect';
  return store.schemas.has(type) ? store.schemas.get(type).label : type;
}

/**
 * search.Type.SAVED_SEARCH: the account's saved searches, with the columns scripts read
 * (internalid, id = the customsearch script id, title, recordtype). [open] What NetSuite puts in
 * `recordtype` (the type id or its label) is not documented: here the value is the type id and
 * the text its label, so code that accepts either, as the SuiteApp's does, works with both.
 */
function savedSearchSource(store: RecordStore, saved: SavedSearches): SearchSource {
  const rows = () => saved.all().map((s) => ({ id: s.internalId, recordType: 'savedsearch', values: s as unknown as Record<string, unknown> }));
  const field = (row: SearchRow, rawName: string): SearchValue | undefined => {
    const s = row.values as unknown as Partial<SavedSearchDefinition>;
    switch (rawName.toLowerCase()) {
      case 'internalid': return { kind: 'select', raw: String(row.id), text: String(row.id), sortValue: row.id };
      case 'id': return { kind: 'text', raw: s.id ?? null };
      case 'title': return { kind: 'text', raw: s.title || null };
      case 'recordtype': return { kind: 'select', raw: s.type ?? null, text: s.type ? labelOfType(store, s.type) : '' };
      default: return undefined;
    }
  };
  return { type: 'savedsearch', rows, field, hasField: (name) => field({ id: 0, recordType: '', values: {} }, name) !== undefined, join: () => undefined };
}

const DEPLOYMENT_STATUS_TEXT: Record<string, string> = { RELEASED: 'Released', TESTING: 'Testing', SCHEDULED: 'Scheduled', NOTSCHEDULED: 'Not Scheduled', NOTRELEASED: 'Not Released' };

/**
 * search.Type.SCRIPT_DEPLOYMENT (`scriptdeployment`): every deployment of the project's scripts as
 * the account holds it now (a test may change a deployment's status or isDeployed), with the
 * columns the SuiteApp reads: `scriptid` (the deployment's id), `status` (the id, e.g. SCHEDULED;
 * its label as text), `isdeployed`, `title`, and `script` (the script's id as text). [open]
 * Whether NetSuite returns `scriptid` in upper case and `status` as the id or the label is not
 * confirmed; here it is the id as declared and the status id, and the SuiteApp accepts either.
 */
function scriptDeploymentSource(project: () => ProjectDefinition): SearchSource {
  const rows = () => {
    const out: SearchRow[] = [];
    for (const s of project().scripts) for (const d of s.deployments) out.push({ id: out.length + 1, recordType: 'scriptdeployment', values: { d, script: s.scriptId } as unknown as Record<string, unknown> });
    return out;
  };
  const field = (row: SearchRow, rawName: string): SearchValue | undefined => {
    const d = (row.values as { d?: DeploymentDefinition }).d;
    switch (rawName.toLowerCase()) {
      case 'internalid': return { kind: 'select', raw: String(row.id), text: String(row.id), sortValue: row.id };
      case 'scriptid': return { kind: 'text', raw: d?.scriptId ?? null };
      case 'title': return { kind: 'text', raw: d?.title ?? null };
      case 'status': return { kind: 'select', raw: d?.status ?? null, text: d ? DEPLOYMENT_STATUS_TEXT[d.status] ?? d.status : '' };
      case 'isdeployed': return { kind: 'checkbox', raw: d?.isDeployed ?? false };
      case 'script': return { kind: 'text', raw: (row.values as { script?: string }).script ?? null };
      default: return undefined;
    }
  };
  return { type: 'scriptdeployment', rows, field, hasField: (name) => field({ id: 0, recordType: '', values: {} }, name) !== undefined, join: () => undefined };
}

/** The Type list of a custom field's page in the UI, by SDF field type (Help Center, "Custom Field Type Reference"). */
const FIELD_TYPE_LABEL: Record<string, string> = {
  CHECKBOX: 'Check Box', CLOBTEXT: 'Long Text', CURRENCY: 'Currency', DATE: 'Date', DATETIMETZ: 'Date/Time', DOCUMENT: 'Document', EMAIL: 'Email Address',
  FLOAT: 'Decimal Number', HELP: 'Help', IMAGE: 'Image', INLINEHTML: 'Inline HTML', INTEGER: 'Integer Number', MULTISELECT: 'Multiple Select', PASSWORD: 'Password',
  PERCENT: 'Percent', PHONE: 'Phone Number', RICHTEXT: 'Rich Text', SELECT: 'List/Record', TEXT: 'Free-Form Text', TEXTAREA: 'Text Area', TIMEOFDAY: 'Time Of Day', URL: 'Hyperlink',
};

/**
 * The entity custom field record (`entitycustomfield`, Records Browser; SOAP EntityCustomField:
 * scriptId, label, fieldType, appliesToCustomer, appliesToContact...) as a search source: one row
 * per custom entity field of the account. [open] That N/search takes this type with these column
 * ids is not documented, nor what `fieldtype` holds: here its value is the SDF id and its text the
 * UI's label, so code that accepts either works with both.
 */
function entityCustomFieldSource(store: RecordStore): SearchSource {
  const rows = () => store.schemas.entityFields.map((f, i) => ({ id: i + 1, recordType: 'entitycustomfield', values: f as unknown as Record<string, unknown> }));
  const field = (row: SearchRow, rawName: string): SearchValue | undefined => {
    const f = row.values as unknown as Partial<EntityFieldDefinition>;
    switch (rawName.toLowerCase()) {
      case 'internalid': return { kind: 'select', raw: String(row.id), text: String(row.id), sortValue: row.id };
      case 'scriptid': return { kind: 'text', raw: f.scriptId ? f.scriptId.toUpperCase() : null };
      case 'label': return { kind: 'text', raw: f.label || null };
      case 'fieldtype': return { kind: 'select', raw: f.fieldType ?? null, text: f.fieldType ? (FIELD_TYPE_LABEL[f.fieldType] ?? f.fieldType) : '' };
      case 'appliestocustomer': return { kind: 'checkbox', raw: f.appliesToCustomer === true };
      case 'appliestocontact': return { kind: 'checkbox', raw: f.appliesToContact === true };
      case 'appliestoemployee': return { kind: 'checkbox', raw: f.appliesToEmployee === true };
      default: return undefined;
    }
  };
  return { type: 'entitycustomfield', rows, field, hasField: (name) => field({ id: 0, recordType: '', values: {} }, name) !== undefined, join: () => undefined };
}

export function sourceFor(store: RecordStore, type: unknown, saved?: SavedSearches, project?: () => ProjectDefinition): SearchSource {
  if (typeof type !== 'string' || !type) throw nsError.invalidSearchType(type);
  const t = type.toLowerCase();
  if (t === 'deletedrecord') return deletedRecordSource(store);
  if (t === 'savedsearch' && saved) return savedSearchSource(store, saved);
  if (t === 'scriptdeployment' && project) return scriptDeploymentSource(project);
  if (t === 'entitycustomfield') return entityCustomFieldSource(store);
  if (t === 'lead' || t === 'prospect') return recordSource(store, store.schemas.get('customer'), t.toUpperCase());
  if (!store.schemas.has(t)) throw nsError.invalidSearchType(type);
  return recordSource(store, store.schemas.get(t));
}
