import { collabDocName, parseCollabDocName } from './doc-name';

describe('collab document names', () => {
  const id = '3f0c2a51-8c1e-4b7a-9d2f-0a1b2c3d4e5f';

  it('round-trips kind and id', () => {
    expect(parseCollabDocName(collabDocName('board', id))).toEqual({ kind: 'board', id });
    expect(parseCollabDocName(`model.${id}`)).toEqual({ kind: 'model', id });
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'board', `board.${id}.x`, `boards.${id}`, `board.${id.toUpperCase()}`, `board.../../etc`, `model.${id}x`]) {
      expect(parseCollabDocName(bad), bad).toBeNull();
    }
    expect(() => collabDocName('board', 'nope')).toThrow();
  });
});
