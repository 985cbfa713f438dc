/** SDF booleans are T or F; `true`, `false`, `Y`, `yes` and the like are rejected by the server. */
import type { Rule } from './rule';
import type { Problem } from '../problem';

/** Fields SDF types as boolean on the objects this project uses (SDF XML reference). */
const BOOLEAN_FIELDS = new Set([
  'isdeployed', 'allroles', 'allemployees', 'allpartners', 'allcustomers', 'isinactive', 'notifyadmins',
  'notifyowner', 'notifyuser', 'isonline', 'queueallstagesatonce', 'ismandatory', 'isformula',
  'showinlist', 'allowattachments', 'allowinlineediting', 'allowinlinedeleting', 'allowinlinedetaching',
  'allowmobileaccess', 'allownumberingoverride', 'allowquicksearch', 'enablemailmerge', 'enablenumbering',
  'includename', 'isordered', 'isavailableoffline', 'showcreationdate', 'showlastmodified', 'shownotes',
  'showowner', 'showownerallowchange', 'usepermissions', 'enabledle', 'includeinsearchindex', 'checkspelling',
  'applyformatting', 'defaultchecked', 'storevalue', 'globalsearch', 'isparent', 'searchcomparefield',
  'issalesrole', 'issupportrole', 'iswebserviceonlyrole', 'employeeviewingallowed', 'restricttimeandexpenses',
  'restrictip', 'coreadminpermission', 'restrictbydevice', 'ispartnerrole', 'ismatrixoption', 'runasadmin',
]);

const WRONG_SPELLINGS = /^(true|false|yes|no|y|n)$/i;

export const booleans: Rule = {
  id: 'boolean',
  check({ project }) {
    const problems: Problem[] = [];
    for (const o of project.objects) {
      for (const leaf of o.leaves) {
        const known = BOOLEAN_FIELDS.has(leaf.tag);
        if ((known && leaf.value !== 'T' && leaf.value !== 'F') || (!known && WRONG_SPELLINGS.test(leaf.value))) {
          problems.push({ file: o.file, line: leaf.line, rule: this.id, message: `<${leaf.tag}> is "${leaf.value}"; SDF booleans are T or F` });
        }
      }
    }
    return problems;
  },
};
