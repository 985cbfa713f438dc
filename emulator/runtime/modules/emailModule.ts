/** N/email: send costs 20 units; messages are captured in rt.emails, nothing leaves the machine. */
import type { ExecutionStack } from '../execution';
import { nsError } from '../errors';
import type { SimulatedClock } from '../services';
import { COST } from './costs';

export interface SentEmail {
  author: number;
  recipients: (string | number)[];
  subject: string;
  body: string;
  cc: (string | number)[];
  bcc: (string | number)[];
  relatedRecords?: Record<string, unknown>;
  sentAt: Date;
  scriptId: string;
}

export function createEmailModule(executions: ExecutionStack, outbox: SentEmail[], clock: SimulatedClock) {
  const send = (api: string, options: { author: number; recipients: unknown; subject: string; body: string; cc?: unknown; bcc?: unknown; relatedRecords?: Record<string, unknown> }) => {
    for (const k of ['author', 'recipients', 'subject', 'body'] as const) {
      if (options?.[k] === undefined || options[k] === null || options[k] === '') throw nsError.missingArgument(`email.${api}`, k);
    }
    const ex = executions.require(`N/email.${api}`);
    ex.meter.debit(`N/email.${api}`, COST.emailSend);
    const list = (x: unknown) => (x === undefined ? [] : Array.isArray(x) ? x : [x]) as (string | number)[];
    outbox.push({
      author: options.author,
      recipients: list(options.recipients),
      subject: String(options.subject),
      body: String(options.body),
      cc: list(options.cc),
      bcc: list(options.bcc),
      relatedRecords: options.relatedRecords,
      sentAt: clock.now(),
      scriptId: ex.scriptId,
    });
  };
  return Object.freeze({
    send: (o: Parameters<typeof send>[1]) => send('send', o),
    sendBulk: (o: Parameters<typeof send>[1]) => send('sendBulk', o),
  });
}
