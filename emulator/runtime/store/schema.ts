/**
 * Field schemas of the record types the runtime stores. Standard types are written out here
 * (ids as in NetSuite's Records Browser); custom record types and custom entity fields come
 * from the project definition.
 */
import type { FieldType } from '../project/definitions';

/** DATETIME is a standard-field type (datecreated, lastmodifieddate); custom fields use DATETIMETZ. */
export type StoreFieldType = FieldType | 'DATETIME';

export interface FieldSpec {
  id: string;
  type: StoreFieldType;
  label: string;
  /** SELECT/MULTISELECT target store type. */
  select?: string;
  mandatory?: boolean;
  /** Set by the system only (datecreated, lastmodifieddate, stage...). */
  readOnly?: boolean;
  /**
   * Stored but not a body field a script can read or write on the Record object: the billing
   * address lives in the addressbook sublist in NetSuite (see ../record/addressbook.ts).
   */
  addressField?: boolean;
  maxLength?: number;
  custom?: boolean;
}

/** Governance class (docs/netsuite-platform-facts.md §1). */
export type CostClass = 'standard' | 'custom' | 'transaction';

export interface RecordTypeSchema {
  /** Store type: 'customer' also holds leads and prospects (stage). */
  type: string;
  label: string;
  costClass: CostClass;
  fields: Map<string, FieldSpec>;
  /** Unknown field ids are an error (custom records), or kept in memory only (standard records). */
  strictFields: boolean;
  /** Takes custentity_ fields declared for it. */
  entity: boolean;
  /** The name shown for a reference (select text) and in the deleted-record log. */
  displayName(values: Record<string, unknown>): string;
  /** Custom records only: who may view or change entries (record/recordAccess.ts). */
  access?: RecordAccessRule;
  /** Searchable only, not a record N/record can create, load or change (roles). */
  searchOnly?: boolean;
}

/** A custom record type's access type and permission list (levels 1 VIEW .. 4 FULL by role id). */
export interface RecordAccessRule {
  accessType: 'CUSTRECORDENTRYPERM' | 'USEPERMISSIONLIST' | 'NONENEEDED';
  levelByRole: Map<string, number>;
}

function specs(list: FieldSpec[]): Map<string, FieldSpec> {
  return new Map(list.map((f) => [f.id, f]));
}

const t = (id: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ id, type: 'TEXT', label, ...extra });
const sys = (id: string, label: string, type: StoreFieldType): FieldSpec => ({ id, type, label, readOnly: true });
const addr = (id: string, label: string): FieldSpec => ({ id, type: 'TEXT', label, addressField: true });

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** Billing address parts (stored with the customer; scripts reach them through addressbook). */
export const BILLING_ADDRESS_FIELDS = ['billaddressee', 'billaddr1', 'billaddr2', 'billcity', 'billstate', 'billzip', 'billcountry'] as const;

export function personName(v: Record<string, unknown>): string {
  return [str(v.firstname), str(v.lastname)].filter(Boolean).join(' ');
}

