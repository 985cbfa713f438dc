/**
 * The admin page's setup checklist, decided from facts the page read (netsuite/setupFacts.ts):
 * each step a script can check is marked done or to do, with what to do next and where to click;
 * a fact that could not be read is "not checked" (never guessed as done); the steps no script can
 * see (an access token, the credentials typed into Freshsuccess) say so and where they are done.
 *
 * Two lists: what FreshSync's own push needs, and what Freshsuccess's own NetSuite connector
 * needs if it also reads this account (docs/setup-guide-mapping.md, steps 2 to 7).
 */
import { keyFingerprint, type KeyTestRecord } from './keyTest';
import { PAUSE_WORDS, pauseCause } from './pauseCause';
import type { Region, SecretReference } from './config';
import { utcMinute } from './timeText';

export type CheckState = 'done' | 'todo' | 'unknown' | 'manual';

export type CheckId = 'settings' | 'key' | 'schedules' | 'tba' | 'role' | 'roleHolder' | 'token' | 'freshsuccess';

export interface CheckItem {
  id: CheckId;
  title: string;
  state: CheckState;
  /** What was found, in a sentence. */
  detail: string;
  /** What to do and where to click; empty when done. */
  next: string;
}

export interface Checklist {
  /** What FreshSync's own push needs. */
  push: CheckItem[];
  /** What Freshsuccess's own connector needs to read NetSuite (optional). */
  connector: CheckItem[];
}

/** A scheduled deployment the SuiteApp ships: found or not, and how it is set now. */
export interface ScheduledDeployment {
  scriptId: string;
  title: string;
  /** null: no such deployment in the account. */
  found: { deployed: boolean; status: string } | null;
}

export type TokenRoleFacts =
  | { found: false }
  /** `holders`: active employees with the role; null when that search failed. */
  | { found: true; inactive: boolean; holders: number | null };

export interface SetupFacts {
  accountId: string;
  /** The saved settings' data centre and key reference; null: no settings saved (key null: none saved). */
  saved: { region: Region; secret: SecretReference | null } | null;
  keyTest: KeyTestRecord | null;
  /** The state's pause, if pushing is paused. */
  pause: { at: number; message: string } | null;
  /** null: the deployments could not be read. */
  deployments: ScheduledDeployment[] | null;
  /** Token-based authentication in effect; null: could not be asked. */
  tba: boolean | null;
  /** null: the role could not be looked up. */
  tokenRole: TokenRoleFacts | null;
}

export const TOKEN_ROLE = { scriptId: 'customrole_fsc_token', name: 'Freshsuccess Connector (Token)' } as const;
export const INTEGRATION = { scriptId: 'custinteg_fsc_freshsuccess', name: 'Freshsuccess Integration' } as const;

const TEST_STEP = 'click Test connection on the Settings tab';

function settingsItem(f: SetupFacts): CheckItem {
  const title = 'Settings saved';
  if (f.saved) return { id: 'settings', title, state: 'done', detail: 'FreshSync settings are saved in this account.', next: '' };
  return { id: 'settings', title, state: 'todo', detail: 'No settings are saved yet: nothing is sent to Freshsuccess.', next: 'On the Settings tab, fill in Connection (data centre and key) and click Save settings.' };
}

function keyItem(f: SetupFacts): CheckItem {
  const title = 'Key accepted by Freshsuccess';
  const item = (state: CheckState, detail: string, next = ''): CheckItem => ({ id: 'key', title, state, detail, next });
  if (!f.saved?.secret) return item('todo', 'No key is saved yet.', `Save the key on the Settings tab, then ${TEST_STEP}.`);
  const cause = f.pause ? pauseCause(f.pause.message) : null;
  // A refusal by a run outweighs an older passed test: the key was good then, not now.
  if (f.pause && cause !== 'settings' && cause !== null) {
    const words = PAUSE_WORDS[cause];
    return item('todo', `${words.who} at ${utcMinute(f.pause.at)}; pushing is paused.`, `${words.fix}, then ${TEST_STEP}.`);
  }
  const mine = f.keyTest !== null && f.keyTest.fingerprint === keyFingerprint(f.saved.region, f.saved.secret);
  if (!f.keyTest || !mine) {
    const why = f.keyTest ? 'The last test was of other values than the saved ones (the key reference or data centre changed since; a new value under the same API Secret id is not noticed until a run is refused).' : 'The saved key has not been tested from this page.';
    return item('todo', why, `Click Test connection on the Settings tab (it tries the values on the page; leave the key box blank to test the saved key).`);
  }
  if (f.keyTest.ok) return item('done', `Freshsuccess accepted the saved key in the test of ${utcMinute(f.keyTest.at)}.`);
  return item('todo', `The test of ${utcMinute(f.keyTest.at)} said: ${f.keyTest.title || 'not accepted'}.`, `Fix the key or the data centre on the Settings tab, save, then ${TEST_STEP}.`);
}

const SCHEDULED = 'SCHEDULED';

/** A status as a search may give it: the id (SCHEDULED) or its label (Scheduled, Not Scheduled). */
function isScheduled(status: string): boolean {
  return status.replace(/[\s_]/g, '').toUpperCase() === SCHEDULED;
}

