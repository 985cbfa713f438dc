/**
 * Credential fields on POST, as NetSuite handles them: the clear text the user typed is stored
 * encrypted (here: in the runtime's vault, owned by N/https) and the Suitelet receives only a
 * GUID in `request.parameters[fieldId]`. The clear value never reaches the script, the request
 * log, logs or pages; the values seen are returned so error pages and logs can be scrubbed.
 *
 * The `maxlength` the page sets (32 unless the script raised Field.maxLength) is applied here
 * as a browser applies it to typed or pasted text: a longer value is cut. That is what a real
 * admin would silently get, so an end-to-end test with a long API key catches a forgotten
 * maxLength.
 */
import type { CredentialDescriptor } from '../ui/descriptor';
import { SuiteScriptError } from '../errors';

/** The part of the runtime's secret vault this needs (emulator/runtime/https/secrets.ts). */
export interface CredentialVault {
  storeCredential(
    value: string,
    restrictions: { allowedScriptIds: string[]; allowedDomains: string[]; restrictToUserId?: number },
  ): string;
}

export interface CredentialResult {
  /** Clear values seen in this request, longest first, for scrubbing. */
  clearValues: string[];
}

export function applyCredentials(
  parameters: Record<string, string>,
  credentials: readonly CredentialDescriptor[],
  vault: CredentialVault | undefined,
  userId: number,
): CredentialResult {
  const clearValues: string[] = [];
  for (const c of credentials) {
    const typed = parameters[c.id];
    if (typed === undefined || typed === '') {
      // Left blank: a stored credential keeps its GUID, as NetSuite posts the masked value back.
      parameters[c.id] = c.storedGuid ?? '';
      continue;
    }
    clearValues.push(typed);
    const clear = typed.slice(0, c.maxLength);
    if (!vault) {
      parameters[c.id] = '';
      throw new SuiteScriptError('SSS_EMULATOR_NO_VAULT', `Credential field ${c.id} was posted but no credential vault is connected to the Suitelet server`);
    }
    parameters[c.id] = vault.storeCredential(clear, {
      allowedScriptIds: [...c.spec.restrictToScriptIds],
      allowedDomains: [...c.spec.restrictToDomains],
      restrictToUserId: c.spec.restrictToCurrentUser ? userId : undefined,
    });
  }
  return { clearValues: clearValues.sort((a, b) => b.length - a.length) };
}

/**
 * Replaces every clear value in `text` (and its URL-encoded forms). Values under 4 characters are
 * left alone: replacing them everywhere would garble the text without protecting anything real.
 */
export function scrub(text: string, clearValues: readonly string[]): string {
  let out = text;
  for (const v of clearValues) {
    if (v.length < 4) continue;
    for (const form of new Set([v, encodeURIComponent(v), new URLSearchParams({ v }).toString().slice(2)])) {
      if (form) out = out.split(form).join('********');
    }
  }
  return out;
}
