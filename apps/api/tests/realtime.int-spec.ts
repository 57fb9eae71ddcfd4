import { io, type Socket } from 'socket.io-client';
import type { AddressInfo } from 'node:net';
import { RealtimeGateway } from '../src/realtime/realtime.gateway';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
});
afterAll(() => t?.close());

function connect(cookie?: string, origin?: string): Promise<{ socket: Socket; ready?: { rooms: number }; error?: Error }> {
  return new Promise((resolve) => {
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) }, reconnection: false });
    socket.on('ready', (ready) => resolve({ socket, ready }));
    socket.on('connect_error', (error) => resolve({ socket, error }));
  });
}

describe('Socket.IO on the same port', () => {
  it('refuses a connection without a session', async () => {
    const { socket, error } = await connect();
    expect(error?.message).toBe('unauthenticated');
    socket.close();
  });

  it('refuses a connection from a foreign origin, even with a session', async () => {
    const client = await t.loginAs('expert');
    const { socket, error } = await connect(`kh_session=${client.cookies.get('kh_session')}`, 'https://evil.example');
    expect(error?.message).toBe('origin_not_allowed');
    socket.close();
  });

  it('accepts a logged-in user and joins their user and space rooms', async () => {
    const client = await t.loginAs('expert');
    const cookie = `kh_session=${client.cookies.get('kh_session')}`;
    const { socket, ready } = await connect(cookie);
    expect(ready).toEqual({ rooms: 3 });
    socket.close();
  });
});

describe('Socket.IO across two instances through Redis', () => {
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp({ REDIS_URL: redisUrl });
    second = await startTestApp({ REDIS_URL: redisUrl }, first);
    await first.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('delivers a space event emitted on one instance to a socket held by the other', async () => {
    const client = await first.loginAs('developer');
    const cookie = `kh_session=${client.cookies.get('kh_session')}`;
    const firstUrl = `http://127.0.0.1:${(first.server.address() as AddressInfo).port}`;
    const socket = io(firstUrl, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    await new Promise((resolve) => socket.on('ready', resolve));
    const [space] = (await client.get('/api/spaces')).body as { id: string }[];
    const received = new Promise((resolve) => socket.on('space.changed', resolve));
    second.app.get(RealtimeGateway).emitToSpace(space.id, 'space.changed', { spaceId: space.id });
    expect(await received).toEqual({ spaceId: space.id });
    socket.close();
  });
});
