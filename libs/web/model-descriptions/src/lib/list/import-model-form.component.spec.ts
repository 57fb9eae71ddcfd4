import { emptyModelContent } from '@kehittamo/shared/domain';
import { isModelExport } from './import-model-form.component';

describe('recognising a Kehittämö JSON export before sending it', () => {
  it('accepts an export and refuses anything else', () => {
    const good = { format: 'kehittamo.model-description', formatVersion: 1, name: 'Malli', content: emptyModelContent() };
    expect(isModelExport(good)).toBe(true);
    expect(isModelExport({ ...good, format: 'something-else' })).toBe(false);
    expect(isModelExport({ ...good, content: null })).toBe(false);
    expect(isModelExport([])).toBe(false);
    expect(isModelExport(null)).toBe(false);
  });
});
