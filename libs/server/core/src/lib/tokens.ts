import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for links and sessions: 256 bits, URL-safe. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of secrets are stored, so a database leak gives no working links or sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The injection token for the validated {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');
