import { countActivity, parsePending, withPending, lastDay, parseActivity, WINDOW_HOURS } from '../../../src/TypeScript/domain/activityWindow';

const H = 3_600_000;
const T = Date.UTC(2026, 11, 4, 10, 30);

test('counts add up within the hour and across hours, and fall out after 24 hours', () => {
  let w = countActivity(null, T, { sent: 5, failed: 1 });
  w = countActivity(w, T + 10 * 60_000, { sent: 3 });
  w = countActivity(w, T + 5 * H, { sent: 2, failed: 2 });
  expect(lastDay(w, T + 5 * H, 'sent')).toBe(10);
  expect(lastDay(w, T + 5 * H, 'failed')).toBe(3);
  // 24 hours later they are still counted (the window holds at least 24 hours); 25 hours later
  // they have left it, and the later ones remain.
  expect(lastDay(w, T + 24 * H, 'sent')).toBe(10);
  expect(lastDay(w, T + 25 * H, 'sent')).toBe(2);
  expect(lastDay(w, T + 30 * H, 'sent')).toBe(0);
  expect(lastDay(w, T, 'caught')).toBe(0);
});

test('nothing to count writes nothing; a window never grows past 24 buckets', () => {
  expect(countActivity(null, T, { sent: 0, failed: 0 })).toBeNull();
  let w = countActivity(null, T, { sent: 1 });
  for (let h = 1; h < 60; h++) w = countActivity(w, T + h * H, { sent: 1 });
  expect(w!.series.sent).toHaveLength(WINDOW_HOURS);
  expect(lastDay(w, T + 59 * H, 'sent')).toBe(WINDOW_HOURS);
  // Stored as JSON on a 4,000-character field: 24 hourly buckets of two series stay far under.
  expect(JSON.stringify(countActivity({ hour: w!.hour, series: { sent: w!.series.sent!.map(() => 1e9), failed: w!.series.sent!.map(() => 1e9) } }, T + 59 * H, { sent: 1 })).length).toBeLessThan(600);
});

test('a clock that went back counts in the newest bucket instead of losing the counts', () => {
  const w = countActivity(countActivity(null, T, { sent: 4 }), T - 3 * H, { sent: 1 });
  expect(lastDay(w, T, 'sent')).toBe(5);
});

test('a stored window that is not one reads as empty, and bad counts as zero', () => {
  expect(parseActivity('nonsense')).toBeNull();
  expect(parseActivity({ hour: 'x', series: {} })).toBeNull();
  expect(lastDay(parseActivity({ hour: Math.floor(T / H), series: { sent: [2, -5, 'x', 3] } }), T, 'sent')).toBe(5);
  expect(parseActivity({ hour: 0.5, series: {} })).toBeNull();
  // A window from far in the future (a clock set wrong) would never age out: it counts as none.
  const future = { hour: Math.floor(T / H) + 48, series: { sent: [9] } };
  expect(lastDay(future, T, 'sent')).toBe(0);
  expect(lastDay(countActivity(future, T, { sent: 1 }), T, 'sent')).toBe(1);
});

test("a run's pending counts read as already counted, and a stored value that is not one reads as none", () => {
  const w = countActivity(null, T, { sent: 4, failed: 1 });
  const p = { at: T + H, sent: 10, failed: 2 };
  expect(lastDay(withPending(w, p), T + H, 'sent')).toBe(14);
  expect(lastDay(withPending(w, p), T + H, 'failed')).toBe(3);
  expect(lastDay(withPending(null, p), T + H, 'sent')).toBe(10);
  expect(withPending(w, null)).toBe(w);
  expect(lastDay(withPending(w, p), T + 30 * H, 'sent')).toBe(0);
  expect(parsePending(p)).toEqual(p);
  expect([parsePending('x'), parsePending({ at: T, sent: -1, failed: 0 }), parsePending({ at: T, sent: 1.5, failed: 0 }), parsePending({ sent: 1, failed: 0 })]).toEqual([null, null, null, null]);
});
