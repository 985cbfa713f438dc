/**
 * How the local stand-ins' long-lived processes (npm start, the benchmark, the fake Freshsuccess)
 * let V8 grow their heap. They hold a whole account in memory, and V8's default lets a heap grow
 * to up to 4× what survived its last full collection before it collects again: at 100,000
 * customers + 200,000 contacts the runtime process peaked at 1,040 MB with about 190 MB live after
 * seeding (bench/README.md, "At scale"). With 50 % growth between full collections the same run
 * peaked at 678 MB, for a few more collections, and measured faster, not slower (less memory to
 * fault in). Jest workers keep V8's default: tests hold small accounts. The flag is V8's own, not
 * a Node option: a Node upgrade could drop it (the benchmark's peak memory would show it).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Call first thing in a process entry point, before its heap has grown. */
export function applyHeapPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
