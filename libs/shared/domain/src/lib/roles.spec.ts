import { accessAllows, defaultSpaceAccess, strongerAccess } from './roles';

describe('space access', () => {
  it('ranks edit above comment above view', () => {
    expect(accessAllows('edit', 'comment')).toBe(true);
    expect(accessAllows('comment', 'edit')).toBe(false);
    expect(accessAllows('view', 'view')).toBe(true);
    expect(accessAllows(null, 'view')).toBe(false);
  });

  it('keeps the stronger of two grants', () => {
    expect(strongerAccess('view', 'edit')).toBe('edit');
    expect(strongerAccess(null, 'comment')).toBe('comment');
    expect(strongerAccess('comment', null)).toBe('comment');
  });

  it('gives observers read-only and experts comment rights by default', () => {
    expect(defaultSpaceAccess('observer')).toBe('view');
    expect(defaultSpaceAccess('expert')).toBe('comment');
    expect(defaultSpaceAccess('developer')).toBe('edit');
  });
});
