/** N/encode: convert between UTF_8, BASE_64, BASE_64_URL_SAFE and HEX. Costs nothing. */
import { nsError } from '../errors';

export const ENCODINGS = Object.freeze({ UTF_8: 'UTF_8', BASE_16: 'BASE_16', BASE_32: 'BASE_32', BASE_64: 'BASE_64', BASE_64_URL_SAFE: 'BASE_64_URL_SAFE', HEX: 'HEX' });

function toBytes(s: string, enc: string): Buffer {
  switch (enc) {
    case 'UTF_8': return Buffer.from(s, 'utf8');
    case 'BASE_64': return Buffer.from(s, 'base64');
    case 'BASE_64_URL_SAFE': return Buffer.from(s, 'base64url');
    case 'HEX': case 'BASE_16':
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(s)) throw nsError.invalidArgument('encode.convert', 'string', 'not hexadecimal');
      return Buffer.from(s, 'hex');
    default: throw nsError.invalidArgument('encode.convert', 'inputEncoding', enc);
  }
}

function fromBytes(b: Buffer, enc: string): string {
  switch (enc) {
    case 'UTF_8': return b.toString('utf8');
    case 'BASE_64': return b.toString('base64');
    case 'BASE_64_URL_SAFE': return b.toString('base64url');
    case 'HEX': case 'BASE_16': return b.toString('hex').toUpperCase();
    default: throw nsError.invalidArgument('encode.convert', 'outputEncoding', enc);
  }
}

export function createEncodeModule() {
  return Object.freeze({
    Encoding: ENCODINGS,
    convert(options: { string: string; inputEncoding: string; outputEncoding: string }) {
      if (typeof options?.string !== 'string') throw nsError.missingArgument('encode.convert', 'string');
      if (!options.inputEncoding) throw nsError.missingArgument('encode.convert', 'inputEncoding');
      if (!options.outputEncoding) throw nsError.missingArgument('encode.convert', 'outputEncoding');
      return fromBytes(toBytes(options.string, options.inputEncoding), options.outputEncoding);
    },
  });
}
