/**
 * InstallationPreferences/ (applied with --applyinstallprefs):
 * - overwriting.xml must leave every script deployment of the project PRESERVEd on upgrade, either
 *   through `<scriptdeployments defaultAction="PRESERVE">` or a per-deployment entry
 *   `<scriptdeployment scriptid="customscript_x.customdeploy_y" action="PRESERVE"/>`; entries must
 *   name real deployments. Checked against Objects/, so new scripts are covered without edits.
 * - hiding.xml and locking.xml go together (SDF refuses one without the other), have the right
 *   preference type and actions, and name only objects and files that exist.
 */
import type { Rule, RuleContext } from './rule';
import type { Problem } from '../problem';
import { childElements, firstChild, lineOf, parseXml, textOf, type XmlElement } from '../xml';

const DIR = 'InstallationPreferences';

function load(ctx: RuleContext, name: string, problems: Problem[], rule: string): { file: string; root: XmlElement } | undefined {
  const file = `${DIR}/${name}`;
  const text = ctx.readText(file);
  if (text === undefined) return undefined;
  const parsed = parseXml(text);
  if (!parsed.ok) {
    problems.push({ file, line: parsed.line, rule: 'malformed-xml', message: `malformed XML: ${parsed.message}` });
    return undefined;
  }
  if (parsed.root.tagName !== 'preference') {
    problems.push({ file, line: lineOf(parsed.root), rule, message: `root element must be <preference>, not <${parsed.root.tagName}>` });
    return undefined;
  }
  return { file, root: parsed.root };
}

function checkOverwriting(ctx: RuleContext, rule: string): Problem[] {
  const problems: Problem[] = [];
  const deployments = ctx.project.scripts.flatMap((s) => s.deployments.map((d) => ({ key: `${s.scriptid}.${d.scriptid}`, script: s, d })));
  const loaded = load(ctx, 'overwriting.xml', problems, rule);
  if (!loaded) {
    if (problems.length === 0 && deployments.length > 0) {
      problems.push({ file: `${DIR}/overwriting.xml`, line: 1, rule, message: 'overwriting.xml is missing: script deployments would be overwritten on upgrade (customers lose their deployment edits)' });
    }
    return problems;
  }
  const { file, root } = loaded;
  if (root.getAttribute('type') !== 'OVERWRITING') problems.push({ file, line: lineOf(root), rule, message: `<preference type="${root.getAttribute('type') ?? ''}"> must be type="OVERWRITING"` });
  const sd = firstChild(root, 'scriptdeployments');
  const defaultAction = sd?.getAttribute('defaultAction') || 'OVERWRITE';
  if (sd && !['OVERWRITE', 'PRESERVE'].includes(defaultAction)) problems.push({ file, line: lineOf(sd), rule, message: `defaultAction "${defaultAction}" must be OVERWRITE or PRESERVE` });
  const explicit = new Map<string, string>();
  for (const e of sd ? childElements(sd, 'scriptdeployment') : []) {
    const id = e.getAttribute('scriptid') ?? '';
    const action = e.getAttribute('action') ?? '';
    if (!['OVERWRITE', 'PRESERVE'].includes(action)) problems.push({ file, line: lineOf(e), rule, message: `scriptdeployment ${id}: action "${action}" must be OVERWRITE or PRESERVE` });
    if (!deployments.some((d) => d.key === id)) problems.push({ file, line: lineOf(e), rule, message: `scriptdeployment "${id}" is not a deployment of this project (expected customscript_x.customdeploy_y)` });
    explicit.set(id, action);
  }
  for (const d of deployments) {
    const action = explicit.get(d.key) ?? defaultAction;
    if (action !== 'PRESERVE') {
      problems.push({ file, line: lineOf(sd ?? root), rule, message: `deployment ${d.key} (${d.script.file}) is not preserved on upgrade (action ${action}); set defaultAction="PRESERVE" or add it with action="PRESERVE"` });
    }
  }
  return problems;
}

function checkHidingOrLocking(ctx: RuleContext, rule: string, name: string, type: string, actions: string[]): Problem[] {
  const problems: Problem[] = [];
  const loaded = load(ctx, name, problems, rule);
  if (!loaded) return problems;
  const { file, root } = loaded;
  if (root.getAttribute('type') !== type) problems.push({ file, line: lineOf(root), rule, message: `<preference type="${root.getAttribute('type') ?? ''}"> must be type="${type}"` });
  const def = root.getAttribute('defaultAction') ?? '';
  if (!actions.includes(def)) problems.push({ file, line: lineOf(root), rule, message: `defaultAction "${def}" must be ${actions.join(' or ')}` });
  for (const apply of childElements(root, 'apply')) {
    const action = apply.getAttribute('action') ?? '';
    if (!actions.includes(action)) problems.push({ file, line: lineOf(apply), rule, message: `<apply action="${action}"> must be ${actions.join(' or ')}` });
    for (const el of childElements(apply)) {
      const value = textOf(el);
      if (el.tagName === 'object' && !ctx.project.objects.some((o) => o.scriptid === value)) {
        problems.push({ file, line: lineOf(el), rule, message: `<object>${value}</object> is not an object in this project` });
      } else if (el.tagName === 'path') {
        const rel = value.replace(/^~\//, '');
        if (!value.startsWith('~/') || ctx.readText(rel) === undefined) problems.push({ file, line: lineOf(el), rule, message: `<path>${value}</path> is not a file of this project (paths start with ~/)` });
      } else if (el.tagName !== 'object' && el.tagName !== 'path') {
        problems.push({ file, line: lineOf(el), rule, message: `<${el.tagName}> is not allowed in <apply>; use <object> or <path>` });
      }
    }
  }
  return problems;
}

export const installationPreferences: Rule = {
  id: 'installation-preferences',
  check(ctx) {
    const problems = checkOverwriting(ctx, this.id);
    const hiding = ctx.readText(`${DIR}/hiding.xml`) !== undefined;
    const locking = ctx.readText(`${DIR}/locking.xml`) !== undefined;
    if (hiding !== locking) {
      const missing = hiding ? 'locking.xml' : 'hiding.xml';
      problems.push({ file: `${DIR}/${hiding ? 'hiding.xml' : 'locking.xml'}`, line: 1, rule: this.id, message: `${missing} is missing: SDF deploys hiding and locking preferences only together` });
    }
    problems.push(...checkHidingOrLocking(ctx, this.id, 'hiding.xml', 'HIDING', ['HIDE', 'UNHIDE']));
    problems.push(...checkHidingOrLocking(ctx, this.id, 'locking.xml', 'LOCKING', ['LOCK', 'UNLOCK']));
    return problems;
  },
};
