/**
 * Deployment statuses that work once installed:
 * - User Event, Suitelet, RESTlet and client deployments must be RELEASED (TESTING runs only for
 *   the script owner, who does not exist in a customer's account).
 * - Map/Reduce and scheduled deployments without a <recurrence> are meant to be submitted from code
 *   (N/task), which only works on NOTSCHEDULED deployments.
 * - A SCHEDULED deployment needs a recurrence (its fields are checked by the schema rule); a
 *   deployment with a recurrence is SCHEDULED (or NOTSCHEDULED, a warning: the schedule then never runs).
 */
import type { Rule } from './rule';
import type { Problem } from '../problem';
import { SCRIPT_STATUS } from '../schema/lists';
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
        // A missing status, or one outside script_status, is the schema rule's to report.
        if (!status || !SCRIPT_STATUS.values.includes(status)) continue;
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
  // The recurrence's own fields (dates, times, repeat values) are the schema rule's to check.
  if (d.recurrence) return [];
  return [{ file, line: statusLine, rule, message: `SCHEDULED deployment ${d.scriptid} has no <recurrence>: add one, or make it NOTSCHEDULED if it is submitted from code` }];
}
