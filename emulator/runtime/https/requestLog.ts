/**
 * The runtime's record of outbound HTTPS calls, for tests and `npm start` output. It never holds
 * a secret: SecureString header values are written as REDACTED and bodies are kept only as a
 * size. `scrub` is a last line of defence for anything else that gets logged.
 */
export const REDACTED = '[REDACTED]';

export interface HttpRequestLogEntry {
  at: Date;
  scriptId: string;
  deploymentId: string;
  method: string;
  /** The URL as the script gave it (the real host name, not the loopback route). */
  url: string;
  headers: Record<string, string>;
  bodyBytes: number;
  status: number | null;
  durationMs: number;
  /** 'ok' (any HTTP status) or the NetSuite error name the call threw. */
  outcome: string;
}

/** Replaces every occurrence of each secret value in `text`. */
export function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
  return out;
}
