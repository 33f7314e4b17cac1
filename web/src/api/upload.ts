import { session } from '../auth/session';
import { problemOf, type Problem } from './problem';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export type UploadResult<T> = { data: T; error?: never; status: number } | { data?: never; error: Problem; status: number };

/**
 * POSTs a multipart form with upload progress (fetch cannot report it: XMLHttpRequest can), with
 * the access token from memory. For evidence: upload(`/cases/${id}/evidence`, form, onProgress)
 * → the API's answer, typed by the caller (components['schemas']['EvidenceResponse']).
 */
export async function upload<T>(path: string, form: FormData, onProgress?: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<UploadResult<T>> {
  const send = (token: string | null) =>
    new Promise<{ status: number; body: unknown }>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.responseType = 'json';
      xhr.upload.onprogress = (event) => onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
      xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
      xhr.onerror = xhr.onabort = () => resolve({ status: 0, body: null });
      signal?.addEventListener('abort', () => xhr.abort());
      xhr.send(form);
    });
  const token = await session.accessToken();
  let answer = await send(token);
  if (answer.status === 401 && token) {
    const fresh = await session.refreshAfterRefusal(token);
    if (fresh) answer = await send(fresh);
  }
  if (answer.status >= 200 && answer.status < 300) return { data: answer.body as T, status: answer.status };
  return { error: problemOf(answer.body, answer.status ? new Response(null, { status: answer.status }) : undefined), status: answer.status };
}
