// A load-generator process: many protocol-level y-websocket clients. Each client edits its
// own small Y.Doc and sends real Yjs updates; received updates are not applied, only
// searched for the edit marker (sender, sequence, send time) to measure edit→peer latency.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { now, syncStep1, updateMessage } from './protocol-messages.mjs';
import * as Y from 'yjs';

const MARK = Buffer.from('@@K');


// untilStopped: edit until the parent sends { type: 'stop' } instead of for durationMs.
// timed: also report each delivery's send time (sentTimes, parallel to latencies), so the
// parent can pick the deliveries of edits made in a time window.
let stopRequested = null;
const stopped = new Promise((resolve) => (stopRequested = resolve));
process.on('message', (m) => {
  if (m?.type === 'stop') stopRequested();
});
// The parent is gone (it failed): nobody will send 'stop' or read the report.
process.on('disconnect', () => process.exit(1));

process.once('message', async ({ clients, rate, durationMs, startAt, untilStopped = false, timed = false }) => {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const latencies = [];
  const sentTimes = [];
  let received = 0;
  const sentByRoom = {};
  const connectTimes = [];
  const sockets = [];
  const cpuStart = process.cpuUsage();

  await Promise.all(
    clients.map(
      (client) =>
        new Promise((resolve) => {
          const started = now();
          const ws = new WebSocket(client.url);
          ws.binaryType = 'nodebuffer';
          let synced = false;
          ws.on('open', () => ws.send(syncStep1()));
          ws.on('message', (data) => {
            const bytes = data;
            if (!synced) {
              const d = decoding.createDecoder(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
              if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1) {
                synced = true;
                connectTimes.push(now() - started);
                resolve();
              }
              return;
            }
            let at = bytes.indexOf(MARK);
            while (at >= 0) {
              const end = bytes.indexOf('@@', at + 3);
              const [sender, , sentAt] = bytes.toString('latin1', at + 3, end).split(':');
              if (Number(sender) !== client.id) {
                received++;
                latencies.push(now() - Number(sentAt));
                if (timed) sentTimes.push(Number(sentAt));
              }
              at = bytes.indexOf(MARK, end + 2);
            }
          });
          ws.on('error', () => resolve());
          ws.on('close', () => resolve());
          sockets.push({ ws, client });
        }),
    ),
  );
  process.send({ type: 'connected', connectTimes });

  await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
  loop.enable();
  const timers = sockets.map(({ ws, client }) => {
    const doc = new Y.Doc();
    const map = doc.getMap('m');
    let seq = 0;
    doc.on('update', (update) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(updateMessage(update));
    });
    const edit = () => {
      seq++;
      sentByRoom[client.room] = (sentByRoom[client.room] ?? 0) + 1;
      map.set(`c${client.id}`, `@@K${client.id}:${seq}:${now().toFixed(3)}@@`);
    };
    // Spread the clients' edits over the interval.
    const interval = 1000 / rate;
    const first = setTimeout(() => {
      edit();
      timer.ref = setInterval(edit, interval);
    }, Math.random() * interval);
    const timer = { first, ref: null };
    return timer;
  });
  await (untilStopped ? stopped : new Promise((r) => setTimeout(r, durationMs)));
  for (const t of timers) {
    clearTimeout(t.first);
    if (t.ref) clearInterval(t.ref);
  }
  // Drain: let in-flight deliveries arrive.
  await new Promise((r) => setTimeout(r, 2000));
  loop.disable();
  const cpu = process.cpuUsage(cpuStart);
  for (const { ws } of sockets) ws.terminate();
  process.send({
    type: 'done',
    latencies,
    sentTimes: timed ? sentTimes : undefined,
    received,
    sentByRoom,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopP99Ms: loop.percentile(99) / 1e6,
    open: sockets.filter(({ ws }) => ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CLOSED).length,
  }, () => process.exit(0)); // exit only once the (large) report has left the IPC channel
});
