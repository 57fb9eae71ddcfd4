import * as Y from 'yjs';
import { UpdateValidator } from './update-validator';

const realUpdate = () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'kokemusasiantuntijan kommentti '.repeat(2000));
  return Y.encodeStateAsUpdate(doc);
};

describe('UpdateValidator (decoding on a worker thread)', () => {
  let validator: UpdateValidator;
  afterEach(() => validator.close());

  it('accepts an update that decodes and refuses one that does not, with the reason', async () => {
    validator = new UpdateValidator();
    expect(await validator.validate(realUpdate())).toBeNull();
    expect(await validator.validate(new Uint8Array(40 * 1024).fill(255))).toMatch(/range/i);
  });

  it('answers queued updates in order', async () => {
    validator = new UpdateValidator();
    const answers = await Promise.all([realUpdate(), Uint8Array.of(5, 255, 255), realUpdate()].map((u) => validator.validate(u)));
    expect(answers[0]).toBeNull();
    expect(answers[1]).toEqual(expect.any(String));
    expect(answers[2]).toBeNull();
  });

  it('refuses an update whose decoding outlasts the time limit and goes on with a new worker', async () => {
    validator = new UpdateValidator(0);
    expect(await validator.validate(realUpdate())).toBe('update took too long to decode');
    // The late answer of the replaced worker must not be taken for the next update's.
    (validator as unknown as { timeoutMs: number }).timeoutMs = 5000;
    expect(await validator.validate(new Uint8Array(40 * 1024).fill(255))).toMatch(/range/i);
    expect(await validator.validate(realUpdate())).toBeNull();
  });
});
