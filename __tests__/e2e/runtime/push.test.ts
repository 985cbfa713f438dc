/**
 * The local account end to end through createLocalAccount: built fixture scripts (a User
 * Event and a Map/Reduce compiled from TypeScript like the product's) fire through record saves
 * and task submission, reach the fake Freshsuccess over real HTTP with Basic auth built from an
 * API secret, spend exactly the documented units, and the key shows up nowhere.
 */
import { randomBytes } from 'node:crypto';
import { createLocalAccount, type LocalAccount } from '../../../emulator/localAccount';
import { COSTS } from './support/documentedCosts';
import { buildE2eProject, E2E } from './support/e2eProject';

const API_KEY = `e2e-${randomBytes(18).toString('hex')}`;
let account: LocalAccount;

beforeAll(async () => {
  account = await createLocalAccount({ sdfRoot: buildE2eProject(), apiKey: API_KEY });
});

afterAll(async () => {
  await account?.stop();
});

const units = (scriptId: string, stage?: 'getInputData' | 'map' | 'reduce' | 'summarize') => account.usage.total({ scriptId, stage }).units;
const pushTasks = () => account.drivers.task.queue.tasks.filter((t) => t.scriptId === E2E.mr.scriptId);
const summaries = () => account.rt.logsOf(E2E.mr.scriptId).filter((l) => l.title === 'summary').map((l) => JSON.parse(l.details) as { errors: string[] });

/** One push run for `n` customers: a search page, a load per customer, one batch POST. */
const pushRunUnits = (n: number) => ({
  getInputData: COSTS.searchCreate + COSTS.resultSetGetRange + COSTS.logAndRuntime,
  map: n * COSTS.recordLoadEntity,
  reduce: COSTS.httpsCall,
  summarize: COSTS.logAndRuntime,
});

test('a UI save fires the User Event, the queued Map/Reduce posts the account to Freshsuccess, at the documented cost', async () => {
  const ueBefore = units(E2E.ue.scriptId);
  const mrBefore = { getInputData: units(E2E.mr.scriptId, 'getInputData'), map: units(E2E.mr.scriptId, 'map'), reduce: units(E2E.mr.scriptId, 'reduce'), summarize: units(E2E.mr.scriptId, 'summarize') };
  const requestsBefore = (await account.fake.requests()).length;

  const id = account.rt.ui.create('customer', { companyname: 'Müller GmbH', subsidiary: '1', phone: '+49 30 5550101' });

  // Submitted work waits in the processor queue: nothing has been sent yet.
  const [task] = pushTasks().slice(-1);
  expect(task?.job.status).toBe('PENDING');
  expect(await account.fake.account(String(id))).toBeUndefined();

  account.processQueue();

  expect(task?.job.status).toBe('COMPLETE');
  const stored = await account.fake.account(String(id));
  const created = account.rt.records.get('customer', id)!.values.datecreated as Date;
  expect(stored?.fields).toEqual({ account_id: String(id), name: 'Müller GmbH', join_date: created.getTime(), phone: '+49 30 5550101' });
  expect(stored?.writeCount).toBe(1);

  const requests = (await account.fake.requests()).slice(requestsBefore);
  expect(requests).toHaveLength(1);
  // The real host name reached the fake, with Basic auth it accepted (a wrong key is a 401).
  expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/v2/accounts', host: 'api-us.freshsuccess.com', auth: 'basic', status: 200 });
  expect(account.httpLog.at(-1)).toMatchObject({ scriptId: E2E.mr.scriptId, method: 'POST', url: 'https://api-us.freshsuccess.com/api/v2/accounts', status: 200, outcome: 'ok' });

  const expected = pushRunUnits(1);
  expect(units(E2E.ue.scriptId) - ueBefore).toBe(COSTS.taskCreate + COSTS.mapReduceSubmit + COSTS.logAndRuntime);
  expect(units(E2E.mr.scriptId, 'getInputData') - mrBefore.getInputData).toBe(expected.getInputData);
  expect(units(E2E.mr.scriptId, 'map') - mrBefore.map).toBe(expected.map);
  expect(units(E2E.mr.scriptId, 'reduce') - mrBefore.reduce).toBe(expected.reduce);
  expect(units(E2E.mr.scriptId, 'summarize') - mrBefore.summarize).toBe(expected.summarize);
  expect(summaries().at(-1)?.errors).toEqual([]);
});

