/**
 * The text `npm start` prints: what was seeded, what the SuiteApp did, what Freshsuccess now
 * holds, usage units per script, and where to look. Never holds a secret: it reads counts,
 * names and URLs only.
 */
import { OUTBOX, STATE } from '../../src/TypeScript/netsuite/schema';
import type { LocalAccount } from '../localAccount';
import { scrub } from '../runtime/https/requestLog';
import type { SampleAccountSummary } from '../seed/sampleAccount';
import { CONSOLE_SCRIPT_ID } from './adminConsole';
import type { BuildOutcome } from './productBuild';
import type { EditsMade, SuiteAppPieces } from './suiteApp';

export interface StartFacts {
  build: BuildOutcome;
  seeded: SampleAccountSummary;
  pieces: SuiteAppPieces;
  /** Steps run, each with its outcome (e.g. "full sync MAPREDUCETASK_1: COMPLETE"). */
  steps: string[];
  edits?: EditsMade;
  editsVisible?: { seen: number; of: number };
}

const count = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}`;

export async function startReport(account: LocalAccount, facts: StartFacts): Promise<string> {
  const { rt } = account;
  const lines: string[] = [];
  const c = facts.seeded.counts;
  lines.push(`Local NetSuite account ${rt.accountId} running SuiteApp ${rt.appId} (simulated clock ${rt.clock.now().toISOString()})`);
  lines.push(
    facts.build.error
      ? `Build: FAILED (continuing with the output that exists):\n  ${facts.build.error.split('\n').join('\n  ')}`
      : `Build: ${facts.build.ran ? 'rebuilt' : 'up to date'} (${count(facts.build.sources, 'TypeScript sources')})`,
  );
  lines.push(
    `Seeded: ${count(c.customers, 'customers')} (${c.companies} companies, ${c.individuals} individuals, ${c.leads} leads, ${c.prospects} prospects, ` +
      `${c.subCustomers} sub-customers, ${c.inactiveCustomers} inactive, ${c.nonAsciiCustomers} with non-ASCII names), ` +
      `${count(c.contacts, 'contacts')} (${c.contactsWithoutCompany} without a company, ${c.inactiveContacts} inactive), ${count(facts.seeded.salesReps.length, 'sales reps')}`,
  );

  const p = facts.pieces;
  const present = [
    p.configType && 'config record',
    p.fullSync && 'full sync',
    p.drain && 'drain',
    p.userEvents.length && count(p.userEvents.length, 'User Events'),
    p.suitelets.length && count(p.suitelets.length, 'Suitelets'),
  ].filter(Boolean);
  lines.push(`SuiteApp pieces present: ${present.length ? present.join(', ') : 'none yet'}`);
  if (p.missing.length) lines.push(`SuiteApp pieces missing (so not run):\n  - ${p.missing.join('\n  - ')}`);
  for (const s of facts.steps) lines.push(`Ran: ${s}`);
  if (facts.edits) {
    const e = facts.edits;
    lines.push(
      `UI edits: ${e.renamed.length} customer renamed, ${e.phoneChanged.length} phone numbers changed, ${e.contactsDeactivated.length} contact deactivated, ` +
        `${e.created.length} customer created` + (facts.editsVisible ? ` — visible in Freshsuccess: ${facts.editsVisible.seen} of ${facts.editsVisible.of}` : ''),
    );
  }

  lines.push(...taskLines(account), ...outboxLines(account));

  const byMethod = new Map<string, number>();
  const byOutcome = new Map<string, number>();
  for (const r of account.httpLog) {
    byMethod.set(r.method, (byMethod.get(r.method) ?? 0) + 1);
    const o = r.status === null ? r.outcome : String(r.status);
    byOutcome.set(o, (byOutcome.get(o) ?? 0) + 1);
  }
  const fmt = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(', ');
  lines.push(`HTTPS requests sent by scripts: ${account.httpLog.length}${account.httpLog.length ? ` (${fmt(byMethod)}; outcomes: ${fmt(byOutcome)})` : ''}`);

  const [accounts, contacts] = await Promise.all([account.fake.accounts(), account.fake.contacts()]);
  const active = <T extends { isActive: boolean }>(xs: T[]) => xs.filter((x) => x.isActive).length;
  lines.push(`Freshsuccess holds: ${count(accounts.length, 'accounts')} (${active(accounts)} active), ${count(contacts.length, 'contacts')} (${active(contacts)} active)`);

  const ids = [...rt.project.scripts.map((s) => s.scriptId), CONSOLE_SCRIPT_ID];
  const usage = ids.map((id) => ({ id, t: account.usage.total({ scriptId: id }) })).filter((u) => u.t.invocations > 0);
  lines.push('Usage units per script:' + (usage.length ? '' : ' (no script ran)'));
  const width = Math.max(0, ...usage.map((u) => u.id.length));
  for (const u of usage) {
    const label = u.id === CONSOLE_SCRIPT_ID ? `${u.id} (admin submits)` : u.id;
    lines.push(`  ${label.padEnd(width + 16)} ${String(u.t.units).padStart(7)} units, ${u.t.invocations} invocations`);
  }
  const errors = rt.logs.filter((l) => l.level === 'ERROR' || l.level === 'EMERGENCY');
  lines.push(`Script errors logged: ${errors.length}${errors.length ? ` (first: ${errors.slice(0, 3).map((e) => `${e.scriptId} ${e.title}`).join('; ')})` : ''}`);

  lines.push('Where to look:');
  if (account.suitelets) {
    lines.push(`  NetSuite customers    ${account.suitelets.recordPages.customers}  (view, edit, inline edit; each page has the SuiteApp's Freshsuccess subtab)`);
    lines.push(`  NetSuite contacts     ${account.suitelets.recordPages.contacts}`);
  }
  lines.push(`  Freshsuccess view     ${account.fakeUrl}/__fake/view  (what the fake Freshsuccess holds: accounts, contacts, requests)`);
  lines.push(`  Fake Freshsuccess     ${account.fakeUrl}  (state ${account.fakeUrl}/__fake/state, accounts /__fake/accounts, requests /__fake/requests)`);
  if (account.suitelets?.deployments.length) {
    for (const d of account.suitelets.deployments) lines.push(`  Suitelet ${d.title.padEnd(12)} ${d.url}`);
  } else if (account.suitelets) {
    lines.push(`  Suitelet server       ${account.suitelets.server.origin}  (the SuiteApp has no Suitelet yet)`);
  }
  // Last line of defence: nothing printed may carry a secret value, whatever a script did.
  return scrub(lines.join('\n'), account.drivers.https.vault.allValues());
}

