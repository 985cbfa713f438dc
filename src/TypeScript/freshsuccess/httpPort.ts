/**
 * The one door to the network. The NetSuite adapter implements it with N/https and adds the
 * Authorization header itself (from an API secret or credential GUID), so the key is never seen
 * by the client, the use cases or the domain — not even as a string in memory.
 */
import type { TransportResult } from '../domain/classify';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpPort {
  /** Never throws for HTTP or network failures: they come back as a TransportResult. */
  send(request: HttpRequest): TransportResult;
}
