import { HOME_URL, safeReturnUrl } from './safe-return-url';

describe('safeReturnUrl', () => {
  it('follows a same-site path with its query', () => {
    expect(safeReturnUrl('/spaces/42?tab=members')).toBe('/spaces/42?tab=members');
  });

  it('refuses addresses that would leave the site', () => {
    for (const url of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(safeReturnUrl(url)).toBe(HOME_URL);
    }
  });

  it('goes home instead of looping back to the login page', () => {
    expect(safeReturnUrl('/login?returnUrl=%2Fspaces')).toBe(HOME_URL);
    expect(safeReturnUrl(undefined)).toBe(HOME_URL);
  });
});
