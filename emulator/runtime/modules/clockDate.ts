/**
 * The Date that script code sees: `new Date()` and `Date.now()` read the runtime's simulated
 * clock, so a script's timestamps agree with last-modified dates and scheduled runs. Every
 * other form of the constructor behaves as usual; instances are ordinary Dates.
 */
export function clockDate(nowMs: () => number): DateConstructor {
  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(nowMs());
      else super(...(args as [string | number | Date]));
    }
    static now(): number {
      return nowMs();
    }
    /** Dates made by the runtime (record values, N/format) are instances too, as in NetSuite. */
    static [Symbol.hasInstance](value: unknown): boolean {
      return Object.prototype.toString.call(value) === '[object Date]';
    }
  }
  return ClockDate as unknown as DateConstructor;
}
