/**
 * Keys and values as the platform keeps them between stages: serialized, UTF-8 (NetSuite
 * persists stage data, and its limits count bytes). A value is held as its UTF-8 bytes, outside
 * the JavaScript heap and half the size of text V8 keeps two bytes a character (any non-Latin-1
 * name makes a whole value so), and is read back as text when a stage hands it to the script.
 * Text that UTF-8 cannot carry exactly (a lone surrogate) stays text, so the script reads back
 * what it wrote.
 */
import { byteLength } from './limits';

export type StageValue = string | Buffer;

/** String.prototype.isWellFormed (Node 20+; not in the ES2022 typings). */
const isWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean }).isWellFormed;

export function persist(value: string): StageValue {
  return isWellFormed.call(value) ? Buffer.from(value, 'utf8') : value;
}

export function read(value: StageValue): string {
  return typeof value === 'string' ? value : value.toString('utf8');
}

/** UTF-8 bytes, what the persisted-data limit counts. */
export function sizeOf(value: StageValue): number {
  return typeof value === 'string' ? byteLength(value) : value.length;
}

export interface StagePair {
  key: string;
  value: StageValue;
}

export function pairBytes(key: string, value: StageValue): number {
  return byteLength(key) + sizeOf(value);
}

export function groupBytes(g: { key: string; values: StageValue[] }): number {
  return g.values.reduce((n, v) => n + sizeOf(v), byteLength(g.key));
}
