/**
 * N/email (Help Center "email.send(options)", section_4358681681; "email.sendBulk(options)",
 * section_4358667505): send costs 20 units, sendBulk 10. Checked as NetSuite documents it: author,
 * recipients, subject and body required; the author is the internal id of an employee; at most 10
 * recipients in all (recipients + cc + bcc), each an internal id of an entity or an email address.
 * The id -5 is the account's administrator (scripts and Oracle's own examples send as `author: -5`;
 * seen in client code), here the runtime's Administrator. The error codes for a wrong author, too
 * many recipients and a recipient without an address are the emulator's (not confirmed). Messages are captured in rt.emails with the addresses they went
 * to; nothing leaves the machine.
 */
import type { ExecutionStack } from '../execution';
import { nsError, SuiteScriptError } from '../errors';
import type { SimulatedClock } from '../services';
import type { RecordStore } from '../store/recordStore';
import { COST } from './costs';

export interface SentEmail {
  author: number;
  recipients: (string | number)[];
  /** The addresses the message went to (recipients, cc and bcc resolved to emails), in that order. */
  to: string[];
  subject: string;
  body: string;
  cc: (string | number)[];
  bcc: (string | number)[];
  relatedRecords?: Record<string, unknown>;
  sentAt: Date;
  scriptId: string;
}

/** "A maximum of 10 recipients (recipient + cc + bcc) is allowed." */
const MAX_EMAIL_RECIPIENTS = 10;
const ENTITY_TYPES = ['employee', 'contact', 'customer'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INTERNAL_ID = /^[1-9]\d*$/;
/** The account administrator's special internal id. */
const ACCOUNT_ADMINISTRATOR = '-5';

type SendOptions = { author: unknown; recipients: unknown; subject: string; body: string; cc?: unknown; bcc?: unknown; relatedRecords?: Record<string, unknown> };

export function createEmailModule(executions: ExecutionStack, outbox: SentEmail[], clock: SimulatedClock, store: RecordStore, administratorId: () => number) {
  /** -5 stands for the account's administrator. */
  const idOf = (text: string) => (text === ACCOUNT_ADMINISTRATOR ? String(administratorId()) : text);
  const list = (x: unknown) => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]) as (string | number)[];

  /** An entity's internal id → its email; an address → itself. */
  const addressOf = (api: string, r: string | number): string => {
    const text = idOf(String(r).trim());
    if (INTERNAL_ID.test(text)) {
      const entity = ENTITY_TYPES.map((t) => store.find(t, text)).find((e) => e !== undefined);
      const email = entity ? String(entity.values['email'] ?? '') : '';
      if (email === '') throw new SuiteScriptError('SSS_INVALID_RECIPIENT', `${api}: recipient ${text} is no entity with an email address`);
      return email;
    }
    if (!EMAIL.test(text)) throw new SuiteScriptError('SSS_INVALID_RECIPIENT', `${api}: "${text.slice(0, 80)}" is neither an internal id nor an email address`);
    return text;
  };

  const send = (api: 'send' | 'sendBulk', options: SendOptions) => {
    const name = `email.${api}`;
    for (const k of ['author', 'recipients', 'subject', 'body'] as const) {
      const v = options?.[k];
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) throw nsError.missingArgument(name, k);
    }
    const author = idOf(String(options.author).trim());
    const employee = INTERNAL_ID.test(author) ? store.find('employee', author) : undefined;
    if (!employee) throw new SuiteScriptError('SSS_AUTHOR_MUST_BE_EMPLOYEE', `${name}: the author must be the internal id of an employee (got ${author.slice(0, 40)})`);
    const recipients = list(options.recipients);
    const cc = list(options.cc);
    const bcc = list(options.bcc);
    const all = [...recipients, ...cc, ...bcc];
    if (all.length > MAX_EMAIL_RECIPIENTS) throw new SuiteScriptError('SSS_MAX_RECIPIENTS_EXCEEDED', `${name}: ${all.length} recipients; at most ${MAX_EMAIL_RECIPIENTS} (recipients + cc + bcc) are allowed`);
    const to = all.map((r) => addressOf(name, r));
    const ex = executions.require(`N/email.${api}`);
    ex.meter.debit(`N/email.${api}`, api === 'send' ? COST.emailSend : COST.emailSendBulk);
    outbox.push({
      author: Number(author),
      recipients,
      to,
      subject: String(options.subject),
      body: String(options.body),
      cc,
      bcc,
      relatedRecords: options.relatedRecords,
      sentAt: clock.now(),
      scriptId: ex.scriptId,
    });
  };
  return Object.freeze({
    send: (o: SendOptions) => send('send', o),
    sendBulk: (o: SendOptions) => send('sendBulk', o),
  });
}
