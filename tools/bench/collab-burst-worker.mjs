// The burst generator: one client that pushes N small Yjs updates (one character typed into a
// Y.Text per update, each its own y-websocket sync-update frame) as fast as the socket takes
// them, and one passive client in the same room that counts what the server relays.
//
// Protocol with the parent (IPC):
//   parent → { type: 'prepare', updates, capMs, mode }   → 'ready' once every frame is encoded
//   parent → { type: 'connect', sender, passive }         → 'connected' once both are synced
//   parent → { type: 'go', at }                           → 'started' at `at`, then 'drained'
//            (passive client has every update, or the cap passed: drainMs null)
//   parent → { type: 'finish' }                           → 'done' (loop p99, CPU), then exits
//
// mode 'raw' (default) writes the pre-masked frames straight to the TCP socket in ~1 MiB
// writes (frame boundaries kept), so the server receives them back to back; mode 'ws' calls
// ws.send per frame without waiting.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { now, syncStep1, updateMessage } from './protocol-messages.mjs';
import * as Y from 'yjs';

const CHUNK_BYTES = 1024 * 1024;


/** A client→server WebSocket frame (FIN, binary, masked with the all-zero key: payload unchanged). */
function maskedFrame(payload) {
  const len = payload.byteLength;
  const header = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + 4 + len);
  frame[0] = 0x82;
  if (len < 126) frame[1] = 0x80 | len;
  else if (len < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(len, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(len), 2);
  }
  frame.writeUInt32BE(0, header);
  frame.set(payload, header + 4);
  return frame;
}

const state = {
  messages: [],
  chunks: [],
  clientId: 0,
  total: 0,
  capMs: 120_000,
  mode: 'raw',
  sender: null,
  passive: null,
  senderFrames: 0,
  passiveFrames: 0,
  passiveBytes: 0,
  /** Contiguous clock of the sender's client id the passive client has received (= updates, one char each). */
  have: 0,
  /** Ranges [from, to) received ahead of a gap (never expected over one TCP stream, kept for safety). */
  ahead: [],
  startedAt: 0,
  writtenAt: 0,
  drainedAt: 0,
  closes: {},
  reported: false,
  capTimer: null,
  loop: monitorEventLoopDelay({ resolution: 10 }),
  cpuStart: null,
};

function prepare({ updates, capMs, mode }) {
  const t0 = performance.now();
  const doc = new Y.Doc();
  state.clientId = doc.clientID;
  const text = doc.getText('burst');
  doc.on('update', (update) => state.messages.push(updateMessage(update)));
  for (let i = 0; i < updates; i++) text.insert(i, 'x');
  doc.destroy();
  state.total = updates;
  state.capMs = capMs;
  state.mode = mode;
  // Whole frames grouped into ~1 MiB writes.
  let bytes = 0;
  if (mode === 'raw') {
    let group = [];
    let groupBytes = 0;
    for (const m of state.messages) {
      const f = maskedFrame(m);
      group.push(f);
      groupBytes += f.byteLength;
      if (groupBytes >= CHUNK_BYTES) {
        state.chunks.push(Buffer.concat(group, groupBytes));
        bytes += groupBytes;
        group = [];
        groupBytes = 0;
      }
    }
    if (group.length) {
      state.chunks.push(Buffer.concat(group, groupBytes));
      bytes += groupBytes;
    }
  } else bytes = state.messages.reduce((s, m) => s + m.byteLength + 6, 0);
  process.send({ type: 'ready', encodeMs: performance.now() - t0, frames: state.messages.length, bytes });
}

function connect(url, onMessage, name) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    let synced = false;
    ws.on('open', () => ws.send(syncStep1()));
    ws.on('message', (data) => {
      if (!synced) {
        const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1) {
          synced = true;
          resolve(ws);
        }
        return;
      }
      onMessage(data);
    });
    ws.on('close', (code, reason) => {
      state.closes[name] = { code, reason: reason.toString(), atMs: state.startedAt ? now() - state.startedAt : null };
      if (!synced) reject(new Error(`${name} closed before sync: ${code} ${reason}`));
    });
    ws.on('error', (error) => {
      if (!synced) reject(error);
    });
  });
}

