/**
 * http.ServerResponse for a Suitelet: write/writeLine/writePage/writeFile, headers and
 * redirects. NetSuite gives Suitelets no way to set the status code; a redirect (sendRedirect or
 * N/redirect) wins over anything written and becomes a 302.
 */
import { SuiteScriptError } from '../errors';
import { Form } from '../ui/form';
import type { UrlResolver } from '../url/urlModule';
import { appendQuery, encodeParams } from '../url/urlModule';

type Options = Record<string, unknown> | undefined;

/** Renders a form for this request and returns the HTML (the server keeps the descriptor). */
export type PageWriter = (form: Form) => string;

const FILE_TYPES: Record<string, string> = {
  PLAINTEXT: 'text/plain; charset=utf-8',
  CSV: 'text/csv; charset=utf-8',
  JSON: 'application/json; charset=utf-8',
  HTMLDOC: 'text/html; charset=utf-8',
  XMLDOC: 'text/xml; charset=utf-8',
  JAVASCRIPT: 'application/javascript; charset=utf-8',
  PDF: 'application/pdf',
  PNGIMAGE: 'image/png',
  JPGIMAGE: 'image/jpeg',
  ZIP: 'application/zip',
};
const BINARY = new Set(['PDF', 'PNGIMAGE', 'JPGIMAGE', 'ZIP']);

export class SuiteletResponse {
  private readonly chunks: Buffer[] = [];
  private readonly headerMap = new Map<string, { name: string; values: string[] }>();
  redirectLocation?: string;

  constructor(private readonly urls: UrlResolver, private readonly pageWriter: PageWriter) {}

  get headers(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const { name, values } of this.headerMap.values()) out[name] = values.length === 1 ? values[0]! : [...values];
    return out;
  }

  body(): Buffer {
    return Buffer.concat(this.chunks);
  }

  hasHeader(name: string): boolean {
    return this.headerMap.has(name.toLowerCase());
  }

  private header(options: Options, api: string): { name: string; value: string } {
    const name = options?.name;
    const value = options?.value;
    if (typeof name !== 'string' || name === '') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: options.name`);
    if (value === undefined || value === null) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: options.value`);
    if (/[\r\n]/.test(name) || /[\r\n]/.test(String(value))) {
      throw new SuiteScriptError('SSS_INVALID_HEADER', `${api}: header names and values cannot contain line breaks`);
    }
    return { name, value: String(value) };
  }

  setHeader(options: Options): void {
    const { name, value } = this.header(options, 'ServerResponse.setHeader');
    this.headerMap.set(name.toLowerCase(), { name, values: [value] });
  }

  addHeader(options: Options): void {
    const { name, value } = this.header(options, 'ServerResponse.addHeader');
    const h = this.headerMap.get(name.toLowerCase());
    if (h) h.values.push(value);
    else this.headerMap.set(name.toLowerCase(), { name, values: [value] });
  }

  getHeader(options: Options): string | string[] | undefined {
    const name = options?.name;
    if (typeof name !== 'string') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'ServerResponse.getHeader: Missing a required argument: options.name');
    const h = this.headerMap.get(name.toLowerCase());
    return h ? (h.values.length === 1 ? h.values[0] : [...h.values]) : undefined;
  }

  write(options: unknown): void {
    const output = typeof options === 'string' ? options : (options as Options)?.output;
    if (typeof output !== 'string') {
      throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', 'ServerResponse.write accepts only a string (or {output: string}); use writeFile for files');
    }
    this.chunks.push(Buffer.from(output, 'utf8'));
  }

  writeLine(options: unknown): void {
    const output = typeof options === 'string' ? options : (options as Options)?.output;
    if (typeof output !== 'string') throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', 'ServerResponse.writeLine: options.output must be a string');
    this.chunks.push(Buffer.from(`${output}\n`, 'utf8'));
  }

  writePage(options: unknown): void {
    const page = options instanceof Form ? options : (options as Options)?.pageObject;
    if (!(page instanceof Form)) {
      throw new SuiteScriptError('SSS_INVALID_TYPE_ARG', 'ServerResponse.writePage: pass a serverWidget.Form (lists and assistants are not modelled)');
    }
    if (!this.hasHeader('content-type')) this.setHeader({ name: 'Content-Type', value: 'text/html; charset=utf-8' });
    this.chunks.push(Buffer.from(this.pageWriter(page), 'utf8'));
  }

  /** Accepts an N/file File (or anything with name, fileType and getContents()). */
  writeFile(options: Options): void {
    const file = options?.file as { name?: string; fileType?: string; getContents?: () => string } | undefined;
    if (!file || typeof file.getContents !== 'function') {
      throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'ServerResponse.writeFile: Missing a required argument: options.file');
    }
    const type = String(file.fileType ?? 'PLAINTEXT').toUpperCase();
    const contents = file.getContents();
    this.setHeader({ name: 'Content-Type', value: FILE_TYPES[type] ?? 'application/octet-stream' });
    const disposition = options?.isInline === true ? 'inline' : 'attachment';
    this.setHeader({ name: 'Content-Disposition', value: `${disposition}; filename="${String(file.name ?? 'file').replace(/["\\\r\n]/g, '_')}"` });
    this.chunks.push(BINARY.has(type) ? Buffer.from(contents, 'base64') : Buffer.from(contents, 'utf8'));
  }

  sendRedirect(options: Options): void {
    const api = 'ServerResponse.sendRedirect';
    const type = String(options?.type ?? '').toUpperCase().replace('_', '');
    const identifier = options?.identifier;
    if (!type) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: options.type`);
    if (identifier === undefined || identifier === null || identifier === '') {
      throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${api}: Missing a required argument: options.identifier`);
    }
    switch (type) {
      case 'RECORD':
        this.redirectTo(this.urls.resolveRecord({ recordType: identifier, recordId: options?.id, isEditMode: options?.editMode === true, params: options?.parameters }));
        return;
      case 'SUITELET':
      case 'RESTLET':
        this.redirectTo(this.urls.resolveScript({ scriptId: identifier, deploymentId: options?.id, params: options?.parameters }));
        return;
      default:
        throw new SuiteScriptError('SSS_UNSUPPORTED_IN_EMULATOR', `${api}: redirect type ${type} is not modelled by the local runtime (RECORD, SUITELET and RESTLET are)`);
    }
  }

  /** Used by sendRedirect and N/redirect; the last redirect set wins. */
  redirectTo(url: string, parameters?: unknown): void {
    this.redirectLocation = appendQuery(url, encodeParams(parameters, 'redirect'));
  }

  renderPdf(): never {
    throw new SuiteScriptError('SSS_UNSUPPORTED_IN_EMULATOR', 'ServerResponse.renderPdf is not modelled by the local runtime');
  }

  setCdnCacheable(): void {
    // CDN caching applies to externally served Suitelets only; nothing to model locally.
  }

  /** The object handed to onRequest as context.response. */
  facade(): Record<string, unknown> {
    const self = this;
    return {
      get headers() {
        return self.headers;
      },
      write: (o: unknown) => this.write(o),
      writeLine: (o: unknown) => this.writeLine(o),
      writePage: (o: unknown) => this.writePage(o),
      writeFile: (o: Options) => this.writeFile(o),
      setHeader: (o: Options) => this.setHeader(o),
      addHeader: (o: Options) => this.addHeader(o),
      getHeader: (o: Options) => this.getHeader(o),
      sendRedirect: (o: Options) => this.sendRedirect(o),
      renderPdf: () => this.renderPdf(),
      setCdnCacheable: () => this.setCdnCacheable(),
    };
  }
}
