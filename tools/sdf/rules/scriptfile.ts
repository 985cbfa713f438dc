/** Every script's <scriptfile> must name a built .js file inside this SuiteApp's File Cabinet folder. */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { fileCabinetPath } from '../model';

export const scriptfileExists: Rule = {
  id: 'scriptfile',
  check(ctx) {
    const problems: Problem[] = [];
    const appId = ctx.project.manifest?.appId;
    for (const s of ctx.project.scripts) {
      const sf = s.scriptfile;
      if (!sf) {
        problems.push({ file: s.file, line: s.line, rule: this.id, message: `${s.scriptid} has no <scriptfile>` });
        continue;
      }
      const at = { file: s.file, line: sf.line, rule: this.id };
      if (!/^\[\/.+\]$/.test(sf.value)) {
        problems.push({ ...at, message: `<scriptfile> "${sf.value}" must be written [/SuiteApps/<appid>/file.js]` });
        continue;
      }
      if (!sf.path.endsWith('.js')) problems.push({ ...at, message: `<scriptfile> ${sf.path} must reference a .js file` });
      if (appId && !sf.path.startsWith(`/SuiteApps/${appId}/`)) {
        problems.push({ ...at, message: `<scriptfile> ${sf.path} is outside the SuiteApp folder /SuiteApps/${appId}/` });
      }
      if (ctx.readText(fileCabinetPath(sf.path)) === undefined) {
        problems.push({ ...at, message: `<scriptfile> ${sf.path} does not exist (looked for ${fileCabinetPath(sf.path)}; run \`npm run build\`?)` });
      }
    }
    return problems;
  },
};
