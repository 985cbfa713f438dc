/**
 * Seeds a realistic sample account, deterministically (seeded PRNG): subsidiaries, sales reps,
 * customer categories, customers (companies and individuals, sub-customers, leads and
 * prospects, inactive ones, non-ASCII names, billing addresses, custom entity fields) and
 * contacts (some without a company, some inactive). Data is written straight to the store:
 * no User Event fires, as for data that predates the SuiteApp. Dates spread over the three
 * years before the runtime's clock.
 */
import type { NetSuiteRuntime } from '../runtime/netSuiteRuntime';
import type { EntityFieldDefinition } from '../runtime/project/definitions';
import type { CustomerStage } from '../runtime/store/schema';
import { validateRecord } from '../runtime/store/validation';
import { COMPANY_NOUNS, COMPANY_STEMS, COUNTRIES, type Country, FIRST_NAMES, LAST_NAMES, LEGAL_FORMS, NOTABLE_COMPANIES, slug, TITLES } from './names';
import { Random } from './random';

export interface SampleAccountOptions {
  seed?: number;
  customers?: number;
  contacts?: number;
  salesReps?: number;
  /** Share of customers that are individuals (isperson). */
  individualShare?: number;
  leadShare?: number;
  prospectShare?: number;
  subCustomerShare?: number;
  inactiveShare?: number;
  contactsWithoutCompanyShare?: number;
  /** Adds the account's own custom entity fields (industry, seats, renewal, VIP) when missing. */
  customEntityFields?: boolean;
}

export interface SampleAccountSummary {
  subsidiaries: number[];
  salesReps: number[];
  categories: number[];
  customers: number[];
  contacts: number[];
  counts: {
    customers: number;
    companies: number;
    individuals: number;
    leads: number;
    prospects: number;
    subCustomers: number;
    inactiveCustomers: number;
    nonAsciiCustomers: number;
    contacts: number;
    contactsWithoutCompany: number;
    /** Contacts whose company is inactive (a tenant may refuse contacts on churned accounts). */
    contactsOfInactiveCompanies: number;
    inactiveContacts: number;
  };
}

/** Custom entity fields a typical account has, unrelated to the SuiteApp. */
const SAMPLE_ENTITY_FIELDS: EntityFieldDefinition[] = [
  { scriptId: 'custentity_industry', label: 'Industry', fieldType: 'TEXT', appliesToCustomer: true, appliesToContact: false },
  { scriptId: 'custentity_seat_count', label: 'Seats', fieldType: 'INTEGER', appliesToCustomer: true, appliesToContact: false },
  { scriptId: 'custentity_renewal_date', label: 'Renewal date', fieldType: 'DATE', appliesToCustomer: true, appliesToContact: false },
  { scriptId: 'custentity_vip', label: 'VIP', fieldType: 'CHECKBOX', appliesToCustomer: true, appliesToContact: true },
];

const INDUSTRIES = ['Manufacturing', 'Retail', 'Software', 'Healthcare', 'Logistics', 'Education', 'Finance', 'Hospitality', 'Energy', 'Non-profit'];
const CATEGORIES = ['Enterprise', 'Mid-Market', 'SMB', 'Partner', 'Non-profit'];
const DAY = 86_400_000;

