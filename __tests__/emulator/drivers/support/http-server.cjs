/**
 * Test HTTP server, run in a CHILD PROCESS: N/https blocks the test's thread (Atomics.wait)
 * during a call, so a server on that thread's event loop could never answer and would deadlock.
 * Reports its port over IPC. Routes: /echo and /api/*, /status/<code>, /slow?ms=, /drop, /drop-mid.
 * Message 'freeze' blocks this process's event loop (nothing gets accepted) for a connect-timeout
 * test; it listens with backlog 1 so the kernel queue fills after two connections.
 */
'use strict';
const http = require('node:http');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'http://local');
    const body = Buffer.concat(chunks).toString('utf8');
    if (url.pathname === '/echo' || url.pathname.startsWith('/api/')) {
      const headers = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i]] = req.rawHeaders[i + 1];
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Echo': 'yes' });
      res.end(JSON.stringify({ method: req.method, path: req.url, headers, body }));
    } else if (url.pathname.startsWith('/status/')) {
      res.writeHead(Number(url.pathname.slice(8)), { 'Retry-After': '7' });
      res.end('status body');
    } else if (url.pathname === '/slow') {
      setTimeout(() => { res.writeHead(200); res.end('late'); }, Number(url.searchParams.get('ms')));
    } else if (url.pathname === '/drop') {
      req.socket.destroy();
    } else if (url.pathname === '/drop-mid') {
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('partial');
      setTimeout(() => req.socket.destroy(), 20);
    } else {
      res.writeHead(404);
      res.end('no route');
    }
  });
});

server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.send({ port: server.address().port });
});
process.on('message', (m) => {
  if (m && m.freezeMs) {
    process.send({ frozen: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, m.freezeMs);
  }
});
process.on('disconnect', () => process.exit(0));
