import { asciiFilename, attachmentDisposition, MAX_FILENAME_LENGTH, safeFilename } from './safe-filename';

describe('download file names (issue 3: "Content-Disposition: attachment with a safe filename")', () => {
  describe('safeFilename', () => {
    it.each([
      ['screenshot.png', 'screenshot.png'],
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\system32\\evil.dll', 'evil.dll'],
      ['/var/lib/smp/evidence/ab/abcdef', 'abcdef'],
      ['..', 'evidence'],
      ['.', 'evidence'],
      ['...', 'evidence'],
      ['.hidden', 'hidden'],
      ['report..pdf', 'report.pdf'],
      ['name.   ', 'name'],
      ['a\r\nSet-Cookie: x=1.png', 'a Set-Cookie x=1.png'],
      ['say "hello".txt', 'say hello .txt'],
      ['tab\there\u0000nul\u0007bell.txt', 'tab here nul bell.txt'],
      ['c1\u0085control.txt', 'c1 control.txt'],
      ['what?<>|*.txt', 'what .txt'],
      ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
      ['zero\u200Bwidth.txt', 'zerowidth.txt'],
      ['', 'evidence'],
      ['   ', 'evidence'],
      ['Capture d’écran 2026-11-20 à 18.30.png', 'Capture d’écran 2026-11-20 à 18.30.png'],
      ['截图.png', '截图.png'],
    ])('%j → %j', (original, expected) => {
      expect(safeFilename(original)).toBe(expected);
    });

    it('null or undefined → the fallback', () => {
      expect(safeFilename(null)).toBe('evidence');
      expect(safeFilename(undefined, 'item')).toBe('item');
    });

    it('decomposed Unicode is composed (NFC)', () => {
      expect(safeFilename('e\u0301cran.png')).toBe('\u00e9cran.png');
    });

    it('a lone surrogate is dropped (it cannot be encoded)', () => {
      expect(safeFilename('bad\uD800name.txt')).toBe('badname.txt');
    });

    it(`caps long names at ${MAX_FILENAME_LENGTH} characters, keeping the extension`, () => {
      const long = `${'日本語のスクリーンショット'.repeat(30)}.png`;
      const safe = safeFilename(long);
      expect([...safe].length).toBe(MAX_FILENAME_LENGTH);
      expect(safe.endsWith('.png')).toBe(true);
      expect(safe.startsWith('日本語')).toBe(true);
    });

    it('counts characters, not UTF-16 units: astral characters are never split', () => {
      const safe = safeFilename('😀'.repeat(300));
      expect([...safe].length).toBe(MAX_FILENAME_LENGTH);
      expect(safe).toBe('😀'.repeat(MAX_FILENAME_LENGTH));
    });

    it('a long "extension" is not kept whole', () => {
      const safe = safeFilename(`a.${'x'.repeat(300)}`);
      expect([...safe].length).toBe(MAX_FILENAME_LENGTH);
    });
  });

  describe('asciiFilename', () => {
    it('drops accents and replaces other non-ASCII, %, \\ and quotes', () => {
      expect(asciiFilename('écran 100%.png')).toBe('ecran 100_.png');
      expect(asciiFilename('截图.png')).toBe('_.png');
      expect(asciiFilename('a\\b"c')).toBe('a_b_c');
    });
    it('never empty', () => {
      expect(asciiFilename('截图')).toBe('evidence');
      expect(asciiFilename('')).toBe('evidence');
    });
  });

  describe('attachmentDisposition', () => {
    it('attachment with an ASCII filename and an RFC 8187 filename*', () => {
      expect(attachmentDisposition('écran (1).png')).toBe(`attachment; filename="ecran (1).png"; filename*=UTF-8''%C3%A9cran%20%281%29.png`);
    });

    it.each([
      '../../etc/passwd',
      'a\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>.html',
      '"; filename="evil.exe',
      `${'ü'.repeat(500)}.pdf`,
      'bad\uD800name\u202E.txt',
      '',
    ])('is a single safe header line for %j', (original) => {
      const header = attachmentDisposition(original);
      expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/);
      expect(header).not.toMatch(/[\r\n\u0000]/);
      expect(header.match(/"/g)).toHaveLength(2);
      expect(header).not.toContain('/');
      expect(header.length).toBeLessThan(1500);
    });
  });
});
