/**
 * The composition root's own promises: Freshsuccess host names reach the fake with their Host
 * header (so the tenant's region is enforced), a random key per run when none is given,
 * stop() ends the fake's child process, and a project without the sync pieces says so.
 */
import { createLocalAccount } from '../../../emulator/localAccount';
import { startReport } from '../../../emulator/local/report';
import { findSuiteAppPieces } from '../../../emulator/local/suiteApp';
import { seedSampleAccount } from '../../../emulator/seed/sampleAccount';
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

test('a project without the SuiteApp\'s sync pieces is reported as such, and nothing is run', async () => {
  const account = await createLocalAccount({ sdfRoot: buildE2eProject(), suitelets: true });
  try {
    const seeded = seedSampleAccount(account.rt, { customers: 12, contacts: 30 });
    const pieces = findSuiteAppPieces(account);
    expect(pieces.missing).toEqual([
      'config record type customrecord_fsc_config (src/Objects/customrecord_fsc_config.xml)',
      'full-sync Map/Reduce customscript_fsc_mr_fullsync',
      'drain Map/Reduce customscript_fsc_mr_drain',
      'User Event scripts (customscript_fsc_ue_*) on customer and contact',
      'a config Suitelet (customscript_fsc_sl_*)',
    ]);
    const report = await startReport(account, { build: { ran: false, sources: 0 }, seeded, pieces, steps: [] });
    expect(report).toMatch(/^Seeded: 12 customers .*, 30 contacts /m);
    expect(report).toMatch(/^SuiteApp pieces present: none yet$/m);
    expect(report).toMatch(/^HTTPS requests sent by scripts: 0$/m);
    expect(report).toMatch(/^Freshsuccess holds: 0 accounts \(0 active\), 0 contacts \(0 active\)$/m);
    expect(report).toContain(`Fake Freshsuccess     ${account.fakeUrl}`);
    expect(report).toMatch(/^ {2}Suitelet server +http:\/\/127\.0\.0\.1:\d+ +\(the SuiteApp has no Suitelet yet\)$/m);
  } finally {
    await account.stop();
  }
});
