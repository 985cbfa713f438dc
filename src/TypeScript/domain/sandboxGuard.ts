/**
 * Settings copied into another account: a sandbox or release-preview refresh copies production's
 * custom records, FreshSync's settings (and so its Freshsuccess key) with them. Pushing from the
 * copy would write test data into the production tenant, so the settings remember the account
 * they were saved in, and nothing is pushed from another one until an administrator confirms the
 * Freshsuccess tenant there. Settings saved before they remembered it are not held back.
 */

/** Why pushing waits, or null when the settings belong to this account. */
export function copiedSettings(savedIn: string, running: string): string | null {
  if (savedIn.trim() === '' || savedIn.trim().toUpperCase() === running.trim().toUpperCase()) return null;
  return `These settings were saved in NetSuite account ${savedIn}, and this is account ${running} (a sandbox or release preview copied from it?). Nothing is pushed from here until an administrator confirms the Freshsuccess tenant for this account on the FreshSync page.`;
}
