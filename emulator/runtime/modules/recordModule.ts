/**
 * N/record for scripts: the record service with governance debited from the running
 * execution's meter and saves made in the running execution's context.
 */
import type { ExecutionStack } from '../execution';
import { nsError } from '../errors';
import { requireRecordAccess } from '../record/recordAccess';
import type { RecordHost } from '../record/recordObject';
import type { RecordService, SaveContext } from '../record/recordService';
import { RECORD_READ_COST, RECORD_WRITE_COST } from './costs';

export const RECORD_TYPES = Object.freeze({
  CUSTOMER: 'customer',
  CONTACT: 'contact',
  EMPLOYEE: 'employee',
  LEAD: 'lead',
  PROSPECT: 'prospect',
  SUBSIDIARY: 'subsidiary',
  CUSTOMER_CATEGORY: 'customercategory',
  CUSTOMER_STATUS: 'customerstatus',
});

export function createRecordModule(service: RecordService, executions: ExecutionStack, context: () => SaveContext) {
  const debitRead = (api: string, type: unknown) => {
    const { schema } = service.resolveType(type);
    executions.require(`N/record.${api}`).meter.debit(`N/record.${api}`, RECORD_READ_COST[schema.costClass]);
  };
  const host: RecordHost = {
    ...service.host(context),
    save: (record, options) => {
      const { schema } = service.resolveType(record.type);
      executions.require('N/record.Record.save').meter.debit('N/record.Record.save', RECORD_WRITE_COST[schema.costClass]);
      return service.save(record, context(), options);
    },
  };
  const need = (api: string, options: unknown, ...keys: string[]): Record<string, unknown> => {
    if (!options || typeof options !== 'object') throw nsError.missingArgument(`record.${api}`, 'options');
    for (const k of keys) {
      const v = (options as Record<string, unknown>)[k];
      if (v === undefined || v === null || v === '') throw nsError.missingArgument(`record.${api}`, `options.${k}`);
    }
    return options as Record<string, unknown>;
  };

  return Object.freeze({
    Type: RECORD_TYPES,
    create(options: { type: string; isDynamic?: boolean; defaultValues?: Record<string, unknown> }) {
      need('create', options, 'type');
      debitRead('create', options.type);
      return service.create(options.type, host, options);
    },
    load(options: { type: string; id: number | string; isDynamic?: boolean }) {
      need('load', options, 'type', 'id');
      debitRead('load', options.type);
      requireRecordAccess(service.resolveType(options.type).schema, context().user, 'view');
      return service.load(options.type, options.id, host, options);
    },
    copy(options: { type: string; id: number | string; isDynamic?: boolean }) {
      need('copy', options, 'type', 'id');
      debitRead('copy', options.type);
      requireRecordAccess(service.resolveType(options.type).schema, context().user, 'view');
      return service.copy(options.type, options.id, host, options);
    },
    delete(options: { type: string; id: number | string }) {
      need('delete', options, 'type', 'id');
      const { schema } = service.resolveType(options.type);
      executions.require('N/record.delete').meter.debit('N/record.delete', RECORD_WRITE_COST[schema.costClass]);
      return service.delete(options.type, options.id, context());
    },
    submitFields(options: { type: string; id: number | string; values: Record<string, unknown>; options?: { ignoreMandatoryFields?: boolean } }) {
      need('submitFields', options, 'type', 'id', 'values');
      debitRead('submitFields', options.type);
      return service.submitFields(options.type, options.id, options.values, context(), options.options ?? {});
    },
  });
}
