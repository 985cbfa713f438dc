/**
 * Alert mail through N/email (20 units a message). email.send needs an employee as author
 * (docs/netsuite-platform-facts.md §1): the first recipient sends it to all of them, themselves
 * included, so no other sender has to be configured. A refusal (an employee made inactive, left
 * without an email) is logged and the alert is tried again at the next sweep.
 */
import * as email from 'N/email';
import * as url from 'N/url';
import type { AlertMailer } from '../app/ports';
import { logger } from './platform';
import { SCRIPTS } from './schema';

export function netsuiteAlertMailer(): AlertMailer {
  return {
    send(recipients, subject, body) {
      try {
        email.send({ author: Number(recipients[0]), recipients: recipients.map(Number), subject, body });
        return true;
      } catch (e) {
        const err = e as { name?: unknown; message?: unknown };
        logger.error('FreshSync could not send an alert', `${String(err.name ?? 'Error')}: ${String(err.message ?? e).slice(0, 500)}. Check that the alert recipients chosen in the settings are active employees with an email address.`);
        return false;
      }
    },
    pageUrl() {
      const path = url.resolveScript({ scriptId: SCRIPTS.admin.scriptId, deploymentId: SCRIPTS.admin.deploymentId });
      // A mail needs the whole address: the account's own application host before the path.
      try {
        return `https://${url.resolveDomain({ hostType: url.HostType.APPLICATION })}${path}`;
      } catch {
        return path;
      }
    },
  };
}
