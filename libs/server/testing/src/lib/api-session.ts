/** A fetch-based client for a running server: cookies, CSRF echo, JSON (end-to-end tests and benchmarks). */
export class ApiSession {
  private cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  static async login(baseUrl: string, email: string, password = 'kehittamo-demo'): Promise<ApiSession> {
    const session = new ApiSession(baseUrl);
    const res = await session.request('POST', '/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
    return session;
  }

  /** A JSON body, or a FormData body sent as multipart (uploads). */
  async request(method: string, path: string, body?: unknown): Promise<Response> {
    if (method !== 'GET' && !this.cookies.has('XSRF-TOKEN')) await this.request('GET', '/api/auth/csrf');
    const multipart = body instanceof FormData;
    const headers: Record<string, string> = multipart ? {} : { 'content-type': 'application/json' };
    if (this.cookies.size) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf && method !== 'GET') headers['x-xsrf-token'] = decodeURIComponent(xsrf);
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : multipart ? body : JSON.stringify(body) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return res;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}
