import { decideMediaType, DOC, DOCX, EMAIL, normaliseMediaType, PDF, PNG, PPT, PPTX, sniffMediaType, SNIFF_BYTES, TEXT, XLS, XLSX } from './media-type';

import { bytes, deflated, GIF_HEAD, JPEG_HEAD, ole2With, OLE2, PDF_HEAD, PNG_HEAD, text, WEBP_HEAD, zip, zipEntry } from '../../test/support/file-samples';

const ooxml = (folder: string) =>
  zip(zipEntry('[Content_Types].xml', deflated), zipEntry('_rels/.rels', deflated), zipEntry(`${folder}/document.xml`, deflated));

const EML =
  'Return-Path: <parent@example.com>\r\nReceived: from mx.example.com\r\n\tby mail.school.example; Mon, 23 Nov 2026 09:30:00 +0000\r\nFrom: A Parent <parent@example.com>\r\nTo: deputy@demo.school\r\nSubject: Post about Mr Teacher\r\nDate: Mon, 23 Nov 2026 09:29:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease see the attached screenshot.\r\n';

describe('evidence media types (domain.md "Evidence": sniffed media type; §4, §9)', () => {
  describe('sniffMediaType: the allow-list, recognised from the content', () => {
    it.each([
      ['PNG', PNG_HEAD, PNG],
      ['JPEG', JPEG_HEAD, 'image/jpeg'],
      ['GIF', GIF_HEAD, 'image/gif'],
      ['GIF87a', Buffer.concat([text('GIF87a'), bytes(1, 0, 1, 0)]), 'image/gif'],
      ['WebP', WEBP_HEAD, 'image/webp'],
      ['PDF', PDF_HEAD, PDF],
      ['a .docx (ZIP with word/)', ooxml('word'), DOCX],
      ['a .xlsx (ZIP with xl/)', ooxml('xl'), XLSX],
      ['a .pptx (ZIP with ppt/)', ooxml('ppt'), PPTX],
      [
        'an OpenDocument text (ZIP, stored mimetype entry first)',
        zip(zipEntry('mimetype', text('application/vnd.oasis.opendocument.text'), 0), zipEntry('content.xml', deflated)),
        'application/vnd.oasis.opendocument.text',
      ],
      ['a legacy Word file (OLE2 with WordDocument)', ole2With('WordDocument'), DOC],
      ['a legacy Excel file (OLE2 with Workbook)', ole2With('Workbook'), XLS],
      ['a legacy PowerPoint file (OLE2 with PowerPoint Document)', ole2With('PowerPoint Document'), PPT],
      ['an e-mail (.eml)', text(EML), EMAIL],
      ['plain UTF-8 text', text('Screenshot transcript: «Mr Teacher is a disgrace» — posted 20 Nov, 18:30 ✓\n'), TEXT],
      ['CSV (text)', text('name,date\nA Parent,2026-11-20\n'), TEXT],
      ['text with a UTF-8 BOM', Buffer.concat([bytes(0xef, 0xbb, 0xbf), text('hello')]), TEXT],
    ])('%s', (_label, head, mediaType) => {
      expect(sniffMediaType(head)?.mediaType).toBe(mediaType);
    });

    it.each([
      ['an ELF executable', Buffer.concat([bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), Buffer.alloc(56)])],
      ['a Windows executable (MZ)', Buffer.concat([text('MZ'), bytes(0x90, 0, 3, 0, 0, 0, 4, 0)])],
      ['a Mach-O binary', bytes(0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1)],
      ['bytes that are not UTF-8', bytes(0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0x41)],
      ['text with a NUL byte', text('hello\u0000world')],
      ['UTF-16 text (NUL bytes)', Buffer.from('\ufeffhello', 'utf16le')],
      ['a plain ZIP archive', zip(zipEntry('payload.exe', deflated))],
      ['a ZIP whose mimetype entry is not OpenDocument', zip(zipEntry('mimetype', text('application/epub+zip'), 0))],
      ['a WebP header cut short', Buffer.concat([text('RIFF'), bytes(0x24, 0, 0, 0)])],
      ['a RIFF that is not WebP (WAV)', Buffer.concat([text('RIFF'), bytes(0x24, 0, 0, 0), text('WAVEfmt ')])],
      ['a PNG signature cut short', bytes(0x89, 0x50, 0x4e, 0x47)],
    ])('%s → not accepted (null)', (_label, head) => {
      expect(sniffMediaType(head)).toBeNull();
    });

    it('text: a multi-byte character cut off at the end of the head is allowed (the whole stream is checked later)', () => {
      const cut = text('é'.repeat(10)).subarray(0, 19);
      expect(sniffMediaType(cut)).toEqual({ mediaType: TEXT, accepts: [TEXT, 'text/csv'], requires: 'utf8' });
    });

    it('text requires the whole content to be UTF-8 without NUL; e-mail only without NUL (8-bit bodies)', () => {
      expect(sniffMediaType(text('hello'))?.requires).toBe('utf8');
      expect(sniffMediaType(text(EML))?.requires).toBe('no_nul');
      expect(sniffMediaType(PNG_HEAD)?.requires).toBeUndefined();
    });

    it('e-mail: the text must open with header lines, including a known one', () => {
      expect(sniffMediaType(text('Hello: there\r\nGeneral: Kenobi\r\n\r\nbody'))?.mediaType).toBe(TEXT);
      expect(sniffMediaType(text('From: a@example.com\r\n\r\nbody'))?.mediaType).toBe(TEXT); // a single line is not enough
      expect(sniffMediaType(text('Dear head,\r\nFrom: me\r\nTo: you\r\n'))?.mediaType).toBe(TEXT);
      expect(sniffMediaType(text('From: a@example.com\nSubject: LF line endings\n\nbody'))?.mediaType).toBe(EMAIL);
    });

    it('legacy Office without its stream name in the head: any of the three, the declared type decides', () => {
      expect(sniffMediaType(Buffer.concat([OLE2, Buffer.alloc(504)]))).toEqual({ mediaType: null, accepts: [DOC, XLS, PPT] });
    });

    it('looks at no more than the head it is given', () => {
      expect(SNIFF_BYTES).toBe(64 * 1024);
      expect(sniffMediaType(Buffer.alloc(0))).toEqual(expect.objectContaining({ mediaType: TEXT }));
    });
  });

  describe('normaliseMediaType', () => {
    it.each([
      ['IMAGE/PNG', PNG],
      ['image/png; name="x.png"', PNG],
      ['  application/pdf ; charset=binary', PDF],
      ['image/jpg', 'image/jpeg'],
      ['image/pjpeg', 'image/jpeg'],
      ['application/x-pdf', PDF],
      ['application/csv', 'text/csv'],
      ['text/html', 'text/html'],
    ])('%s → %s', (declared, expected) => {
      expect(normaliseMediaType(declared)).toBe(expected);
    });

    it.each([undefined, null, '', 'application/octet-stream', 'Application/Octet-Stream; x=y', 'binary/octet-stream'])(
      '%p counts as undeclared',
      (declared) => {
        expect(normaliseMediaType(declared)).toBeNull();
      },
    );
  });

  describe('decideMediaType: declared and sniffed must agree (else 415)', () => {
    const png = sniffMediaType(PNG_HEAD);
    const plain = sniffMediaType(text('a,b\n1,2\n'));

    it('undeclared: the sniffed type', () => {
      expect(decideMediaType(png, 'application/octet-stream')).toEqual({ ok: true, mediaType: PNG });
      expect(decideMediaType(png, undefined)).toEqual({ ok: true, mediaType: PNG });
    });

    it('declared and matching (aliases and parameters normalised)', () => {
      expect(decideMediaType(png, 'Image/PNG')).toEqual({ ok: true, mediaType: PNG });
      expect(decideMediaType(sniffMediaType(JPEG_HEAD), 'image/jpg')).toEqual({ ok: true, mediaType: 'image/jpeg' });
    });

    it('a declared type the content does not have: media_type_mismatch naming both', () => {
      const decision = decideMediaType(png, 'application/pdf');
      expect(decision).toEqual({ ok: false, code: 'media_type_mismatch', detail: expect.stringContaining('application/pdf') });
      expect(decision.ok || decision.detail).toContain(PNG);
      expect(decideMediaType(plain, 'text/html')).toEqual(expect.objectContaining({ ok: false, code: 'media_type_mismatch' }));
      expect(decideMediaType(sniffMediaType(ole2With('WordDocument')), XLS)).toEqual(expect.objectContaining({ ok: false, code: 'media_type_mismatch' }));
    });

    it('text may be declared text/csv; an e-mail may be declared text/plain', () => {
      expect(decideMediaType(plain, 'text/csv; charset=utf-8')).toEqual({ ok: true, mediaType: 'text/csv' });
      expect(decideMediaType(plain, 'text/plain')).toEqual({ ok: true, mediaType: TEXT });
      expect(decideMediaType(sniffMediaType(text(EML)), 'text/plain')).toEqual({ ok: true, mediaType: TEXT });
      expect(decideMediaType(sniffMediaType(text(EML)), undefined)).toEqual({ ok: true, mediaType: EMAIL });
    });

    it('legacy Office: the declared Office type is taken; undeclared is refused', () => {
      const ole = sniffMediaType(Buffer.concat([OLE2, Buffer.alloc(504)]));
      expect(decideMediaType(ole, 'application/msword')).toEqual({ ok: true, mediaType: DOC });
      expect(decideMediaType(ole, 'application/vnd.ms-powerpoint')).toEqual({ ok: true, mediaType: PPT });
      expect(decideMediaType(ole, 'application/octet-stream')).toEqual(expect.objectContaining({ ok: false, code: 'unsupported_media_type' }));
      expect(decideMediaType(ole, 'application/zip')).toEqual(expect.objectContaining({ ok: false, code: 'media_type_mismatch' }));
    });

    it('content off the allow-list: unsupported_media_type, whatever was declared', () => {
      expect(decideMediaType(null, 'image/png')).toEqual(expect.objectContaining({ ok: false, code: 'unsupported_media_type' }));
      expect(decideMediaType(null, undefined)).toEqual(expect.objectContaining({ ok: false, code: 'unsupported_media_type' }));
    });
  });
});
