#!/usr/bin/env node
// Two API instances and a small proxy on this machine, without Docker: the topology of
// infra/compose and of the scale-out tests. Needs a PostgreSQL and a Redis (defaults: the
// local ones) and a build (`npm run build`).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/kehittamo_cluster REDIS_URL=redis://127.0.0.1:6379 npm run start:cluster
//
// The proxy on PORT (default 3000) sends each HTTP request and each WebSocket upgrade to
// the next instance in turn (no sticky sessions): every instance must serve every document.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
const main = resolve(root, 'dist/apps/api/main.js');
if (!existsSync(main)) {
  console.error('dist/apps/api/main.js is missing: run `npm run build` first.');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kehittamo_cluster';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const instancePorts = [port + 1, port + 2];

// Create the database when it does not exist yet (the instances migrate it).
const target = new URL(databaseUrl);
const admin = new pg.Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString() });
await admin.connect();
const name = target.pathname.slice(1);
if (!(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) {
  await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
}
await admin.end();

const children = instancePorts.map((instancePort) =>
  spawn(process.execPath, [main], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: String(instancePort),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
      TRUST_PROXY: 'loopback',
      // Both migrate and seed at start; an advisory lock makes the second wait its turn.
      DEMO_SEED: process.env.DEMO_SEED ?? 'true',
    },
  }),
);

let next = 0;
const pick = () => instancePorts[next++ % instancePorts.length];

const proxy = createServer((req, res) => {
  const upstream = request(
    { host: '127.0.0.1', port: pick(), path: req.url, method: req.method, headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress } },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
      upstreamRes.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ statusCode: 502, code: 'internal_error', message: 'No instance answered' }));
  });
  req.pipe(upstream);
});

// WebSocket upgrades (collab, Socket.IO): a raw TCP pipe to the chosen instance.
proxy.on('upgrade', (req, socket, head) => {
  const upstream = connect(pick(), '127.0.0.1', () => {
    const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n');
    upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
    if (head.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
});

proxy.listen(port, () => console.log(`cluster: proxy on http://localhost:${port} → instances on ${instancePorts.join(', ')}`));

const stop = () => {
  proxy.close();
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && console.error(`an instance exited with ${code}`));