test('edits push the current values again; governance totals add up over several saves', async () => {
  const ueBefore = units(E2E.ue.scriptId);
  const mrBefore = units(E2E.mr.scriptId);
  const ids = ['Société Générale de Négoce', '東京商事', "O'Brien & Sons Ltd"].map((name) => {
    const id = account.rt.ui.create('customer', { companyname: name, subsidiary: '1' });
    account.processQueue();
    return id;
  });
  account.rt.ui.update('customer', ids[0]!, { companyname: 'Société Générale' });
  account.processQueue();
  account.rt.ui.inlineEdit('customer', ids[1]!, { phone: '+81 3 55550000' });
  account.processQueue();

  const accounts = await account.fake.accounts();
  const byId = (id: number) => accounts.find((a) => a.account_id === String(id));
  expect(byId(ids[0]!)?.fields.name).toBe('Société Générale');
  expect(byId(ids[0]!)?.writeCount).toBe(2);
  expect(byId(ids[1]!)?.fields.phone).toBe('+81 3 55550000');
  expect(byId(ids[2]!)?.fields.name).toBe("O'Brien & Sons Ltd");

  // 5 saves (3 creates, an edit, an inline edit), each one User Event submit and one push run.
  const run = pushRunUnits(1);
  expect(units(E2E.ue.scriptId) - ueBefore).toBe(5 * COSTS.mapReduceSubmit);
  expect(units(E2E.mr.scriptId) - mrBefore).toBe(5 * (run.getInputData + run.map + run.reduce + run.summarize));
});

test('a CSV import without server scripts fires no User Event, so nothing is queued or sent', async () => {
  const queued = pushTasks().length;
  const sent = account.httpLog.length;
  const result = account.rt.csvImport('customer', [{ companyname: 'Quiet Import AB', subsidiary: '1' }], { runServerScripts: false });
  expect(result.errors).toEqual([]);
  account.processQueue();
  expect(pushTasks()).toHaveLength(queued);
  expect(account.httpLog).toHaveLength(sent);
  expect(await account.fake.account(String(result.added[0]))).toBeUndefined();
});

test('a Freshsuccess outage fails the reduce; summarize reports it and nothing is stored', async () => {
  await account.fake.injectFaults([{ kind: 'status', status: 503, times: 1, method: 'POST', path: '/api/v2/accounts' }]);
  const id = account.rt.ui.create('customer', { companyname: 'Outage Test Inc.', subsidiary: '1' });
  account.processQueue();
  expect(account.httpLog.at(-1)).toMatchObject({ status: 503, outcome: 'ok' });
  expect(summaries().at(-1)?.errors).toEqual(['accounts: E2E_PUSH_REFUSED']);
  expect(await account.fake.account(String(id))).toBeUndefined();
});

test('the API key appears nowhere: not in script logs, the HTTPS log, the fake\'s request log or its state', async () => {
  const everything = [
    JSON.stringify(account.rt.logs),
    JSON.stringify(account.httpLog),
    JSON.stringify(await account.fake.requests()),
    JSON.stringify(await account.fake.state()),
    JSON.stringify(account.rt.store.rows('customer').map((r) => r.values)),
  ];
  // The key was used: every push above authenticated.
  expect(account.httpLog.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(6);
  const b64 = Buffer.from(`api:${API_KEY}`).toString('base64');
  for (const text of everything) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(b64);
  }
  expect(account.httpLog.every((r) => r.headers.Authorization === '[REDACTED]')).toBe(true);
});
