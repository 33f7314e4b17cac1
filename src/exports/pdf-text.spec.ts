import { formatDateTime, formatSize, humanise } from './pdf-text';

describe('PDF text helpers', () => {
  it('humanise', () => {
    expect(humanise('final_written_warning')).toBe('Final written warning');
    expect(humanise('upheld')).toBe('Upheld');
    expect(humanise(null)).toBe('—');
  });

  it('formatDateTime: day, month, year, time in UTC', () => {
    expect(formatDateTime('2026-11-28T09:05:00.000Z')).toBe('28 Nov 2026, 09:05 UTC');
    expect(formatDateTime(null)).toBe('—');
  });

  it('formatSize', () => {
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(2048)).toBe('2.0 KiB');
    expect(formatSize(3.4 * 1024 * 1024)).toBe('3.4 MiB');
  });
});
