/**
 * The built customer User Event under Oracle's SuiteCloud stubs (no runtime): what a save sees
 * when NetSuite itself misbehaves. The end-to-end suites cover capture against the local
 * runtime; these pin the promise that capture never fails the user's save.
 */
import * as cache from 'N/cache';
import * as log from 'N/log';
import * as record from 'N/record';
import * as runtime from 'N/runtime';
import * as search from 'N/search';

jest.mock('N/log');
jest.mock('N/record');
jest.mock('N/runtime');
jest.mock('N/search');
jest.mock('N/cache');
jest.mock('N/task');

const ue = require('SuiteScripts/entry/ue_fsc_customer') as { afterSubmit: (context: unknown) => void };

const platformDown = () => {
  throw Object.assign(new Error('An unexpected SuiteScript error has occurred'), { name: 'UNEXPECTED_ERROR' });
};

function customer(id: number, name: string) {
  const values: Record<string, unknown> = { companyname: name, isperson: 'F', isinactive: false };
  return { id, type: 'customer', getValue: (o: { fieldId: string } | string) => values[typeof o === 'string' ? o : o.fieldId] ?? '', getText: () => '' };
}

beforeEach(() => {
  jest.resetAllMocks();
  jest.mocked(runtime.getCurrentScript).mockReturnValue({
    id: 'customscript_fsc_ue_customer',
    deploymentId: 'customdeploy_fsc_ue_customer',
    getRemainingUsage: () => 1000,
    getParameter: () => null,
  } as unknown as ReturnType<typeof runtime.getCurrentScript>);
});

test('when NetSuite cannot read the settings, the save still succeeds and the admin sees why in the log', () => {
  jest.mocked(search.lookupFields).mockImplementation(platformDown);
  jest.mocked(search.create).mockImplementation(platformDown);
  jest.mocked(record.create).mockImplementation(platformDown);
  jest.mocked(cache.getCache).mockImplementation(platformDown);

  expect(() => ue.afterSubmit({ type: 'edit', newRecord: customer(42, 'Acme'), oldRecord: customer(42, 'Acme Ltd') })).not.toThrow();

  const logged = jest.mocked(log.error).mock.calls.map((args) => JSON.stringify(args));
  expect(logged.some((line) => line.includes('42') && line.includes('An unexpected SuiteScript error'))).toBe(true);
});

test('events that change nothing (view, copy, approve) write no outbox entry', () => {
  for (const type of ['view', 'copy', 'approve']) {
    ue.afterSubmit({ type, newRecord: customer(7, 'Globex'), oldRecord: customer(7, 'Globex') });
  }
  expect(record.create).not.toHaveBeenCalled();
  expect(log.error).not.toHaveBeenCalled();
});
