/**
 * The first bytes of files of each kind the evidence upload recognises (src/evidence/media-type.ts):
 * what its sniffer reads, for the unit tests of the sniffer and the contract test of what is served.
 */
export const bytes = (...values: number[]): Buffer => Buffer.from(values);
export const text = (value: string): Buffer => Buffer.from(value, 'utf8');

export const PNG_HEAD = Buffer.concat([
  bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  bytes(0, 0, 0, 13),
  text('IHDR'),
  bytes(0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0),
]);
export const JPEG_HEAD = Buffer.concat([bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10), text('JFIF'), bytes(0)]);
export const GIF_HEAD = Buffer.concat([text('GIF89a'), bytes(1, 0, 1, 0, 0x80, 0, 0)]);
export const WEBP_HEAD = Buffer.concat([text('RIFF'), bytes(0x24, 0, 0, 0), text('WEBPVP8 '), bytes(0x18, 0, 0, 0)]);
export const PDF_HEAD = text('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
export const OLE2 = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

/** A ZIP local file header and its data (what the sniffer reads of OOXML and OpenDocument). */
export function zipEntry(name: string, data: Buffer, method = 8): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), data]);
}
export const zip = (...entries: Buffer[]): Buffer => Buffer.concat(entries);
export const deflated = bytes(0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01);
/** An OLE2 compound file naming `stream` (Word, Excel, PowerPoint 97–2003). */
export const ole2With = (stream: string): Buffer =>
  Buffer.concat([OLE2, Buffer.alloc(504), Buffer.alloc(64), Buffer.from(stream, 'utf16le'), Buffer.alloc(64)]);
/** An OpenDocument file: its stored mimetype entry first. */
export const openDocument = (mediaType: string): Buffer => zip(zipEntry('mimetype', text(mediaType), 0), zipEntry('content.xml', deflated));
