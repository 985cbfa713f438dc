/**
 * Deployment statuses that work once installed:
 * - User Event, Suitelet, RESTlet and client deployments must be RELEASED (TESTING runs only for
 *   the script owner, who does not exist in a customer's account).
 * - Map/Reduce and scheduled deployments without a <recurrence> are meant to be submitted from code
 *   (N/task), which only works on NOTSCHEDULED deployments.
 * - A SCHEDULED deployment needs a recurrence whose repeat is one NetSuite accepts; a deployment
 *   with a recurrence is SCHEDULED (or NOTSCHEDULED, a warning: the schedule then never runs).
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { DEPLOYMENT_STATUSES, RECURRENCE_REPEATS } from '../object-types';
import type { SdfDeployment } from '../model';

const MUST_BE_RELEASED = new Set(['usereventscript', 'suitelet', 'restlet', 'clientscript']);
const QUEUED = new Set(['mapreducescript', 'scheduledscript']);

export const deploymentStatus: Rule = {
  id: 'deployment-status',
  check({ project }) {
    const problems: Problem[] = [];
    for (const s of project.scripts) {
      for (const d of s.deployments) {
        const status = d.status?.value;
        const at = { file: s.file, line: d.status?.line ?? d.line, rule: this.id };
        if (!status) {
          problems.push({ ...at, message: `deployment ${d.scriptid} has no <status>` });
          continue;
        }
        if (!(DEPLOYMENT_STATUSES as readonly string[]).includes(status)) {
          problems.push({ ...at, message: `deployment ${d.scriptid}: unknown status "${status}" (expected one of ${DEPLOYMENT_STATUSES.join(', ')})` });
          continue;
        }
        if (MUST_BE_RELEASED.has(s.type) && status !== 'RELEASED') {
          problems.push({ ...at, message: `${s.type} deployment ${d.scriptid} is ${status}; it must be RELEASED to run for every user` });
        }
        if (!QUEUED.has(s.type)) continue;
        if (!d.recurrence && status !== 'NOTSCHEDULED' && status !== 'SCHEDULED') {
          problems.push({ ...at, message: `${s.type} deployment ${d.scriptid} has no <recurrence>, so it is submitted from code and must be NOTSCHEDULED (it is ${status})` });
        }
        if (status === 'SCHEDULED') problems.push(...recurrenceProblems(d, s.file, at.line, this.id));
        if (d.recurrence && status !== 'NOTSCHEDULED' && status !== 'SCHEDULED') {
          problems.push({ ...at, message: `${s.type} deployment ${d.scriptid} has a <recurrence> but is ${status}: make it SCHEDULED to follow the recurrence, or NOTSCHEDULED` });
        }
        if (d.recurrence && status === 'NOTSCHEDULED') {
          problems.push({ file: s.file, line: d.recurrence.line, rule: this.id, severity: 'warning', message: `deployment ${d.scriptid} has a <recurrence> but is NOTSCHEDULED: the schedule will not run until an admin schedules it` });
        }
      }
    }
    return problems;
  },
};

function recurrenceProblems(d: SdfDeployment, file: string, statusLine: number, rule: string): Problem[] {
  const r = d.recurrence;
  if (!r) return [{ file, line: statusLine, rule, message: `SCHEDULED deployment ${d.scriptid} has no <recurrence>: add one, or make it NOTSCHEDULED if it is submitted from code` }];
  if (!r.kind) return [{ file, line: r.line, rule, message: `deployment ${d.scriptid}: <recurrence> is empty` }];
  const problems: Problem[] = [];
  for (const required of ['startdate', 'starttime']) {
    if (r.kind !== 'single' && !r.props[required]?.value) problems.push({ file, line: r.line, rule, message: `deployment ${d.scriptid}: <recurrence><${r.kind}> needs <${required}>` });
  }
  if (r.repeat && !(RECURRENCE_REPEATS as readonly string[]).includes(r.repeat.value)) {
    problems.push({ file, line: r.repeat.line, rule, message: `deployment ${d.scriptid}: repeat "${r.repeat.value}" is not one of ${RECURRENCE_REPEATS.join(' ')}` });
  }
  return problems;
}
