/** A moment as the admin pages write it: "2026-12-04 07:50 UTC" (minutes are enough to find a run). */
export function utcMinute(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'never';
  return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}
