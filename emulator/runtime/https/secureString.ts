/**
 * https.SecureString: an opaque value scripts can build and send but never read. It holds a
 * recipe (the input template with `{custsecret_x}` / `{guid}` tokens, then appends, encoding
 * conversions and replacements); the recipe is replayed with the clear secret values only in the
 * transport worker (transportWorker.cjs). toString and JSON show nothing of the content.
 */
import { suiteScriptError } from './suiteScriptError';

export type Encoding = 'UTF_8' | 'BASE_64' | 'BASE_64_URL_SAFE' | 'HEX';
export const ENCODINGS: readonly Encoding[] = ['UTF_8', 'BASE_64', 'BASE_64_URL_SAFE', 'HEX'];

export type RecipeStep =
  | { op: 'init'; template: string; encoding: Encoding }
  | { op: 'appendString'; input: string }
  | { op: 'appendSecure'; recipe: RecipeStep[]; keepEncoding: boolean }
  | { op: 'convert'; from: Encoding; to: Encoding }
  | { op: 'replace'; pattern: string; replacement: string };

/** Recipes are kept outside the object so no property walk (JSON, inspect, spread) finds them. */
const recipes = new WeakMap<SecureString, { steps: RecipeStep[]; tokens: Set<string> }>();

export class SecureString {
  constructor(steps: RecipeStep[], tokens: Iterable<string>) {
    recipes.set(this, { steps, tokens: new Set(tokens) });
  }

  appendString(options: { input: string; keepEncoding?: boolean }): SecureString {
    requireArg(options?.input, 'SecureString.appendString', 'input', 'string');
    this.state().steps.push({ op: 'appendString', input: options.input });
    return this;
  }

  appendSecureString(options: { secureString: SecureString; keepEncoding?: boolean }): SecureString {
    const other = options?.secureString;
    if (!(other instanceof SecureString)) {
      throw suiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'SecureString.appendSecureString: Missing a required argument: secureString');
    }
    const o = other.state();
    const mine = this.state();
    mine.steps.push({ op: 'appendSecure', recipe: [...o.steps], keepEncoding: options.keepEncoding === true });
    for (const t of o.tokens) mine.tokens.add(t);
    return this;
  }

  convertEncoding(options: { fromEncoding: Encoding; toEncoding: Encoding }): SecureString {
    const from = encodingArg(options?.fromEncoding, 'fromEncoding');
    const to = encodingArg(options?.toEncoding, 'toEncoding');
    this.state().steps.push({ op: 'convert', from, to });
    return this;
  }

  replaceString(options: { pattern: string; replacement: string }): SecureString {
    requireArg(options?.pattern, 'SecureString.replaceString', 'pattern', 'string');
    requireArg(options?.replacement, 'SecureString.replaceString', 'replacement', 'string');
    this.state().steps.push({ op: 'replace', pattern: options.pattern, replacement: options.replacement });
    return this;
  }

  hash(): SecureString {
    throw suiteScriptError('SSS_NOT_MODELLED', 'SecureString.hash is not modelled by the local runtime');
  }

  hmac(): SecureString {
    throw suiteScriptError('SSS_NOT_MODELLED', 'SecureString.hmac is not modelled by the local runtime');
  }

  toString(): string {
    return '[object SecureString]';
  }

  toJSON(): Record<string, never> {
    return {};
  }

  /** Runtime-internal: the recipe and the secret tokens it needs. */
  static internals(s: SecureString): { steps: RecipeStep[]; tokens: string[] } {
    const r = s.state();
    return { steps: r.steps, tokens: [...r.tokens] };
  }

  private state(): { steps: RecipeStep[]; tokens: Set<string> } {
    const r = recipes.get(this);
    if (!r) throw new Error('not a SecureString made by https.createSecureString');
    return r;
  }
}

function requireArg(value: unknown, api: string, name: string, type: string): void {
  if (value === undefined || value === null) {
    throw suiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: ${name}`);
  }
  if (typeof value !== type) throw suiteScriptError('SSS_INVALID_TYPE_ARG', `${api}: ${name} must be a ${type}`);
}

function encodingArg(value: unknown, name: string): Encoding {
  if (value === undefined || value === null) {
    throw suiteScriptError('SSS_MISSING_REQD_ARGUMENT', `SecureString.convertEncoding: Missing a required argument: ${name}`);
  }
  if (!ENCODINGS.includes(value as Encoding)) {
    throw suiteScriptError('SSS_INVALID_ARG', `SecureString.convertEncoding: unsupported encoding ${String(value)} (modelled: ${ENCODINGS.join(', ')})`);
  }
  return value as Encoding;
}
