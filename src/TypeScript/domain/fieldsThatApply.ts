/**
 * Which settings fields apply to the choices on the form: the key is typed or kept as an API
 * Secret (never both), and a custom field holds the account id only with "A custom field". The
 * admin page's client script hides the others, and saving ignores them by this same rule
 * (domain/adminSettings.ts), so a browser without the script still saves the right values.
 */
import type { SettingsForm } from './adminSettings';

export type Choices = Pick<SettingsForm, 'keySource' | 'accountIdSource'>;
export type Optional = 'credentialGuid' | 'secretId' | 'accountIdField';

export function fieldsThatApply(choices: Choices): Record<Optional, boolean> {
  return {
    credentialGuid: choices.keySource !== 'secret',
    secretId: choices.keySource === 'secret',
    accountIdField: choices.accountIdSource === 'field',
  };
}
