import jsQR from 'jsqr';
import { qrCodeSvg } from './qr';

/**
 * Rasterises the SVG qrcode writes (one <path> of horizontal runs, `M x y.5 h n m dx dy ...`, with
 * a white background) at `scale` pixels a module, as RGBA for jsQR.
 */
function rasterise(svg: string, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const dark = /<path stroke="#000000" d="([^"]+)"/.exec(svg)![1];
  const on = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of dark.matchAll(/([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b)];
    else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      const length = command === 'h' ? Number(a) : Number(a) - x;
      for (let i = 0; i < length; i++) on[Math.floor(y)][x + i] = true;
      x += length;
    }
  }
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      if (on[Math.floor(py / scale)][Math.floor(px / scale)]) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return { data, width, height: width };
}

describe('qrCodeSvg', () => {
  const uri = 'otpauth://totp/Social%20media%20casework:h.head%40school.example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ&issuer=Social%20media%20casework';

  it('is one well-formed SVG document with a path', async () => {
    const svg = await qrCodeSvg(uri);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"[^>]*>.*<\/svg>\s*$/s);
    expect(svg).toMatch(/<path [^>]*d="M[^"]+"\s*\/>/);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  it('encodes the text: a QR reader gets it back', async () => {
    const { data, width, height } = rasterise(await qrCodeSvg(uri));
    expect(jsQR(data, width, height)?.data).toBe(uri);
  });

  it('gives different SVGs for different texts', async () => {
    const other = uri.replace('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ', 'KRUGS4ZANFZSAYLON52GQZLSEBZWKY3S');
    const [a, b] = await Promise.all([qrCodeSvg(uri), qrCodeSvg(other)]);
    expect(a).not.toBe(b);
    const { data, width, height } = rasterise(b);
    expect(jsQR(data, width, height)?.data).toBe(other);
  });
});
