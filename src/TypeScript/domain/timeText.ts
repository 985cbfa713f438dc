/** Times and durations as the admin reads them, on the page and in alert mails. */

/** A moment as the admin reads it: "2026-12-04 07:50 UTC" (minutes are enough to find a run). */
export function utcMinute(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'never';
  return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

/** "12 min", "3 h 5 min", "2 d 4 h": a duration in the largest units that matter. */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
