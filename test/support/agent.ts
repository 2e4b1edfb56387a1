import type { TestContext } from './test-app';
import { TEST_ORIGIN } from './test-app';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser stand-in: keeps its cookies, sends Origin like a browser, speaks JSON. */
export class Agent {
  cookies = new Map<string, string>();

  constructor(
    private readonly ctx: TestContext,
    private readonly ip = '203.0.113.10',
  ) {}

  get sessionToken(): string | undefined {
    return this.cookies.get('docket_session');
  }

  async request<T = any>(
    method: string,
    path: string,
    options: { json?: unknown; body?: string; headers?: Record<string, string>; origin?: string | null } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = {
      'x-forwarded-for': this.ip,
      'user-agent': 'docket-test',
      ...options.headers,
    };
    if (options.origin !== null) headers.origin = options.origin ?? TEST_ORIGIN;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.ctx.app.request(path, { method, headers, body });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (!name) continue;
      const value = rest.join('=');
      if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, json?: unknown) => this.request<T>('POST', path, json === undefined ? {} : { json });
  patch = <T = any>(path: string, json: unknown) => this.request<T>('PATCH', path, { json });
  put = <T = any>(path: string, json: unknown) => this.request<T>('PUT', path, { json });
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}
