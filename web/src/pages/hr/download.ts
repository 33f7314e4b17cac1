import { useState } from 'react';
import { problemOf, type Problem } from '../../api/problem';

/**
 * Files from the API (the summary PDF, the CSV, a subject-access export). The access token lives in
 * memory only, so a plain link to the API cannot carry it: the file is fetched with the typed
 * client (which adds the token), then handed to the browser as an object URL on a link with
 * `download`, clicked once and let go of. Nothing is kept in storage.
 */

/** The file name the API gave (Content-Disposition: `filename*=UTF-8''…` or `filename="…"`), or `fallback`. */
export function fileNameOf(response: Response | undefined, fallback: string): string {
  const header = response?.headers.get('content-disposition') ?? '';
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a name that does not decode: the plain one, or the fallback
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;\s]+)/i.exec(header);
  return plain?.[1] ?? plain?.[2] ?? fallback;
}

/** Hands `blob` to the browser as a download called `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has taken the file by then
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Answer = { data?: Blob; error?: unknown; response: Response };

export type DownloadState = { state: 'idle' } | { state: 'busy' } | { state: 'done'; name: string } | { state: 'failed'; problem: Problem };

/**
 * A download a button starts: `start(() => api.GET(path, { parseAs: 'blob' }), 'fallback-name.pdf')`.
 * While it runs `state` is busy; then done (with the file's name) or failed (the API's problem, in its words).
 */
export function useDownload() {
  const [status, setStatus] = useState<DownloadState>({ state: 'idle' });
  const start = async (fetchFile: () => Promise<Answer>, fallbackName: string) => {
    if (status.state === 'busy') return;
    setStatus({ state: 'busy' });
    const answer = await fetchFile().catch((error: unknown) => ({ error, data: undefined, response: undefined }));
    if (answer.response?.ok && answer.data) {
      const name = fileNameOf(answer.response, fallbackName);
      saveFile(answer.data, name);
      setStatus({ state: 'done', name });
    } else {
      setStatus({ state: 'failed', problem: problemOf(answer.error, answer.response) });
    }
  };
  return { status, start, reset: () => setStatus({ state: 'idle' }) };
}
