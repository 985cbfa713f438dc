/**
 * Standard permission keys our roles may use, with the levels each key accepts. Unknown keys are
 * errors: add a key here (with its source) before a role uses it.
 *
 * Sources: docs/netsuite-platform-facts.md §6 (levels of the permissions Freshsuccess's setup guide asks for) and Oracle's
 * permission id list (NetSuite Help "Permission Names and IDs", mirrored in
 * oracle/netsuite-suitecloud-sdk agent-skills/netsuite-sdf-roles-and-permissions/permissions.json).
 *
 * Where the accepted levels of a key could not be confirmed, only FULL (and NONE) is allowed: FULL
 * is accepted by every such key, so a role that passes here also passes the server's validation;
 * widen the list once the levels are confirmed. "Secrets Management" is a real permission but its
 * permkey could not be confirmed (it is absent from Oracle's id list), so it is not here.
 */
const PERMISSION_LEVELS = ['NONE', 'VIEW', 'CREATE', 'EDIT', 'FULL'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

const ANY: readonly PermissionLevel[] = PERMISSION_LEVELS;
const FULL_ONLY: readonly PermissionLevel[] = ['NONE', 'FULL'];

export interface PermissionInfo {
  name: string;
  levels: readonly PermissionLevel[];
  /** Manifest feature without which the permission does not exist in an account. */
  feature?: string;
  confirmedLevels: boolean;
}

export const PERMISSIONS: Readonly<Record<string, PermissionInfo>> = {
  // The token role of Freshsuccess's setup guide (levels from docs/netsuite-platform-facts.md §6). The token permissions only
  // appear once Token-based Authentication is enabled (the guide's step 2).
  ADMI_MANAGE_OWN_OAUTH_TOKENS: { name: 'User Access Tokens', levels: FULL_ONLY, feature: 'TBA', confirmedLevels: true },
  ADMI_MANAGE_OAUTH_TOKENS: { name: 'Access Token Management', levels: FULL_ONLY, feature: 'TBA', confirmedLevels: true },
  ADMI_WEBSERVICES: { name: 'SOAP Web Services', levels: FULL_ONLY, confirmedLevels: true },
  ADMI_CUSTFIELD: { name: 'Custom Fields', levels: ANY, confirmedLevels: true },
  ADMI_CUSTBODYFIELD: { name: 'Custom Body Fields', levels: ANY, confirmedLevels: true },
  ADMI_CUSTCOLUMNFIELD: { name: 'Custom Column Fields', levels: ANY, confirmedLevels: true },
  ADMI_CUSTENTITYFIELD: { name: 'Custom Entity Fields', levels: ANY, confirmedLevels: true },
  ADMI_CUSTEVENTFIELD: { name: 'Custom Event Fields', levels: ANY, confirmedLevels: true },
  ADMI_CUSTITEMFIELD: { name: 'Custom Item Fields', levels: ANY, confirmedLevels: true },
  ADMI_CUSTTRANFIELD: { name: 'Custom Transaction Fields', levels: ANY, confirmedLevels: true },
  ADMI_CUSTRECORD: { name: 'Custom Record Types', levels: ANY, confirmedLevels: true },
  ADMI_CUSTTRANSACTION: { name: 'Custom Transaction Types', levels: ANY, confirmedLevels: true },
  LIST_CUSTJOB: { name: 'Customers', levels: ANY, confirmedLevels: true },
  LIST_CONTACT: { name: 'Contacts', levels: ANY, confirmedLevels: true },
  // Keys our own script roles may need; levels unconfirmed unless the key is an ordinary list.
  LIST_EMPLOYEE: { name: 'Employees', levels: ANY, confirmedLevels: false },
  LIST_CUSTRECORDENTRY: { name: 'Custom Record Entries', levels: ANY, confirmedLevels: false },
  ADMI_DELETEDRECORD: { name: 'Deleted Records', levels: FULL_ONLY, confirmedLevels: false },
  LIST_FIND: { name: 'Perform Search', levels: FULL_ONLY, confirmedLevels: false },
  ADMI_CUSTOMSCRIPT: { name: 'SuiteScript', levels: FULL_ONLY, confirmedLevels: false },
  ADMI_RESTWEBSERVICES: { name: 'REST Web Services', levels: FULL_ONLY, confirmedLevels: false },
  ADMI_LOGIN_OAUTH2: { name: 'Log In using OAuth 2.0 Access Tokens', levels: FULL_ONLY, confirmedLevels: false },
};

/** Custom record permissions accept every level. The numeric form (0..4) is SDF's other spelling. */
const NUMERIC_LEVELS: Record<string, PermissionLevel> = { '0': 'NONE', '1': 'VIEW', '2': 'CREATE', '3': 'EDIT', '4': 'FULL' };

export function normalizeLevel(raw: string): PermissionLevel | undefined {
  const upper = raw.trim().toUpperCase();
  if ((PERMISSION_LEVELS as readonly string[]).includes(upper)) return upper as PermissionLevel;
  return NUMERIC_LEVELS[upper];
}
