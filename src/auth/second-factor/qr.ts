import { toString } from 'qrcode';

/**
 * The enrolment QR code (process.md §7: TOTP enrolment at the next sign-in) as an SVG document,
 * for the web page to show as `<img src="data:image/svg+xml;...">`. Error correction M (15 %)
 * and the standard four-module quiet zone, which phone cameras read reliably.
 */
export function qrCodeSvg(text: string): Promise<string> {
  return toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