function schedulesItem(f: SetupFacts): CheckItem {
  const title = 'Scheduled runs active';
  const where = 'Customization > Scripting > Script Deployments';
  if (f.deployments === null) return { id: 'schedules', title, state: 'unknown', detail: 'The script deployments could not be read.', next: `Check them at ${where}: each FreshSync deployment with Status Scheduled must have Deployed ticked.` };
  const off = f.deployments.filter((d) => !d.found || !d.found.deployed || !isScheduled(d.found.status));
  const names = f.deployments.map((d) => d.title).join(' and ');
  if (off.length === 0) return { id: 'schedules', title, state: 'done', detail: `${names}: deployed and scheduled.`, next: '' };
  const what = off.map((d) => (d.found ? `${d.title} (${d.scriptId}) is ${d.found.deployed ? '' : 'not deployed, '}status ${d.found.status || 'empty'}` : `${d.title} (${d.scriptId}) is missing`)).join('; ');
  const missing = off.some((d) => !d.found);
  return {
    id: 'schedules',
    title,
    state: 'todo',
    detail: `${what}. Without them changes that no save caught (CSV imports, merges, deletes) and stalled drains are not picked up.`,
    next: `${where}: open ${off.map((d) => d.title).join(' and ')}, tick Deployed, set Status to Scheduled and save.${missing ? ' A missing deployment comes back when the SuiteApp is installed again (or updated).' : ''}`,
  };
}

function tbaItem(f: SetupFacts): CheckItem {
  const title = 'Token-based authentication enabled';
  const where = 'Setup > Company > Enable Features > SuiteCloud > Manage Authentication';
  if (f.tba === true) return { id: 'tba', title, state: 'done', detail: 'NetSuite reports the feature enabled.', next: '' };
  if (f.tba === false) return { id: 'tba', title, state: 'todo', detail: 'NetSuite reports the feature off: Freshsuccess cannot log in with a token.', next: `${where}: tick Token-based Authentication, agree to the terms and save.` };
  return { id: 'tba', title, state: 'unknown', detail: 'NetSuite did not answer whether the feature is on.', next: `Look at ${where}: Token-based Authentication must be ticked.` };
}

const ROLE_PAGE = 'Setup > Users/Roles > Manage Roles';

function roleItem(f: SetupFacts): CheckItem {
  const title = `Token role ${TOKEN_ROLE.name} present`;
  const r = f.tokenRole;
  if (r === null) return { id: 'role', title, state: 'unknown', detail: 'The role could not be looked up.', next: `Look for it at ${ROLE_PAGE} (tick Show Inactives).` };
  if (!r.found) return { id: 'role', title, state: 'todo', detail: `No role ${TOKEN_ROLE.scriptId} in this account.`, next: 'It is installed with the SuiteApp: install it again (or update it) to bring the role back.' };
  if (r.inactive) return { id: 'role', title, state: 'todo', detail: 'The role exists but is inactive.', next: `${ROLE_PAGE} > tick Show Inactives > edit ${TOKEN_ROLE.name}: untick Inactive and save.` };
  return { id: 'role', title, state: 'done', detail: `Installed with the SuiteApp (${TOKEN_ROLE.scriptId}).`, next: '' };
}

function roleHolderItem(f: SetupFacts): CheckItem {
  const title = 'Token role given to an active employee';
  const give = `Lists > Employees > Employees > edit the employee who will own the token > Access subtab: add ${TOKEN_ROLE.name} under Roles and save.`;
  const r = f.tokenRole;
  if (r === null || (r.found && r.holders === null)) return { id: 'roleHolder', title, state: 'unknown', detail: 'Who holds the role could not be looked up.', next: `Check the employee's Access subtab: ${give}` };
  if (!r.found || r.inactive) return { id: 'roleHolder', title, state: 'todo', detail: 'The role must be present and active first (see above).', next: give };
  const n = r.holders ?? 0;
  if (n === 0) return { id: 'roleHolder', title, state: 'todo', detail: 'No active employee has the role.', next: give };
  return { id: 'roleHolder', title, state: 'done', detail: `${n} active employee${n === 1 ? ' has' : 's have'} the role.`, next: '' };
}

/** The steps no script can see: where they are done. */
function manualItems(f: SetupFacts): CheckItem[] {
  return [
    {
      id: 'token',
      title: 'Access token created',
      state: 'manual',
      detail: 'NetSuite does not let a script see access tokens, so this cannot be checked here.',
      next: `Setup > Users/Roles > Access Tokens > New: application ${INTEGRATION.name}, the employee above and the role ${TOKEN_ROLE.name}; save and copy the token id and secret (NetSuite shows them once).`,
    },
    {
      id: 'freshsuccess',
      title: 'Credentials entered in Freshsuccess',
      state: 'manual',
      detail: 'This happens in Freshsuccess, which NetSuite cannot see.',
      next: `In Freshsuccess: Settings > IT Administration > Source Credentials > Add Source > NetSuite, passport type "token": account id ${f.accountId}, the integration's consumer key and secret (from the SuiteApp's publisher), and the token id and secret.`,
    },
  ];
}

export function evaluateChecklist(f: SetupFacts): Checklist {
  return {
    push: [settingsItem(f), keyItem(f), schedulesItem(f)],
    connector: [tbaItem(f), roleItem(f), roleHolderItem(f), ...manualItems(f)],
  };
}

/** "2 of 3 done" over the items a script can check (by-hand steps are not counted). */
export function progressText(items: readonly CheckItem[]): string {
  const checkable = items.filter((i) => i.state !== 'manual');
  return `${checkable.filter((i) => i.state === 'done').length} of ${checkable.length} checks done`;
}
