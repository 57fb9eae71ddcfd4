/** Where to go after login when there is no (acceptable) return URL. */
export const HOME_URL = '/spaces';

/**
 * Only same-site paths are followed after login, so a crafted
 * `/login?returnUrl=https://evil.example` (or `//evil.example`) cannot send the user away.
 */
export function safeReturnUrl(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return HOME_URL;
  }
  if (candidate.startsWith('/login')) return HOME_URL;
  return candidate;
}
