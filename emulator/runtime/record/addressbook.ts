/**
 * The customer's billing address. NetSuite keeps addresses in the `addressbook` sublist, each
 * line holding an address subrecord; searches read them as billaddress1, billcity... The
 * emulator stores one default billing address per customer (billaddr1, billcity... in the
 * store) and lets scripts read it the NetSuite way: line 0 of 'addressbook', subrecord field
 * 'addressbookaddress' with addr1/addr2/city/state/zip/country/addressee.
 */
const SUBRECORD_FIELDS: Record<string, string> = {
  addressee: 'billaddressee',
  addr1: 'billaddr1',
  addr2: 'billaddr2',
  city: 'billcity',
  state: 'billstate',
  zip: 'billzip',
  country: 'billcountry',
};

export class AddressSubrecord {
  readonly type = 'address';
  #values: Record<string, unknown>;

  constructor(values: Record<string, unknown>) {
    this.#values = values;
  }

  getValue(options: { fieldId: string } | string): string {
    const fieldId = typeof options === 'string' ? options : options?.fieldId;
    const stored = SUBRECORD_FIELDS[fieldId];
    if (!stored) return '';
    const v = this.#values[stored];
    return v == null ? '' : String(v);
  }

  getText(options: { fieldId: string } | string): string {
    return this.getValue(options);
  }
}

/** The address as one block of text (what addressbookaddress_text and billaddress show). */
export function formatAddressText(v: Record<string, unknown>): string {
  const s = (k: string) => (v[k] == null ? '' : String(v[k]));
  const cityLine = [s('billcity'), [s('billstate'), s('billzip')].filter(Boolean).join(' ')].filter(Boolean).join(' ');
  return [s('billaddressee'), s('billaddr1'), s('billaddr2'), cityLine, s('billcountry')].filter(Boolean).join('\n');
}
