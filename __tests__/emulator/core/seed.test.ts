import { NetSuiteRuntime } from '../../../emulator/runtime/netSuiteRuntime';
import { emptyProject } from '../../../emulator/runtime/project/definitions';
import { seedSampleAccount } from '../../../emulator/seed/sampleAccount';
import { deployment, fixtureRuntime, recorderScript, seenEvents } from './helpers/fixtureRuntime';

describe('sample account seeder', () => {
  test('default counts and variety', () => {
    const rt = new NetSuiteRuntime({ project: emptyProject() });
    const s = seedSampleAccount(rt);
    const c = s.counts;
    expect(c.customers).toBe(300);
    expect(c.contacts).toBe(1000);
    expect(rt.store.count('customer')).toBe(300);
    expect(rt.store.count('contact')).toBe(1000);
    expect(c.individuals).toBeGreaterThan(30);
    expect(c.leads).toBeGreaterThan(15);
    expect(c.prospects).toBeGreaterThan(10);
    expect(c.subCustomers).toBeGreaterThan(10);
    expect(c.inactiveCustomers).toBeGreaterThan(5);
    expect(c.nonAsciiCustomers).toBeGreaterThan(10);
    expect(c.contactsWithoutCompany).toBeGreaterThan(30);
    expect(c.inactiveContacts).toBeGreaterThan(30);
    const names = rt.records.list('customer').map((r) => r.values.entityid);
    expect(names).toEqual(expect.arrayContaining(['Müller GmbH', '東京商事']));
    expect(new Set(names).size).toBe(names.length);
    const muller = rt.records.list('customer').find((r) => r.values.entityid === 'Müller GmbH')!;
    expect(muller.values).toMatchObject({ billcity: expect.any(String), billcountry: 'DE', subsidiary: String(s.subsidiaries[1]) });
    const dates = rt.records.list('contact').map((r) => [r.values.datecreated as Date, r.values.lastmodifieddate as Date]);
    expect(dates.every(([c1, m]) => c1!.getTime() <= m!.getTime() && m!.getTime() <= rt.clock.nowMs())).toBe(true);
    expect(rt.records.list('customer').some((r) => typeof r.values.custentity_industry === 'string')).toBe(true);
  });

  test('deterministic for a seed, different for another', () => {
    const snap = (seed: number) => {
      const rt = new NetSuiteRuntime({ project: emptyProject() });
      seedSampleAccount(rt, { seed, customers: 50, contacts: 80 });
      return JSON.stringify(rt.records.list('contact').map((r) => r.values));
    };
    expect(snap(7)).toBe(snap(7));
    expect(snap(7)).not.toBe(snap(8));
  });

  test('seeding fires no User Event, and scales to benchmark sizes', () => {
    const rt = fixtureRuntime();
    rt.defineScript(recorderScript([deployment(), deployment({ scriptId: 'customdeploy_c', recordType: 'contact' })]));
    // Benchmark sizes; the suite's test timeout bounds how long it may take.
    const s = seedSampleAccount(rt, { customers: 10_000, contacts: 20_000 });
    expect(s.counts).toMatchObject({ customers: 10_000, contacts: 20_000 });
    expect([rt.store.rows('customer').length, rt.store.rows('contact').length]).toEqual([10_000, 20_000]);
    expect(seenEvents(rt)).toHaveLength(0);
  });
});
