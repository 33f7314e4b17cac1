import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError, FieldProblem } from '../common/errors/domain-error';
import { EvidenceStore } from './evidence-store';
import { SNIFF_BYTES } from './media-type';
import { TextScan } from './text-scan';

export const FILE_FIELD = 'file';

/** The file part, written to a temp file while its hash, size and first bytes were taken. */
export interface ReceivedFile {
  tempPath: string;
  /** As the client named it (busboy has already dropped any directory part). */
  filename: string;
  /** The part's Content-Type (RFC 7578: text/plain when the part has none). */
  declaredType: string;
  sha256: string;
  size: number;
  /** The first SNIFF_BYTES bytes, for the sniffer. */
  head: Buffer;
  text: { utf8: boolean; nul: boolean };
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: ReceivedFile | null;
  /** Field-level problems found while reading (unknown file parts, repeated or over-long fields). */
  problems: FieldProblem[];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Reads a multipart upload as a stream: the file goes to a temp file chunk by chunk (memory
 * does not grow with its size) while its SHA-256 and size are computed; the text fields are
 * collected. Over `maxBytes` → 413 with the temp file removed. On any failure no temp file
 * is left; on success the caller owns `file.tempPath` and must remove it.
 */
export async function receiveUpload(request: FastifyRequest, store: EvidenceStore, maxBytes: number): Promise<ReceivedUpload> {
  if (typeof request.isMultipart !== 'function' || !request.isMultipart()) {
    throw new DomainError('unsupported_media_type', 'unsupported_media_type', `Send the evidence as multipart/form-data with a "${FILE_FIELD}" part.`);
  }
  const fields: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  let file: ReceivedFile | null = null;
  let tooLarge = false;
  let tempPath: string | null = null;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 20, parts: 30, fieldSize: 64 * 1024, fieldNameSize: 100, headerPairs: 100 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== FILE_FIELD) {
          problems.push({ field: part.fieldname, message: `${part.fieldname} is not an accepted field` });
          part.file.resume();
          continue;
        }
        tempPath = await store.tempPath();
        const written = await writeTemp(part, tempPath);
        if (part.file.truncated || written.size > maxBytes) {
          tooLarge = true;
          await store.discard(tempPath);
          tempPath = null;
          continue;
        }
        await store.sync(tempPath);
        file = { tempPath, filename: part.filename ?? '', declaredType: part.mimetype ?? '', ...written };
      } else {
        const problem = addField(fields, part);
        if (problem) problems.push(problem);
      }
    }
  } catch (error) {
    if (tempPath) await store.discard(tempPath);
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLargeError(maxBytes);
    throw multipartError(error) ?? error;
  }
  if (tooLarge) throw tooLargeError(maxBytes);
  return { fields, file, problems };
}

async function writeTemp(part: MultipartFile, path: string): Promise<Omit<ReceivedFile, 'tempPath' | 'filename' | 'declaredType'>> {
  const hash = createHash('sha256');
  const text = new TextScan();
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      text.push(chunk);
      if (headLength < SNIFF_BYTES) {
        const piece = Buffer.from(chunk.subarray(0, SNIFF_BYTES - headLength));
        head.push(piece);
        headLength += piece.length;
      }
      done(null, chunk);
    },
  });
  await pipeline(part.file, tap, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  return { sha256: hash.digest('hex'), size, head: Buffer.concat(head), text: text.finish() };
}

function addField(fields: Record<string, string>, part: MultipartValue): FieldProblem | null {
  const name = part.fieldname;
  if (part.fieldnameTruncated) return { field: name.slice(0, 100), message: 'field name is too long' };
  if (part.valueTruncated) return { field: name, message: `${name} is too long` };
  if (typeof part.value !== 'string') return { field: name, message: `${name} must be a plain text field` };
  if (Object.prototype.hasOwnProperty.call(fields, name)) return { field: name, message: `${name} was given more than once` };
  if (part.value.includes('\0') || LONE_SURROGATE.test(part.value)) return { field: name, message: `${name} contains a NUL character or broken Unicode` };
  fields[name] = part.value;
  return null;
}

function tooLargeError(maxBytes: number): DomainError {
  return new DomainError('payload_too_large', 'payload_too_large', `The file is larger than the limit of ${maxBytes} bytes.`);
}

/** Parser failures are the client's (400), never a 500. */
function multipartError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'FST_FILES_LIMIT') return DomainError.invalidField(FILE_FIELD, `send exactly one ${FILE_FIELD} part`);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return DomainError.badRequest('validation_failed', 'The form has too many parts.');
  if (code?.startsWith('FST_') || /multipart|boundary|needle|terminated early/i.test(message ?? '')) {
    return DomainError.badRequest('malformed_multipart', 'The multipart body could not be read.');
  }
  return null;
}
