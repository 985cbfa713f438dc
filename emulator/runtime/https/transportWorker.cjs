/**
 * Worker thread of the runtime's synchronous N/https (run through synckit: the calling thread
 * blocks in Atomics.wait while this thread does the real HTTP request over loopback).
 * Plain CommonJS on purpose: it is started by Node's Worker directly, outside ts-jest and tsx.
 *
 * This is the only place where secret values are turned into clear text: header values and the
 * body arrive as templates (see ../https/secureString.ts), the resolved secret values arrive
 * beside them, and the clear request exists only in this thread while it is sent.
 */
'use strict';
const http = require('node:http');
const { runAsWorker } = require('synckit');

/** Decodes `text` written in `encoding` to bytes. */
function decode(text, encoding) {
  switch (encoding) {
    case 'BASE_64': return Buffer.from(text, 'base64');
    case 'BASE_64_URL_SAFE': return Buffer.from(text, 'base64url');
    case 'HEX': return Buffer.from(text, 'hex');
    case 'UTF_8': default: return Buffer.from(text, 'utf8');
  }
}

function encode(bytes, encoding) {
  switch (encoding) {
    case 'BASE_64': return bytes.toString('base64');
    case 'BASE_64_URL_SAFE': return bytes.toString('base64url');
    case 'HEX': return bytes.toString('hex');
    case 'UTF_8': default: return bytes.toString('utf8');
  }
}

/** Replays a SecureString recipe: [{op, ...}] over a {text, encoding} state. */
function materialise(recipe, secrets) {
  let state = { text: '', encoding: 'UTF_8' };
  for (const step of recipe) {
    switch (step.op) {
      case 'init':
        state = { text: fillTokens(step.template, secrets), encoding: step.encoding };
        break;
      case 'appendString':
        state.text += step.input;
        break;
      case 'appendSecure': {
        const other = materialise(step.recipe, secrets);
        state.text += step.keepEncoding || other.encoding === state.encoding
          ? other.text
          : encode(decode(other.text, other.encoding), state.encoding);
        break;
      }
      case 'convert':
        state = { text: encode(decode(state.text, step.from), step.to), encoding: step.to };
        break;
      case 'replace':
        state.text = state.text.split(step.pattern).join(step.replacement);
        break;
      default:
        throw new Error(`unknown SecureString step ${step.op}`);
    }
  }
  return state;
}

/** Replaces `{token}` placeholders whose token has a resolved secret value. */
function fillTokens(template, secrets) {
  return template.replace(/\{([^{}]+)\}/g, (whole, token) =>
    Object.prototype.hasOwnProperty.call(secrets, token) ? secrets[token] : whole);
}

function headerValue(v, secrets) {
  return v.kind === 'secure' ? materialise(v.recipe, secrets).text : v.value;
}

/**
 * Sends one request. Resolves {ok: true, code, headers, body} or {ok: false, failure, detail};
 * failures are classified here and named as NetSuite errors by the calling thread.
 */
function send(req) {
  return new Promise((resolve) => {
    const started = Date.now();
    let settled = false;
    let connected = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      resolve({ ...result, durationMs: Date.now() - started });
    };

    const headers = [];
    for (const [name, v] of req.headers) headers.push(name, headerValue(v, req.secrets));
    headers.push('Host', req.hostHeader);
    const body = req.body === null ? null : Buffer.from(fillTokens(req.body, req.bodySecrets), 'utf8');
    if (body !== null) headers.push('Content-Length', String(body.length));

    const target = new URL(req.target);
    const request = http.request({
      host: target.hostname,
      port: target.port,
      path: req.path,
      method: req.method,
      headers,
      agent: false,
      setHost: false,
    });

    const connectTimer = setTimeout(() => {
      if (connected) return;
      finish({ ok: false, failure: 'connect-timeout', detail: `no connection after ${req.connectTimeoutMs} ms` });
      request.destroy();
    }, req.connectTimeoutMs);
    const totalTimer = setTimeout(() => {
      finish({ ok: false, failure: 'total-timeout', detail: `no complete response after ${req.totalTimeoutMs} ms` });
      request.destroy();
    }, req.totalTimeoutMs);

    request.on('socket', (socket) => {
      socket.on('connect', () => { connected = true; });
    });
    request.on('error', (err) => {
      if (err.code === 'ECONNREFUSED') finish({ ok: false, failure: 'refused', detail: err.code });
      else finish({ ok: false, failure: 'closed', detail: err.code || err.message });
    });
    request.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('aborted', () => finish({ ok: false, failure: 'closed', detail: 'response aborted' }));
      res.on('error', (err) => finish({ ok: false, failure: 'closed', detail: err.code || err.message }));
      res.on('end', () => {
        if (!res.complete) return finish({ ok: false, failure: 'closed', detail: 'response incomplete' });
        const out = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i];
          out[name] = name in out ? `${out[name]}, ${res.rawHeaders[i + 1]}` : res.rawHeaders[i + 1];
        }
        finish({ ok: true, code: res.statusCode, headers: out, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    if (body !== null) request.end(body);
    else request.end();
  });
}

runAsWorker(send);