/** "name: message" of a failed task's error JSON. */
function failureOf(json: string | undefined): string {
  if (!json) return 'no error recorded';
  try {
    const e = JSON.parse(json) as { name?: string; message?: string };
    return `${e.name ?? 'Error'}: ${e.message ?? ''}`.slice(0, 200);
  } catch {
    return json.slice(0, 200);
  }
}

function taskLines(account: LocalAccount): string[] {
  const tasks = account.drivers.task.queue.tasks;
  if (tasks.length === 0) return [];
  const byStatus = new Map<string, number>();
  for (const t of tasks) byStatus.set(t.job.status, (byStatus.get(t.job.status) ?? 0) + 1);
  const out = [`Tasks run: ${tasks.length} (${[...byStatus].map(([k, v]) => `${k} ${v}`).join(', ')})`];
  for (const t of tasks.filter((x) => x.job.status === 'FAILED').slice(0, 3)) {
    out.push(`  FAILED ${t.taskId} ${t.scriptId}: ${failureOf(t.job.failure)}`);
  }
  return out;
}

/** The SuiteApp's outbox by status, with the most common reasons records were not sent. */
function outboxLines(account: LocalAccount): string[] {
  const { rt } = account;
  if (!rt.project.customRecordTypes.some((t) => t.scriptId === OUTBOX.type)) return [];
  const rows = rt.store.rows(OUTBOX.type);
  // The drain does not rewrite what it sent: PENDING entries up to the state's cursor are drained.
  const state = rt.project.customRecordTypes.some((t) => t.scriptId === STATE.type) ? rt.store.rows(STATE.type)[0] : undefined;
  const cursor = Number(state?.values[STATE.drainCursor] ?? 0) || 0;
  const byStatus = new Map<string, number>();
  const reasons = new Map<string, number>();
  for (const r of rows) {
    let status = String(r.values[OUTBOX.status] ?? '(none)');
    if (status === 'PENDING') status = r.id <= cursor ? 'drained (PENDING up to the drain cursor)' : 'PENDING (not drained yet)';
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    const error = String(r.values[OUTBOX.lastError] ?? '');
    if (error) reasons.set(error, (reasons.get(error) ?? 0) + 1);
  }
  const out = [`Outbox entries: ${rows.length}${rows.length ? ` (${[...byStatus].map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`];
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 3)) out.push(`  ${n} × ${reason.slice(0, 160)}`);
  return out;
}
