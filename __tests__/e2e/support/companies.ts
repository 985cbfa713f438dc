/** Small fixtures shared by the fault tests: a company with contacts, and a sync check. */
import type { SyncHarness } from './syncHarness';

export interface Company {
  company: number;
  contacts: number[];
}

/** A company with `contacts` contacts, saved in the UI. */
export function newCompany(h: SyncHarness, name: string, contacts: number): Company {
  const company = h.createCustomer({ companyname: name, phone: '+1 212 555 0000' });
  const ids = Array.from({ length: contacts }, (_, i) =>
    h.createContact({ firstname: 'Pat', lastname: `${name.split(' ')[0]}${i}`, company: String(company), email: `pat${i}@${company}.test` }));
  return { company, contacts: ids };
}

/** Freshsuccess holds exactly what NetSuite holds for these records, and nothing waits or died. */
export async function expectInSync(h: SyncHarness, companies: Company[]): Promise<void> {
  const accounts = new Map((await h.accounts()).map((a) => [a.account_id, a]));
  const contacts = new Map((await h.contacts()).map((c) => [c.user_id, c]));
  for (const c of companies) {
    const ns = h.rt.ui.get('customer', c.company)!.values;
    expect(accounts.get(String(c.company))?.fields).toMatchObject({ name: ns.companyname, phone: ns.phone });
    for (const id of c.contacts) {
      const v = h.rt.ui.get('contact', id)!.values;
      expect(contacts.get(String(id))).toMatchObject({ account_id: String(c.company), isActive: true, fields: expect.objectContaining({ email: v.email }) });
    }
  }
  expect(h.outbox().filter((e) => e.status === 'DEAD' || e.status === 'RETRY')).toEqual([]);
}
