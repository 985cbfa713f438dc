/**
 * How the local stand-ins' long-lived processes (npm start, the benchmark, the fake Freshsuccess)
 * let V8 grow their heap. They hold a whole account in memory, and V8's default lets a heap grow
 * to up to 4× what survived its last full collection before it collects again: at 100,000
 * customers + 200,000 contacts that put the runtime process over 1 GB although about 200 MB of it
 * was live (bench/README.md, "At scale"). 50 % growth between full collections keeps the peak near
 * what is live, for a few more collections; the same runs measured faster, not slower (less
 * memory to fault in). Jest workers keep V8's default: tests hold small accounts.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Call first thing in a process entry point, before its heap has grown. */
export function applyHeapPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
