/**
 * The composition root's own promises: Freshsuccess host names reach the fake with their Host
 * header (so the tenant's region is enforced), a random key per run when none is given, and
 * stop() ends the fake's child process.
 */
import { createLocalAccount } from '../../../emulator/localAccount';
import { buildE2eProject, E2E } from './support/e2eProject';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('a tenant in the EU refuses the US host: the Host header reaches the fake; stop() ends it', async () => {
  const account = await createLocalAccount({ sdfRoot: buildE2eProject(), region: 'eu' });
  try {
    expect(alive(account.fakePid)).toBe(true);
    const id = account.rt.ui.create('customer', { companyname: 'Öresund Logistik AB', subsidiary: '1' });
    account.processQueue();
    const requests = await account.fake.requests();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ host: 'api-us.freshsuccess.com', auth: 'basic', status: 401 });
    const summary = account.rt.logsOf(E2E.mr.scriptId).find((l) => l.title === 'summary');
    expect(JSON.parse(summary!.details).errors).toEqual(['accounts: E2E_PUSH_REFUSED']);
    expect(await account.fake.account(String(id))).toBeUndefined();
    // The generated key is in the vault only: one value, never on the handle.
    expect(account.drivers.https.vault.allValues()).toHaveLength(1);
    expect(JSON.stringify(Object.keys(account))).not.toMatch(/apiKey/i);
  } finally {
    await account.stop();
    await account.stop(); // idempotent
  }
  expect(alive(account.fakePid)).toBe(false);
});
