import { ApiSession } from '@kehittamo/server/testing';

/**
 * The current password of a demo account. password-reset-link.e2e-spec.ts gives the demo
 * facilitator a new password, and files run in no fixed order, so a file that only logs in
 * finds out which one is current instead of assuming.
 */
export async function currentPassword(baseUrl: string, email: string): Promise<string> {
  for (const password of ['kehittamo-demo', 'uusi-salasana-2468']) {
    try {
      await ApiSession.login(baseUrl, email, password);
      return password;
    } catch {
      // try the next one
    }
  }
  throw new Error(`Cannot log in as ${email}`);
}