export function standardSchemas(): RecordTypeSchema[] {
  const customer: RecordTypeSchema = {
    type: 'customer',
    label: 'Customer',
    costClass: 'standard',
    strictFields: false,
    entity: true,
    fields: specs([
      t('entityid', 'Customer ID'),
      { id: 'isperson', type: 'CHECKBOX', label: 'Individual' },
      t('companyname', 'Company Name'),
      t('firstname', 'First Name', { maxLength: 32 }),
      t('lastname', 'Last Name', { maxLength: 32 }),
      { id: 'entitystatus', type: 'SELECT', label: 'Status', select: 'customerstatus', mandatory: true },
      sys('stage', 'Stage', 'TEXT'),
      { id: 'parent', type: 'SELECT', label: 'Child Of', select: 'customer' },
      { id: 'subsidiary', type: 'SELECT', label: 'Primary Subsidiary', select: 'subsidiary', mandatory: true },
      { id: 'salesrep', type: 'SELECT', label: 'Sales Rep', select: 'employee' },
      { id: 'category', type: 'SELECT', label: 'Category', select: 'customercategory' },
      { id: 'phone', type: 'PHONE', label: 'Phone' },
      { id: 'email', type: 'EMAIL', label: 'Email' },
      { id: 'url', type: 'URL', label: 'Web Address' },
      { id: 'comments', type: 'TEXTAREA', label: 'Comments' },
      { id: 'isinactive', type: 'CHECKBOX', label: 'Inactive' },
      { id: 'externalid', type: 'TEXT', label: 'External ID' },
      sys('datecreated', 'Date Created', 'DATETIME'),
      sys('lastmodifieddate', 'Last Modified', 'DATETIME'),
      ...BILLING_ADDRESS_FIELDS.map((f) => addr(f, f)),
    ]),
    displayName: (v) => {
      const id = str(v.entityid);
      const name = v.isperson === true ? personName(v) : str(v.companyname);
      return id && name && id !== name ? `${id} ${name}` : id || name;
    },
  };
  const contact: RecordTypeSchema = {
    type: 'contact',
    label: 'Contact',
    costClass: 'standard',
    strictFields: false,
    entity: true,
    fields: specs([
      t('entityid', 'Contact'),
      t('firstname', 'First Name', { maxLength: 32 }),
      t('lastname', 'Last Name', { maxLength: 32 }),
      { id: 'company', type: 'SELECT', label: 'Company', select: 'customer' },
      { id: 'subsidiary', type: 'SELECT', label: 'Subsidiary', select: 'subsidiary' },
      { id: 'email', type: 'EMAIL', label: 'Email' },
      { id: 'phone', type: 'PHONE', label: 'Main Phone' },
      t('title', 'Job Title'),
      { id: 'isinactive', type: 'CHECKBOX', label: 'Inactive' },
      { id: 'externalid', type: 'TEXT', label: 'External ID' },
      sys('datecreated', 'Date Created', 'DATETIME'),
      sys('lastmodifieddate', 'Last Modified', 'DATETIME'),
    ]),
    displayName: (v) => str(v.entityid) || personName(v),
  };
  const employee: RecordTypeSchema = {
    type: 'employee',
    label: 'Employee',
    costClass: 'standard',
    strictFields: false,
    entity: true,
    fields: specs([
      t('entityid', 'Name'),
      t('firstname', 'First Name'),
      t('lastname', 'Last Name'),
      { id: 'email', type: 'EMAIL', label: 'Email' },
      { id: 'subsidiary', type: 'SELECT', label: 'Subsidiary', select: 'subsidiary' },
      { id: 'issalesrep', type: 'CHECKBOX', label: 'Sales Rep' },
      // Login access and the roles of the Access subtab. NetSuite keeps the roles in the `roles`
      // sublist (`selectedrole`); employee searches read them as the `role` field, one match per
      // role held. Here they are one list, read the same way by searches (emulator/README.md).
      { id: 'giveaccess', type: 'CHECKBOX', label: 'Give Access' },
      { id: 'role', type: 'MULTISELECT', label: 'Role', select: 'role' },
      { id: 'isinactive', type: 'CHECKBOX', label: 'Inactive' },
      sys('datecreated', 'Date Created', 'DATETIME'),
      sys('lastmodifieddate', 'Last Modified', 'DATETIME'),
    ]),
    displayName: (v) => str(v.entityid) || personName(v),
  };
  const namedList = (type: string, label: string, extra: FieldSpec[] = []): RecordTypeSchema => ({
    type,
    label,
    costClass: 'standard',
    strictFields: false,
    entity: false,
    fields: specs([
      t('name', 'Name', { mandatory: true }),
      { id: 'isinactive', type: 'CHECKBOX', label: 'Inactive' },
      sys('lastmodifieddate', 'Last Modified', 'DATETIME'),
      ...extra,
    ]),
    displayName: (v) => str(v.name),
  });
  return [
    customer,
    contact,
    employee,
    namedList('subsidiary', 'Subsidiary', [t('country', 'Country')]),
    namedList('customercategory', 'Customer Category'),
    namedList('customerstatus', 'Customer Status', [sys('stage', 'Stage', 'TEXT'), t('probability', 'Probability')]),
    // Help Center, "Role": search only (every search API and lookupFields), no N/record access.
    { ...namedList('role', 'Role', [t('scriptid', 'ID'), t('centertype', 'Center Type')]), searchOnly: true },
  ];
}

/** Fields every custom record has besides its custrecord fields. */
export function customRecordBaseFields(includeName: boolean): FieldSpec[] {
  return [
    ...(includeName ? [t('name', 'Name')] : []),
    { id: 'isinactive', type: 'CHECKBOX', label: 'Inactive' },
    { id: 'externalid', type: 'TEXT', label: 'External ID' },
    { id: 'owner', type: 'SELECT', label: 'Owner', select: 'employee', readOnly: true },
    sys('created', 'Date Created', 'DATETIME'),
    sys('lastmodified', 'Last Modified', 'DATETIME'),
  ];
}

/** Lead/prospect/customer stages and the default customer statuses of a new account. */
export type CustomerStage = 'LEAD' | 'PROSPECT' | 'CUSTOMER';

export const DEFAULT_CUSTOMER_STATUSES: { id: number; name: string; stage: CustomerStage }[] = [
  { id: 6, name: 'LEAD-Unqualified', stage: 'LEAD' },
  { id: 7, name: 'LEAD-Qualified', stage: 'LEAD' },
  { id: 8, name: 'PROSPECT-In Discussion', stage: 'PROSPECT' },
  { id: 9, name: 'PROSPECT-Identified Decision Makers', stage: 'PROSPECT' },
  { id: 10, name: 'PROSPECT-Proposal', stage: 'PROSPECT' },
  { id: 11, name: 'PROSPECT-In Negotiation', stage: 'PROSPECT' },
  { id: 13, name: 'CUSTOMER-Closed Won', stage: 'CUSTOMER' },
  { id: 15, name: 'CUSTOMER-Renewal', stage: 'CUSTOMER' },
  { id: 16, name: 'CUSTOMER-Lost Customer', stage: 'CUSTOMER' },
];

/** Default status for a new record of each stage. */
export const DEFAULT_STATUS_FOR_STAGE: Record<CustomerStage, number> = { LEAD: 6, PROSPECT: 8, CUSTOMER: 13 };
