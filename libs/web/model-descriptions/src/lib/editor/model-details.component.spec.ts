import { LIMITS } from '@kehittamo/shared/domain';
import { parseTags } from './model-details.component';

describe('keywords typed as one line', () => {
  it('splits at commas, trims, and drops empty and repeated ones (case-insensitively)', () => {
    expect(parseTags(' perhetyö, nuoret ,, Perhetyö,  ')).toEqual(['perhetyö', 'nuoret']);
  });

  it('caps the length of each keyword and their number', () => {
    const long = 'x'.repeat(LIMITS.tagMax + 10);
    expect(parseTags(long)).toEqual(['x'.repeat(LIMITS.tagMax)]);
    const many = Array.from({ length: LIMITS.tagsMax + 5 }, (_, i) => `tag${i}`).join(',');
    expect(parseTags(many)).toHaveLength(LIMITS.tagsMax);
  });
});
