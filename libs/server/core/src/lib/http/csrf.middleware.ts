import type { NextFunction, Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiError } from '@kehittamo/shared/domain';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  /** Origins allowed to send state-changing requests. */
  allowedOrigins: string[];
  secureCookies: boolean;
  /**
   * Entry points used before a session exists (login, reset, accepting an invitation).
   * They skip the token check but still refuse a foreign `Origin`.
   */
  exemptPaths: string[];
}

function equalTokens(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function refuse(res: Response, message: string): void {
  const body: ApiError = { statusCode: 403, code: 'csrf_invalid', message };
  res.status(403).json(body);
}

/**
 * Angular's CSRF convention: the server sets a readable `XSRF-TOKEN` cookie and every
 * state-changing request echoes it in `X-XSRF-TOKEN` (double submit). A request from
 * another origin is refused outright, whatever it carries.
 */
export function csrfMiddleware(options: CsrfOptions) {
  const allowed = new Set(options.allowedOrigins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const carriedToken: string | undefined = req.cookies?.[XSRF_COOKIE];
    if (!carriedToken) {
      const cookieToken = randomBytes(32).toString('base64url');
      res.cookie(XSRF_COOKIE, cookieToken, {
        httpOnly: false,
        sameSite: 'strict',
        secure: options.secureCookies,
        path: '/',
      });
      req.cookies = { ...(req.cookies ?? {}), [XSRF_COOKIE]: cookieToken };
    }
    if (SAFE_METHODS.has(req.method)) return next();

    const origin = req.headers.origin;
    // `null` comes from sandboxed frames and opaque redirects: never a page of ours.
    if (origin && !allowed.has(origin)) {
      return refuse(res, `Origin ${origin} is not allowed`);
    }
    if (options.exemptPaths.includes(req.path)) return next();

    const headerToken = req.headers[XSRF_HEADER];
    const sent = Array.isArray(headerToken) ? headerToken[0] : headerToken;
    if (!sent || !carriedToken || !equalTokens(sent, carriedToken)) {
      return refuse(res, 'Missing or invalid CSRF token: echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header');
    }
    next();
  };
}
