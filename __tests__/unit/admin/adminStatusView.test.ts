import { authPauseMessage } from '../../../src/TypeScript/domain/pauseCause';
import { healthVerdict } from '../../../src/TypeScript/app/healthVerdict';
import { countsHtml, describeSubmission, RETRY_EXPLAINED, jobText, lastRunText, pauseText, problemsHtml, statusHtml, fullSyncRequestText, fullSyncText } from '../../../src/TypeScript/app/adminStatusView';
import type { SyncState } from '../../../src/TypeScript/app/ports';

const T = Date.UTC(2026, 0, 5, 9, 30);
const state = (over: Partial<SyncState> = {}): SyncState => ({ drainCursor: 42, fullSync: null, sweepWatermark: null, pausedAt: null, pauseMessage: '', lastRun: null, ...over });

test('Freshsuccess messages and record ids are escaped in the status HTML', () => {
  const html = problemsHtml([{ id: 1, kind: 'customer', status: 'DEAD', records: [{ id: '7', url: '/app/common/entity/custjob.nl?id=7&x="y"' }], lastError: '<img src=x onerror=alert(1)>', hint: 'Fix & save', capturedAt: T, attempt: 1 }]);
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).toContain('Fix &amp; save');
  expect(html).toContain('<a href="/app/common/entity/custjob.nl?id=7&amp;x=&quot;y&quot;">internal id 7</a>');
  expect(html).toContain('<th scope="col">What to do</th>');
});

test('one row per record, named and linked, its type said; past 100 rows the rest is counted', () => {
  const records = Array.from({ length: 13 }, (_, i) => ({ id: String(i + 1), url: `/r/${i + 1}`, ...(i === 0 ? { name: 'Ana <b>Ng</b>' } : {}) }));
  const html = problemsHtml([{ id: 1, kind: 'contact', status: 'SKIPPED', records, lastError: 'no company', hint: '', capturedAt: T, attempt: 0 }]);
  expect(html.match(/<tr><td>/g)).toHaveLength(13);
  expect(html).toContain('Contact <a href="/r/1">Ana &lt;b&gt;Ng&lt;/b&gt; (1)</a>');
  expect(html).toContain('Contact <a href="/r/2">internal id 2</a>');
  expect(html).toContain('Skipped');
  const many = Array.from({ length: 130 }, (_, i) => ({ id: String(i + 1), url: `/r/${i + 1}` }));
  const long = problemsHtml([{ id: 2, kind: 'customer', status: 'DEAD', records: many, lastError: 'bad', hint: '', capturedAt: T, attempt: 1 }]);
  expect(long.match(/<a /g)).toHaveLength(100);
  expect(long).toContain('and 30 more record(s)');
});

