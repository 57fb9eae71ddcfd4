import { quarterDates } from './quarters';

describe('quarterDates', () => {
  it('gives the first and last day of each quarter', () => {
    expect(quarterDates('2024-Q3')).toEqual({ startsOn: '2024-07-01', endsOn: '2024-09-30' });
    expect(quarterDates('2025-Q1')).toEqual({ startsOn: '2025-01-01', endsOn: '2025-03-31' });
    expect(quarterDates('2024-Q1')).toEqual({ startsOn: '2024-01-01', endsOn: '2024-03-31' });
    expect(quarterDates('2026-Q4')).toEqual({ startsOn: '2026-10-01', endsOn: '2026-12-31' });
  });
});
