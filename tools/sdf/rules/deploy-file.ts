/**
 * deploy.xml decides what `suitecloud project:deploy` sends: for a SuiteApp it must send the
 * SuiteApp's File Cabinet folder (or every built script is missing in the account) and Objects/.
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { childElements, firstChild, lineOf, parseXml, textOf } from '../xml';

export const deployFile: Rule = {
  id: 'deploy-file',
  check(ctx) {
    const m = ctx.project.manifest;
    if (!m || m.projecttype !== 'SUITEAPP' || !m.appId) return [];
    const text = ctx.readText('deploy.xml');
    if (text === undefined) return [{ file: 'deploy.xml', line: 1, rule: this.id, message: 'deploy.xml is missing' }];
    const parsed = parseXml(text);
    if (!parsed.ok) return [{ file: 'deploy.xml', line: parsed.line, rule: 'malformed-xml', message: `malformed XML: ${parsed.message}` }];
    const problems: Problem[] = [];
    const paths = (section: string): string[] => {
      const el = firstChild(parsed.root, section);
      return el ? childElements(el, 'path').map(textOf) : [];
    };
    const folder = `~/FileCabinet/SuiteApps/${m.appId}/`;
    const files = paths('files');
    const covered = files.some((p) => p === `${folder}*` || p === folder.slice(0, -1) || p === '~/FileCabinet/*' || p === '~/FileCabinet/SuiteApps/*');
    if (!covered) {
      problems.push({ file: 'deploy.xml', line: lineOf(firstChild(parsed.root, 'files') ?? parsed.root), rule: this.id, message: `<files> does not deploy ${folder}* (found: ${files.join(', ') || 'nothing'})` });
    }
    for (const p of covered ? files : []) {
      if (!p.startsWith(folder) && !['~/FileCabinet/*', '~/FileCabinet/SuiteApps/*'].includes(p)) {
        problems.push({ file: 'deploy.xml', line: lineOf(firstChild(parsed.root, 'files')), rule: this.id, message: `<files> path ${p} is outside the SuiteApp folder ${folder}` });
      }
    }
    if (ctx.project.objects.length > 0 && !paths('objects').includes('~/Objects/*')) {
      problems.push({ file: 'deploy.xml', line: lineOf(firstChild(parsed.root, 'objects') ?? parsed.root), rule: this.id, message: '<objects> does not deploy ~/Objects/*' });
    }
    return problems;
  },
};