test('a pause says when, why, and what to do; no pause says nothing', () => {
  expect(pauseText(state())).toBeNull();
  expect(pauseText(state({ pausedAt: T, pauseMessage: 'HTTP 401: Unauthorized' }))).toBe(
    'Pushing is paused since 2026-01-05 09:30 UTC because Freshsuccess refused the key: HTTP 401: Unauthorized. Changes are still queued. Fix the key or the data centre and save the settings: pushing resumes from where it stopped.',
  );
  // NetSuite refused the key reference: NetSuite is named, and the fix is about the API Secret.
  const byNetSuite = state({ pausedAt: T, pauseMessage: authPauseMessage({ kind: 'auth', status: 0, by: 'netsuite', message: 'NetSuite refused to use the key reference (INVALID_SECRET_KEY_OR_GUID)' }) });
  expect(pauseText(byNetSuite)).toBe(
    'Pushing is paused since 2026-01-05 09:30 UTC because NetSuite refused to use the stored key: NetSuite refused to use the key reference (INVALID_SECRET_KEY_OR_GUID). Changes are still queued. Check the API Secret at Setup > Company > API Secrets or type the key again, and save the settings: pushing resumes from where it stopped.',
  );
  expect(healthVerdict({ now: T, state: byNetSuite, syncEnabled: true, counts: null, problems: [], jobs: [] }).text).toMatch(/^Paused: NetSuite refused to use the stored key \(no such API Secret/);
  // A pause stored before NetSuite's refusals were marked (as a made-up HTTP 401) reads the same.
  expect(pauseText(state({ pausedAt: T, pauseMessage: 'HTTP 401: NetSuite refused to use the key reference (INVALID_SECRET_KEY_OR_GUID)' }))).toBe(pauseText(byNetSuite));
  expect(describeSubmission('fullsync', 'paused_key_reference').message).toMatch(/^Pushing is paused because NetSuite refused to use the stored key .*Check the API Secret/);
  expect(statusHtml({ now: T, state: state({ pausedAt: T }), counts: { pending: 1, retry: 2, dead: 3, skipped: 4, warned: 0 }, problems: [], jobs: [] })).toMatch(/role="alert"><strong>Paused\.<\/strong>/);
});

test('last run and full-sync resume point read as sentences; no internal cursor jargon', () => {
  expect(lastRunText(null)).toBe('No run has finished yet.');
  expect(lastRunText({ at: T, kind: 'drain', batches: 2, sent: 1500, failedBatches: 0, retried: 0, dead: 1, skipped: 0, ignored: 0, warnings: 0 })).toBe('Last run: drain at 2026-01-05 09:30 UTC: 1500 record(s) sent in 2 batch(es), 1 dead letter(s).');
  expect(fullSyncText({ runId: 'r', startedAt: T, customerAfter: '900', contactAfter: null, customersDone: false, contactsDone: false, status: 'partial' })).toMatch(/customers resume after internal id 900; contacts resume after internal id \(start\)/);
  const html = statusHtml({ now: T, state: state(), counts: { pending: 1, retry: 2, dead: 3, skipped: 4, warned: 0 }, problems: [], jobs: [] });
  expect(html).not.toMatch(/cursor|internal id 42/i);
  expect(html).toContain('<td>1</td><td>2</td><td>3</td><td>4</td>');
});

test('a full sync waiting for the drain is said so, with when it was requested; none, nothing', () => {
  expect(fullSyncRequestText(state())).toBeNull();
  expect(fullSyncRequestText(state({ fullSyncRequestedAt: null }))).toBeNull();
  expect(fullSyncRequestText(state({ fullSyncRequestedAt: T }))).toBe(
    'Full sync requested: waiting for the current drain to finish; it starts automatically (requested 2026-01-05 09:30 UTC).',
  );
  const html = (over: Partial<SyncState>) => statusHtml({ now: T, state: state(over), counts: null, problems: [], jobs: [] });
  expect(html({ fullSyncRequestedAt: T })).toContain('<p>Full sync requested: waiting for the current drain to finish');
  expect(html({})).not.toContain('Full sync requested');
});

test('job progress text by status', () => {
  expect(jobText({ job: 'fullsync', submittedAt: T, status: 'PROCESSING', stage: 'MAP', percent: 37.4 })).toBe('Full sync: running, stage MAP, 37% done.');
  expect(jobText({ job: 'reconcile', submittedAt: T, status: 'PENDING', stage: null, percent: null })).toMatch(/^Reconcile: waiting for a processor/);
  expect(jobText({ job: 'drain', submittedAt: T, status: 'FAILED', stage: null, percent: null })).toMatch(/failed.*execution log/);
});

test('"already running" is information, refusals are errors', () => {
  expect(describeSubmission('fullsync', 'submitted').level).toBe('confirmation');
  expect(describeSubmission('fullsync', 'already_running')).toMatchObject({ level: 'information', title: 'Full sync already running' });
  expect(describeSubmission('drain', 'not_permitted').level).toBe('error');
  expect(describeSubmission('reconcile', 'failed', 'FAILED_TO_SUBMIT_JOB_REQUEST_1').message).toContain('FAILED_TO_SUBMIT_JOB_REQUEST_1');
});

test('the queue counts explain what "To retry" means when entries wait: retried until they land, never dropped', () => {
  const quiet = countsHtml({ pending: 3, retry: 0, dead: 0, skipped: 0, warned: 0 });
  expect(quiet).not.toContain('never dropped');
  const waiting = countsHtml({ pending: 0, retry: 2, dead: 0, skipped: 0, warned: 0 });
  expect(waiting).toContain('never dropped');
  expect(waiting).toContain('failing for hours');
  expect(RETRY_EXPLAINED).toMatch(/nothing needs fixing in NetSuite/);
  // While pushing is paused, the records wait for the pause: Freshsuccess being down is not blamed.
  const paused = countsHtml({ pending: 0, retry: 2, dead: 0, skipped: 0, warned: 0 }, 'key');
  expect(paused).toContain('To retry: these records wait because pushing is paused (Freshsuccess refused the key)');
  expect(paused).not.toContain('Freshsuccess was down');
});

test('the health verdict, worst first, with its figures', () => {
  const counts = (over: Partial<Record<'pending' | 'retry' | 'dead' | 'skipped' | 'warned', number>> = {}) => ({ pending: 0, retry: 0, dead: 0, skipped: 0, warned: 0, ...over });
  const view = (over: Partial<Parameters<typeof healthVerdict>[0]> = {}) => ({ now: T, state: state(), syncEnabled: true, counts: counts(), problems: [], jobs: [], ...over });
  expect(healthVerdict(view({ syncEnabled: null })).text).toMatch(/^Not set up/);
  expect(healthVerdict(view({ state: state({ pausedAt: T }), counts: counts({ dead: 2 }) })).text).toMatch(/^Paused: Freshsuccess refused the key/);
  expect(healthVerdict(view({ syncEnabled: false, counts: counts({ pending: 3, retry: 1 }) })).text).toMatch(/^Switched off: 4 change\(s\) wait/);
  expect(healthVerdict(view({ counts: counts({ dead: 2, pending: 5 }) })).text).toMatch(/^Needs attention: 2 record\(s\) Freshsuccess refused for their data, listed as dead letters/);
  // Behind: how many changes and how old the oldest is (75 minutes here).
  const behind = healthVerdict(view({ counts: { ...counts({ pending: 5, retry: 1 }), oldestWaitingAt: T - 75 * 60_000 } }));
  expect(behind).toMatchObject({ level: 'behind', text: 'Behind by 6 change(s), the oldest made 1 h 15 min ago (1 to retry): the next drain pushes them.' });
  expect(behind.figures).toEqual(expect.arrayContaining(['Changes waiting: 5', 'Oldest waiting change: made 1 h 15 min ago']));
  // Only retries wait: no "waiting: 0" with an age beside it; the age stands on its own line.
  const retries = healthVerdict(view({ counts: { ...counts({ retry: 2 }), oldestWaitingAt: T - 30 * 60_000 } }));
  expect(retries.figures).toEqual(expect.arrayContaining(['Changes waiting: 0', 'To retry: 2', 'Oldest waiting change: made 30 min ago']));
  const ok = healthVerdict(view({ state: state({ lastSentAt: T - 3 * 86_400_000 }) }));
  expect(ok).toMatchObject({ level: 'ok', text: 'Healthy: nothing is waiting to be sent.' });
  expect(ok.figures).toEqual(expect.arrayContaining(['Changes waiting: 0', 'Dead letters: 0', 'Sent with warnings: 0', `Records last sent: ${new Date(T - 3 * 86_400_000).toISOString().replace('T', ' ').slice(0, 16)} UTC`]));
  expect(healthVerdict(view()).figures).toContain('Records last sent: never');
  // The last 24 hours, from the counts runs keep on the state record: the sweep's apart.
  const busy = state({ pushActivity: { hour: Math.floor(T / 3_600_000), series: { sent: [120, 30], failed: [2] } }, sweepActivity: { hour: Math.floor(T / 3_600_000) - 2, series: { caught: [4, 0, 0, 7] } } });
  expect(healthVerdict(view({ state: busy })).figures).toContain("Last 24 hours: 150 record(s) sent, 2 failed attempt(s); the sweep caught 11 change(s) no save had queued");
  expect(healthVerdict(view()).figures).toContain("Last 24 hours: 0 record(s) sent, 0 failed attempt(s); the sweep caught 0 change(s) no save had queued");
});

test('the same report written by several runs is one row, the latest, saying how many runs reported it', () => {
  const skipped = (id: number, at: number) => ({ id, kind: 'contact', status: 'SKIPPED', records: [{ id: '8', url: '/c?id=8' }, { id: '9', url: '/c?id=9' }], lastError: 'Contact has no company', hint: 'Give it a company', capturedAt: at, attempt: 0 });
  const other = { ...skipped(4, T), records: [{ id: '10', url: '/c?id=10' }] };
  const html = problemsHtml([skipped(1, T - 3000), skipped(2, T), skipped(3, T - 1000), other]);
  // Two records of the repeated report (one row each) and the other report: three rows.
  expect(html.match(/Contact has no company/g)).toHaveLength(3);
  expect(html.match(/reported by 3 runs/g)).toHaveLength(2);
  expect(html).toContain(`${'2026-01-05 09:30 UTC'} (reported by 3 runs)`);
  expect(html).toContain('id=10');
});
