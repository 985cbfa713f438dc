/**
 * Loads built AMD files from the File Cabinet the way NetSuite does: `define(deps, factory)`
 * with 'require', 'exports', N/* modules from the runtime's registry and relative modules
 * (resolved against the requiring file, '.js' appended). Compiled code is cached per runtime;
 * module instances are created afresh for every entry-point run, because NetSuite keeps no
 * module state between invocations.
 *
 * Script code runs in the runtime's own realm (so Errors and Dates are ordinary objects for
 * both sides) through indirect eval with the real file name for stack traces. Node's require,
 * process, module, Buffer, timers and console are shadowed: script code cannot reach them by
 * name. This is an isolation of names, not a security sandbox.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix, resolve as resolvePath, sep } from 'node:path';
import { SuiteScriptError } from '../errors';

/** Names hidden from script code (bound to undefined). */
const SHADOWED = [
  'require', 'process', 'module', 'exports', 'global', 'globalThis', 'Buffer', '__dirname', '__filename',
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate',
  'queueMicrotask', 'fetch', 'console',
];

type CompiledFile = (define: (...args: unknown[]) => void, globals: ScriptGlobals) => void;

export interface ScriptGlobals {
  /** NetSuite's global `log` (same as N/log). */
  log: unknown;
  /** Date whose `new Date()` and `Date.now()` read the simulated clock. */
  Date: DateConstructor;
  /** Math, whose random() a seeded runtime makes repeatable. */
  Math: Math;
}

export interface ModuleProvider {
  /** Returns the N/* module, or undefined when the runtime has none by that name. */
  nModule(name: string): unknown;
  globals(): ScriptGlobals;
}

export class AmdLoader {
  private readonly compiled = new Map<string, CompiledFile>();

  constructor(private readonly fileCabinet: string, private readonly provider: ModuleProvider) {}

  /** Absolute File Cabinet path ('/SuiteApps/x/entry/a.js') → file on disk. */
  diskPath(cabinetPath: string): string {
    const full = resolvePath(this.fileCabinet, '.' + posix.normalize('/' + cabinetPath));
    if (!full.startsWith(resolvePath(this.fileCabinet) + sep)) {
      throw new SuiteScriptError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${cabinetPath}`);
    }
    return full;
  }

  readSource(cabinetPath: string): string {
    const file = this.diskPath(cabinetPath);
    if (!existsSync(file)) throw new SuiteScriptError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${cabinetPath}`);
    return readFileSync(file, 'utf8');
  }

  /** A fresh module graph rooted at `cabinetPath`; returns the entry module's value. */
  load(cabinetPath: string): Record<string, unknown> {
    return new ModuleGraph(this).require(normalizeCabinetPath(cabinetPath)) as Record<string, unknown>;
  }

  compile(cabinetPath: string): CompiledFile {
    let fn = this.compiled.get(cabinetPath);
    if (!fn) {
      const source = this.readSource(cabinetPath);
      const filename = this.diskPath(cabinetPath);
      // The wrapper sits on the file's first line, so reported line numbers stay the file's own.
      const wrapped =
        `(function (define, __globals, ${SHADOWED.join(', ')}) { var log = __globals.log, Date = __globals.Date, Math = __globals.Math; ${source}\n})` +
        `\n//# sourceURL=${filename}`;
      try {
        fn = (0, eval)(wrapped) as CompiledFile;
      } catch (e) {
        throw new SuiteScriptError('SSS_INVALID_SCRIPT_SYNTAX', `${cabinetPath}: ${(e as Error).message}`, { cause: e });
      }
      this.compiled.set(cabinetPath, fn);
    }
    return fn;
  }

  get modules(): ModuleProvider {
    return this.provider;
  }
}

interface ModuleRecord {
  exports: Record<string, unknown>;
  value: unknown;
  done: boolean;
}

/** One entry-point run's modules: each file evaluated once within it. */
class ModuleGraph {
  private readonly modules = new Map<string, ModuleRecord>();

  constructor(private readonly loader: AmdLoader) {}

  require(id: string, from?: string): unknown {
    if (id.startsWith('N/') || id === 'N') {
      const m = this.loader.modules.nModule(id);
      if (m === undefined) throw new SuiteScriptError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${id}`);
      return m;
    }
    const path = resolveModuleId(id, from);
    const existing = this.modules.get(path);
    if (existing) return existing.done ? existing.value : existing.exports; // a cycle sees partial exports
    const record: ModuleRecord = { exports: {}, value: undefined, done: false };
    this.modules.set(path, record);
    const compiled = this.loader.compile(path);
    let defined = false;
    const define = (...args: unknown[]) => {
      if (defined) throw new SuiteScriptError('SSS_INVALID_DEFINE', `${path}: define() called more than once`);
      defined = true;
      const factory = args[args.length - 1];
      const deps = Array.isArray(args[args.length - 2]) ? (args[args.length - 2] as string[]) : ['require', 'exports', 'module'];
      if (typeof factory !== 'function') {
        record.value = factory;
        return;
      }
      const resolved = deps.map((d) => this.dependency(d, path, record));
      const returned = (factory as (...a: unknown[]) => unknown)(...resolved);
      record.value = returned !== undefined ? returned : record.exports;
    };
    compiled(define, this.loader.modules.globals());
    if (!defined) throw new SuiteScriptError('SSS_MISSING_DEFINE', `${path}: the file does not call define(); SuiteScript 2.x modules are AMD modules`);
    record.done = true;
    return record.value;
  }

  private dependency(dep: string, from: string, record: ModuleRecord): unknown {
    if (dep === 'exports') return record.exports;
    if (dep === 'module') return { id: from, exports: record.exports };
    if (dep === 'require') return this.localRequire(from);
    return this.require(dep, from);
  }

  private localRequire(from: string) {
    const req = (ids: string | string[], callback?: (...m: unknown[]) => void) => {
      if (typeof ids === 'string') return this.require(ids, from);
      const mods = ids.map((id) => this.require(id, from));
      callback?.(...mods);
      return undefined;
    };
    return req;
  }
}

function normalizeCabinetPath(p: string): string {
  const withSlash = p.startsWith('/') ? p : '/' + p;
  return posix.normalize(withSlash.endsWith('.js') ? withSlash : withSlash + '.js');
}

/** './lib/x' from '/SuiteApps/a/entry/ue.js' → '/SuiteApps/a/entry/lib/x.js'. */
function resolveModuleId(id: string, from?: string): string {
  if (id.startsWith('./') || id.startsWith('../')) {
    if (!from) throw new SuiteScriptError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${id} (relative id without a requiring file)`);
    return normalizeCabinetPath(posix.join(posix.dirname(from), id));
  }
  if (id.startsWith('/')) return normalizeCabinetPath(id);
  // Bare ids other than N/* (e.g. 'SuiteScripts/x') are File Cabinet paths from the root.
  return normalizeCabinetPath('/' + id);
}
