/**
 * The worker thread behind holdingProxy.ts: an HTTP proxy in front of the fake Freshsuccess that
 * passes requests through, except those matching a hold, which get no answer until the test
 * says "release". A connection the fake drops is dropped towards the client too. It runs on its
 * own thread because N/https blocks the test's thread while a script waits for an answer. Plain
 * CommonJS: worker threads do not go through ts-jest.
 *
 * Messages in:  { type: 'hold', holds: [{ method, path, until: 'answered' | 'received', skip? }] }
 *               { type: 'release' }
 * Messages out: { type: 'ready', port }, { type: 'held', holds: [...] } (after 'hold'),
 *               { type: 'released', log: [{ method, path, until, clientGone }] }
 */
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');

const target = new URL(workerData.target);
/** Holds not yet used, in order; each one catches one matching request. */
let holds = [];
/** Requests caught by a hold, waiting for the release (and their outcome once released). */
let caught = [];
let releaseGate = gate();

function gate() {
  let open;
  const promise = new Promise((resolve) => (open = resolve));
  return { promise, open };
}

/** The first hold matching this request, used up; a hold with `skip: n` lets n matches pass first. */
function takeHold(method, path) {
  const i = holds.findIndex((h) => h.method.toUpperCase() === method.toUpperCase() && h.path === path);
  if (i < 0) return undefined;
  const hold = holds[i];
  if (hold.skip > 0) {
    hold.skip--;
    return undefined;
  }
  holds.splice(i, 1);
  const { skip: _skip, ...rest } = hold;
  return rest;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Sends the request on to the fake (Host header kept) and reads its whole answer. */
function forward(req, body) {
  return new Promise((resolve, reject) => {
    const out = http.request(
      { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent: false },
      (res) => {
        readBody(res).then((b) => resolve({ status: res.statusCode, headers: res.headers, body: b }), reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

function answer(res, reply) {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

const server = http.createServer((req, res) => {
  // A client that gives up closes its socket before anything was answered.
  let clientGone = false;
  res.on('close', () => {
    if (!res.writableEnded) clientGone = true;
  });
  const path = new URL(req.url, 'http://proxy').pathname;
  const hold = takeHold(req.method, path);
  const work = (async () => {
    const body = await readBody(req);
    if (!hold) return answer(res, await forward(req, body));
    if (hold.until === 'received') await releaseGate.promise;
    const reply = await forward(req, body);
    if (hold.until === 'answered') await releaseGate.promise;
    answer(res, reply);
    return { method: req.method, path, until: hold.until, clientGone };
  })().catch((e) => {
    // The fake dropped the connection (or could not be reached): so does the proxy.
    req.socket.destroy();
    return hold ? { method: req.method, path, until: hold.until, clientGone, error: String(e && e.message) } : undefined;
  });
  if (hold) caught.push(work);
});

parentPort.on('message', async (message) => {
  if (message.type === 'hold') {
    holds.push(...message.holds);
    parentPort.postMessage({ type: 'held', holds });
  } else if (message.type === 'release') {
    releaseGate.open();
    const log = await Promise.all(caught);
    caught = [];
    releaseGate = gate();
    parentPort.postMessage({ type: 'released', log, unused: holds });
  } else if (message.type === 'stop') {
    server.closeAllConnections();
    server.close(() => parentPort.close());
  }
});

server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'ready', port: server.address().port }));
