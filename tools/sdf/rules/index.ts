/** Every rule the validator runs, in reporting order. */
import type { Rule } from './rule';
import { manifest } from './manifest';
import { deployFile } from './deploy-file';
import { objectFileName } from './object-file-name';
import { scriptidFormat } from './scriptid-format';
import { rolePermission } from './role-permission';
import { roleRecordReciprocity } from './role-record-reciprocity';
import { scriptfileExists } from './scriptfile';
import { entryHeader } from './entry-header';
import { entryExports } from './entry-exports';
import { loadTimeCalls } from './load-time-calls';
import { deploymentStatus } from './deployment-status';
import { deploymentFields } from './deployment-fields';
import { manifestFeatures } from './manifest-features';
import { booleans } from './booleans';
import { references } from './references';
import { installationPreferences } from './installation-preferences';
import { schema } from './schema';

export const RULES: readonly Rule[] = [
  manifest,
  deployFile,
  objectFileName,
  schema,
  scriptidFormat,
  rolePermission,
  roleRecordReciprocity,
  scriptfileExists,
  entryHeader,
  entryExports,
  loadTimeCalls,
  deploymentStatus,
  deploymentFields,
  manifestFeatures,
  booleans,
  references,
  installationPreferences,
];