export function seedSampleAccount(rt: NetSuiteRuntime, options: SampleAccountOptions = {}): SampleAccountSummary {
  const o = {
    seed: 20260105, customers: 300, contacts: 1000, salesReps: 8, individualShare: 0.2, leadShare: 0.12, prospectShare: 0.1,
    subCustomerShare: 0.15, inactiveShare: 0.08, contactsWithoutCompanyShare: 0.08, customEntityFields: true, ...options,
  };
  const rnd = new Random(o.seed);
  const store = rt.store;
  const now = rt.clock.nowMs();
  const insert = (type: string, values: Record<string, unknown>, stage?: CustomerStage) => {
    validateRecord(store, rt.schemas.get(type), values, { stage });
    return store.insert(type, values, { keepDates: true }).id;
  };
  const dates = () => {
    const created = now - rnd.int(1, 3 * 365) * DAY - rnd.int(0, DAY - 1);
    return { datecreated: new Date(created), lastmodifieddate: new Date(created + Math.floor(rnd.next() * (now - created))) };
  };

  if (o.customEntityFields) {
    for (const f of SAMPLE_ENTITY_FIELDS) if (!rt.schemas.get('customer').fields.has(f.scriptId)) rt.defineEntityField(f);
  }
  const hasField = (type: string, id: string) => rt.schemas.get(type).fields.has(id);

  // Subsidiaries: the parent company exists; add Europe and Japan.
  const subsidiaries = [1];
  for (const [name, country] of [['FreshSync Europe GmbH', 'DE'], ['FreshSync Japan 株式会社', 'JP']] as const) {
    const existing = store.rows('subsidiary').find((r) => r.values.name === name);
    subsidiaries.push(existing ? existing.id : insert('subsidiary', { name, country, isinactive: false }));
  }
  const categories = CATEGORIES.map((name) => store.rows('customercategory').find((r) => r.values.name === name)?.id ?? insert('customercategory', { name, isinactive: false }));

  const salesReps: number[] = [];
  for (let i = 0; i < o.salesReps; i++) {
    const first = rnd.pick(FIRST_NAMES);
    const last = rnd.pick(LAST_NAMES);
    salesReps.push(insert('employee', {
      firstname: first, lastname: last, entityid: `${first} ${last} (${i + 1})`, email: `${slug(first) || 'rep'}.${slug(last) || 'sales'}${i + 1}@freshsync-sample.com`,
      issalesrep: true, isinactive: i === o.salesReps - 1 && o.salesReps > 3, subsidiary: String(subsidiaries[i % subsidiaries.length]), ...dates(),
    }));
  }

  const usedNames = new Set<string>(store.rows('customer').map((r) => String(r.values.entityid)));
  const unique = (name: string) => {
    let candidate = name;
    for (let n = 2; usedNames.has(candidate); n++) candidate = `${name} (${n})`;
    usedNames.add(candidate);
    return candidate;
  };
  const counts = { customers: 0, companies: 0, individuals: 0, leads: 0, prospects: 0, subCustomers: 0, inactiveCustomers: 0, nonAsciiCustomers: 0, contacts: 0, contactsWithoutCompany: 0, contactsOfInactiveCompanies: 0, inactiveContacts: 0 };
  const customers: number[] = [];
  const companies: { id: number; domain: string; country: Country; stage: CustomerStage; inactive: boolean }[] = [];

  for (let i = 0; i < o.customers; i++) {
    const notable = i < NOTABLE_COMPANIES.length && i < o.customers * 0.5 ? NOTABLE_COMPANIES[i] : undefined;
    const isPerson = !notable && rnd.chance(o.individualShare);
    const country = notable ? COUNTRIES.find((c) => c.code === notable.country)! : rnd.pick(COUNTRIES);
    const r = rnd.next();
    const stage: CustomerStage = r < o.leadShare ? 'LEAD' : r < o.leadShare + o.prospectShare ? 'PROSPECT' : 'CUSTOMER';
    const place = rnd.pick(country.cities);
    const values: Record<string, unknown> = {
      isperson: isPerson,
      entitystatus: String(stage === 'CUSTOMER' ? rnd.pick([13, 13, 13, 15, 16]) : stage === 'LEAD' ? rnd.pick([6, 7]) : rnd.pick([8, 9, 10, 11])),
      subsidiary: String(subsidiaries[country.subsidiary] ?? 1),
      isinactive: rnd.chance(o.inactiveShare),
      phone: `${country.phonePrefix} ${String(rnd.int(0, 9999)).padStart(4, '0')}`,
      billaddr1: `${rnd.int(1, 250)} ${rnd.pick(country.streets)}`,
      billcity: place.city,
      billstate: place.state || null,
      billzip: place.zip,
      billcountry: country.code,
      ...dates(),
    };
    let domain: string;
    if (isPerson) {
      const first = rnd.pick(FIRST_NAMES);
      const last = rnd.pick(LAST_NAMES);
      values.firstname = first;
      values.lastname = last;
      values.entityid = unique(`${first} ${last}`);
      domain = rnd.pick(['gmail.com', 'outlook.com', 'web.de', 'orange.fr', 'yahoo.co.jp']);
      values.email = `${slug(first) || 'user'}.${slug(last) || String(i)}${i}@${domain}`;
    } else {
      const name = notable?.name ?? `${rnd.pick(COMPANY_STEMS)} ${rnd.pick(COMPANY_NOUNS)} ${rnd.pick(LEGAL_FORMS[country.code] ?? ['Inc.'])}`;
      values.companyname = unique(name);
      values.entityid = values.companyname;
      domain = `${slug(String(values.companyname)) || `company-${i}`}.${country.tld}`;
      if (rnd.chance(0.9)) values.email = `info@${domain}`;
      if (rnd.chance(0.8)) values.url = `https://www.${domain}`;
      if (rnd.chance(0.7)) values.category = String(rnd.pick(categories));
      const parent = companies.length > 5 && rnd.chance(o.subCustomerShare) ? rnd.pick(companies.filter((c) => c.stage === 'CUSTOMER')) : undefined;
      if (parent) {
        values.parent = String(parent.id);
        counts.subCustomers++;
      }
    }
    if (rnd.chance(0.85)) values.salesrep = String(rnd.pick(salesReps));
    if (o.customEntityFields) {
      if (hasField('customer', 'custentity_industry') && rnd.chance(0.8)) values.custentity_industry = rnd.pick(INDUSTRIES);
      if (hasField('customer', 'custentity_seat_count') && !isPerson && rnd.chance(0.7)) values.custentity_seat_count = rnd.int(1, 5000);
      if (hasField('customer', 'custentity_renewal_date') && stage === 'CUSTOMER' && rnd.chance(0.6)) values.custentity_renewal_date = new Date(Date.UTC(2026, rnd.int(0, 11), rnd.int(1, 28)));
      if (hasField('customer', 'custentity_vip')) values.custentity_vip = rnd.chance(0.1);
    }
    const id = insert('customer', values, stage);
    customers.push(id);
    counts.customers++;
    if (isPerson) counts.individuals++;
    else {
      counts.companies++;
      companies.push({ id, domain, country, stage, inactive: values.isinactive === true });
    }
    if (stage === 'LEAD') counts.leads++;
    if (stage === 'PROSPECT') counts.prospects++;
    if (values.isinactive === true) counts.inactiveCustomers++;
    if (/[^\x00-\x7f]/.test(String(values.entityid))) counts.nonAsciiCustomers++;
  }

  const contacts: number[] = [];
  for (let i = 0; i < o.contacts; i++) {
    const first = rnd.pick(FIRST_NAMES);
    const last = rnd.pick(LAST_NAMES);
    const company = companies.length && !rnd.chance(o.contactsWithoutCompanyShare) ? rnd.pick(companies) : undefined;
    const values: Record<string, unknown> = {
      firstname: first,
      lastname: last,
      entityid: `${first} ${last}`,
      title: rnd.pick(TITLES) || null,
      isinactive: rnd.chance(0.07),
      phone: rnd.chance(0.7) ? `${(company?.country ?? COUNTRIES[0]!).phonePrefix} ${String(rnd.int(0, 9999)).padStart(4, '0')}` : null,
      ...dates(),
    };
    if (company) values.company = String(company.id);
    if (rnd.chance(0.95)) values.email = `${slug(first) || 'contact'}.${slug(last) || String(i)}.${i}@${company?.domain ?? 'example.org'}`;
    if (o.customEntityFields && hasField('contact', 'custentity_vip')) values.custentity_vip = rnd.chance(0.05);
    contacts.push(insert('contact', values));
    counts.contacts++;
    if (!company) counts.contactsWithoutCompany++;
    else if (company.inactive) counts.contactsOfInactiveCompanies++;
    if (values.isinactive === true) counts.inactiveContacts++;
  }
  return { subsidiaries, salesReps, categories, customers, contacts, counts };
}
