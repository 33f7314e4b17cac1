import { formatDateTime, formatSize, humanise, toWinAnsi } from './pdf-text';

describe('PDF text helpers', () => {
  describe('toWinAnsi (the standard PDF fonts draw Windows-1252 only)', () => {
    it('keeps ASCII, Latin-1 (§, £, é, ß) and the Windows-1252 extras (’ “ ” – — € …)', () => {
      const text = 'Zoë Brontë paid £5 — “§7.5” isn’t… € ß Œ';
      expect(toWinAnsi(text)).toBe(text);
    });

    it('keeps line breaks, normalising CR LF and CR to LF; other controls become spaces', () => {
      expect(toWinAnsi('one\r\ntwo\rthree\nfour\tfive\u0000six')).toBe('one\ntwo\nthree\nfour five six');
    });

    it('drops accents Windows-1252 lacks (ő, ą, ș) and transliterates what Unicode does not decompose (Ł)', () => {
      expect(toWinAnsi('Łukasz Wałęsa, Erdős, Ștefan')).toBe('Lukasz Walesa, Erdos, Stefan');
    });

    it('combining marks are composed first (e + U+0301 is é)', () => {
      expect(toWinAnsi('Re\u0301my')).toBe('Rémy');
    });

    it('anything else is a question mark, one per character (not per UTF-16 unit)', () => {
      expect(toWinAnsi('王 ≠ 😀 ½')).toBe('? ? ? ½');
    });
  });

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
