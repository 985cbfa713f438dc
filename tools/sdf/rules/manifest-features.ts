/**
 * Features the objects depend on must be declared in manifest.xml:
 * scripts → SERVERSIDESCRIPTING, custom record types → CUSTOMRECORDS, token permissions → TBA
 * (error: those permissions do not exist in an account without Token-based Authentication).
 * An integration record alone → TBA as a warning only: its authentication settings are not in the
 * XML (it may be OAuth 2.0 only), so the need cannot be proven offline.
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { OBJECT_ID_RULES } from '../object-types';
import { PERMISSIONS } from '../permissions';

export const manifestFeatures: Rule = {
  id: 'manifest-features',
  check({ project }) {
    const manifest = project.manifest;
    if (!manifest) return [];
    const declared = new Set(manifest.features.map((f) => f.name));
    const problems: Problem[] = [];
    const reported = new Set<string>();
    const need = (feature: string, why: string, severity?: 'warning'): void => {
      if (declared.has(feature) || reported.has(feature)) return;
      reported.add(feature);
      problems.push({ file: 'manifest.xml', line: manifest.line, rule: this.id, message: `feature ${feature} is not declared in <dependencies><features> but ${why}`, ...(severity ? { severity } : {}) });
    };
    for (const o of project.objects) {
      const feature = OBJECT_ID_RULES[o.rootTag]?.feature;
      if (feature) need(feature, `${o.file} (${o.rootTag}) needs it`);
    }
    for (const role of project.roles) {
      for (const p of role.permissions) {
        const feature = PERMISSIONS[p.key]?.feature;
        if (feature && p.level !== 'NONE') need(feature, `${role.file} grants ${p.key}, which exists only with that feature`);
      }
    }
    for (const i of project.integrations) need('TBA', `${i.file} is an integration record (warning: needed if it uses token-based authentication)`, 'warning');
    return problems;
  },
};
