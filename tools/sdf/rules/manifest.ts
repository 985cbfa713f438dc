/**
 * manifest.xml of a SuiteApp: publisher id `^[a-z0-9]+\.[a-z0-9]+$`, project id `[a-z0-9]+`,
 * version `x.y.z` (docs/netsuite-platform-facts.md §6). The SuiteApp id `<publisherid>.<projectid>` names the
 * File Cabinet folder every <scriptfile> lives in.
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';

export const manifest: Rule = {
  id: 'manifest',
  check({ project }) {
    const m = project.manifest;
    if (!m) return [];
    const problems: Problem[] = [];
    const at = { file: m.file, line: m.line, rule: this.id };
    if (m.projecttype !== 'SUITEAPP' && m.projecttype !== 'ACCOUNTCUSTOMIZATION') {
      problems.push({ ...at, message: `projecttype "${m.projecttype ?? ''}" must be SUITEAPP or ACCOUNTCUSTOMIZATION` });
    }
    if (m.projecttype === 'SUITEAPP') {
      if (!/^[a-z0-9]+\.[a-z0-9]+$/.test(m.publisherid ?? '')) problems.push({ ...at, message: `publisherid "${m.publisherid ?? ''}" must look like "com.example" (lowercase letters and digits, one dot)` });
      if (!/^[a-z0-9]+$/.test(m.projectid ?? '')) problems.push({ ...at, message: `projectid "${m.projectid ?? ''}" may hold only lowercase letters and digits` });
      if (!/^\d+\.\d+\.\d+$/.test(m.projectversion ?? '')) problems.push({ ...at, message: `projectversion "${m.projectversion ?? ''}" must be x.y.z` });
    }
    return problems;
  },
};
