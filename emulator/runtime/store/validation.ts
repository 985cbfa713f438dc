/**
 * What NetSuite checks when a record is saved: defaults and derived fields (entity id, customer
 * stage from its status, primary subsidiary), mandatory fields, and that every select points at
 * an existing record. Shared by Record.save, record.submitFields and the seeder.
 */
import { nsError } from '../errors';
import { isEmpty } from './fieldValues';
import { DEFAULT_STATUS_FOR_STAGE, type CustomerStage, personName } from './schema';
import type { RecordStore } from './recordStore';
import type { RecordTypeSchema } from './schema';

/** Completes and checks `values` (the full record as it will be stored). Mutates and returns it. */
export function validateRecord(
  store: RecordStore,
  schema: RecordTypeSchema,
  values: Record<string, unknown>,
  options: { stage?: CustomerStage; selfId?: number; ignoreMandatoryFields?: boolean; previousStage?: unknown } = {},
): Record<string, unknown> {
  if (schema.type === 'customer') {
    completeCustomer(store, values, options.stage);
    // Stages only move forward: lead → prospect → customer (Help Center, "Leads, Prospects, and Customers").
    const order: Record<string, number> = { LEAD: 0, PROSPECT: 1, CUSTOMER: 2 };
    const before = order[String(options.previousStage)];
    if (before !== undefined && order[String(values.stage)]! < before) throw nsError.invalidFieldValue('entitystatus', values.entitystatus);
  }
  if (schema.type === 'contact' || schema.type === 'employee') {
    if (isEmpty(values.entityid) && !isEmpty(personName(values))) values.entityid = personName(values);
  }
  if ((schema.type === 'customer' || schema.type === 'contact' || schema.type === 'employee') && isEmpty(values.subsidiary)) {
    // A one-subsidiary account puts every entity in the parent subsidiary (id 1).
    if (schema.type !== 'contact' && store.exists('subsidiary', 1)) values.subsidiary = '1';
  }

  const missing: string[] = [];
  for (const spec of schema.fields.values()) {
    if (spec.mandatory && !spec.readOnly && isEmpty(values[spec.id])) missing.push(spec.label);
  }
  if (schema.type === 'customer') {
    if (values.isperson === true) {
      if (isEmpty(values.firstname)) missing.push('First Name');
      if (isEmpty(values.lastname)) missing.push('Last Name');
    } else if (isEmpty(values.companyname)) missing.push('Company Name');
  }
  if (schema.type === 'contact' && isEmpty(values.entityid)) missing.push('Contact');
  if (missing.length && !options.ignoreMandatoryFields) throw nsError.mandatoryField(missing);

  for (const spec of schema.fields.values()) {
    if (!spec.select || !store.schemas.has(spec.select)) continue;
    const v = values[spec.id];
    const ids = Array.isArray(v) ? v : isEmpty(v) ? [] : [v];
    for (const id of ids) {
      if (!store.exists(spec.select, id)) throw nsError.invalidFieldValue(spec.id, id);
      if (spec.select === schema.type && options.selfId !== undefined && String(id) === String(options.selfId)) {
        throw nsError.invalidFieldValue(spec.id, id); // a customer cannot be its own parent
      }
    }
  }
  return values;
}

function completeCustomer(store: RecordStore, values: Record<string, unknown>, stage?: CustomerStage): void {
  if (typeof values.isperson !== 'boolean') values.isperson = false;
  if (isEmpty(values.entitystatus)) values.entitystatus = String(DEFAULT_STATUS_FOR_STAGE[stage ?? (values.stage as CustomerStage) ?? 'CUSTOMER'] ?? 13);
  const status = store.find('customerstatus', values.entitystatus);
  if (!status) throw nsError.invalidFieldValue('entitystatus', values.entitystatus);
  const statusStage = status.values.stage as CustomerStage;
  // A status of another stage is refused when the script named the stage (record.create lead).
  if (stage && statusStage !== stage && isEmpty(values.stage)) throw nsError.invalidFieldValue('entitystatus', values.entitystatus);
  values.stage = statusStage;
  if (isEmpty(values.entityid)) {
    const name = values.isperson === true ? personName(values) : values.companyname;
    if (!isEmpty(name)) values.entityid = name;
  }
}
