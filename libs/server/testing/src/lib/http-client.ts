import request from 'supertest';
import type { Server } from 'node:http';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * A browser-like HTTP client for tests: keeps cookies between requests and echoes
 * the XSRF-TOKEN cookie in X-XSRF-TOKEN, as Angular does.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly server: Server | string) {}

  get(path: string, headers: Record<string, string> = {}) {
    return this.send('get', path, undefined, { headers });
  }
  /** A download: the body as a Buffer, whatever its type. */
  async download(path: string) {
    let req = request(this.server).get(path);
    if (this.cookies.size > 0) req = req.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    return req.buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  }

  post(path: string, body?: unknown) {
    return this.send('post', path, body);
  }
  patch(path: string, body?: unknown) {
    return this.send('patch', path, body);
  }
  put(path: string, body?: unknown) {
    return this.send('put', path, body);
  }
  delete(path: string) {
    return this.send('delete', path);
  }

  /** Cookie and CSRF headers of this client, for requests made without supertest (raw uploads). */
  async authHeaders(): Promise<Record<string, string>> {
    if (!this.cookies.has('XSRF-TOKEN')) await this.get('/api/auth/csrf');
    return {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-xsrf-token': decodeURIComponent(this.cookies.get('XSRF-TOKEN') ?? ''),
    };
  }

  /** Fetches the CSRF cookie first when there is none yet. */
  async send(method: Method, path: string, body?: unknown, options: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    if (method !== 'get' && options.csrf !== false && !this.cookies.has('XSRF-TOKEN')) {
      await this.get('/api/auth/csrf');
    }
    let req = request(this.server)[method](path);
    for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
    if (this.cookies.size > 0) {
      req = req.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (method !== 'get' && xsrf && options.csrf !== false) req = req.set('X-XSRF-TOKEN', decodeURIComponent(xsrf));
    const response = body === undefined ? await req : await req.send(body as object);
    this.remember(response.headers['set-cookie']);
    return response;
  }

  private remember(header: string | string[] | undefined): void {
    for (const line of Array.isArray(header) ? header : header ? [header] : []) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