function onPassive(data) {
  state.passiveFrames++;
  state.passiveBytes += data.byteLength;
  const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  if (decoding.readVarUint(d) !== 0) return; // awareness
  const step = decoding.readVarUint(d);
  if (step !== 1 && step !== 2) return;
  const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(d));
  const to = meta.to.get(state.clientId);
  if (to === undefined) return;
  const from = meta.from.get(state.clientId);
  if (from <= state.have) state.have = Math.max(state.have, to);
  else state.ahead.push([from, to]);
  if (state.ahead.length) {
    state.ahead.sort((a, b) => a[0] - b[0]);
    while (state.ahead.length && state.ahead[0][0] <= state.have) state.have = Math.max(state.have, state.ahead.shift()[1]);
  }
  if (state.have >= state.total && !state.drainedAt && state.startedAt) {
    state.drainedAt = now();
    report();
  }
}

function report() {
  if (state.reported) return;
  state.reported = true;
  clearTimeout(state.capTimer);
  process.send({
    type: 'drained',
    startedAt: state.startedAt,
    endedAt: state.drainedAt || now(),
    drainMs: state.drainedAt ? state.drainedAt - state.startedAt : null,
    writeMs: state.writtenAt ? state.writtenAt - state.startedAt : null,
    received: state.have,
    passiveFrames: state.passiveFrames,
    closes: state.closes,
  });
}

function go(at) {
  setTimeout(() => {
    state.loop.enable();
    state.cpuStart = process.cpuUsage();
    state.startedAt = now();
    process.send({ type: 'started', at: state.startedAt });
    state.capTimer = setTimeout(report, state.capMs);
    const ws = state.sender;
    if (ws.readyState !== WebSocket.OPEN) return report();
    if (state.mode === 'raw') {
      // ws is idle here (sync step 1 went out long ago); its automatic pongs are whole
      // frames written between these whole-frame chunks.
      const socket = ws._socket;
      state.chunks.forEach((chunk, i) =>
        socket.write(chunk, i === state.chunks.length - 1 ? () => (state.writtenAt = now()) : undefined),
      );
    } else {
      state.messages.forEach((m, i) => ws.send(m, i === state.messages.length - 1 ? () => (state.writtenAt = now()) : undefined));
    }
    state.messages = [];
    state.chunks = [];
  }, Math.max(0, at - Date.now()));
}

function finish() {
  state.loop.disable();
  const cpu = process.cpuUsage(state.cpuStart ?? undefined);
  state.sender?.terminate();
  state.passive?.terminate();
  process.send(
    {
      type: 'done',
      loopP99Ms: state.loop.percentile(99) / 1e6,
      loopMaxMs: state.loop.max / 1e6,
      cpuMs: (cpu.user + cpu.system) / 1000,
      senderFrames: state.senderFrames,
      passiveFrames: state.passiveFrames,
      passiveBytes: state.passiveBytes,
      writeMs: state.writtenAt ? state.writtenAt - state.startedAt : null,
      received: state.have,
      closes: state.closes,
    },
    () => process.exit(0),
  );
}

process.on('disconnect', () => process.exit(1));
process.on('message', async (m) => {
  try {
    if (m.type === 'prepare') prepare(m);
    else if (m.type === 'connect') {
      state.passive = await connect(m.passive, onPassive, 'passive');
      state.sender = await connect(m.sender, () => state.senderFrames++, 'sender');
      process.send({ type: 'connected' });
    } else if (m.type === 'go') go(m.at);
    else if (m.type === 'finish') finish();
  } catch (error) {
    process.send({ type: 'error', message: error.message }, () => process.exit(1));
  }
});
