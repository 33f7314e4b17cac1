import { meetsTextRequirement, TextScan } from './text-scan';

const scan = (...chunks: Buffer[]) => {
  const s = new TextScan();
  for (const chunk of chunks) s.push(chunk);
  return s.finish();
};

describe('TextScan: every byte of a "text" upload is text (domain.md "Evidence": sniffed media type)', () => {
  it('valid UTF-8, a character split across chunks', () => {
    const bytes = Buffer.from('caf\u00e9 — ✓ 😀', 'utf8');
    expect(scan(bytes.subarray(0, 4), bytes.subarray(4, 9), bytes.subarray(9))).toEqual({ utf8: true, nul: false });
  });

  it('an invalid byte in a later chunk (beyond what the sniffer saw)', () => {
    expect(scan(Buffer.from('plain text '), Buffer.from([0xff, 0x41]))).toEqual({ utf8: false, nul: false });
  });

  it('a character cut off at the very end', () => {
    expect(scan(Buffer.from('ok'), Buffer.from([0xe2, 0x9c]))).toEqual({ utf8: false, nul: false });
  });

  it('a NUL byte anywhere', () => {
    expect(scan(Buffer.from('text'), Buffer.from([0x41, 0x00, 0x42]))).toEqual({ utf8: true, nul: true });
  });

  it('nothing at all is (empty) text', () => {
    expect(scan()).toEqual({ utf8: true, nul: false });
  });

  it('meetsTextRequirement', () => {
    expect(meetsTextRequirement('utf8', { utf8: true, nul: false })).toBe(true);
    expect(meetsTextRequirement('utf8', { utf8: true, nul: true })).toBe(false);
    expect(meetsTextRequirement('utf8', { utf8: false, nul: false })).toBe(false);
    expect(meetsTextRequirement('no_nul', { utf8: false, nul: false })).toBe(true);
    expect(meetsTextRequirement('no_nul', { utf8: true, nul: true })).toBe(false);
    expect(meetsTextRequirement(undefined, { utf8: false, nul: true })).toBe(true);
  });
});
