import { Logger } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { toProblem } from '../common/errors/problem.filter';
import { PdfDocumentModel } from './document-model';
import { BUSY_RETRY_AFTER_SECONDS, PdfRenderer, RunRender } from './pdf-renderer.service';

const MODEL: PdfDocumentModel = {
  title: 'Ελένη Παπαδοπούλου, فاطمة الزهراء, 王小明',
  metadata: { title: 'test' },
  blocks: [{ kind: 'paragraph', text: 'Hello' }],
};

/** A pool whose renders finish when the test says. */
function controlledPool() {
  const pending: Array<{ resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }> = [];
  const run: RunRender = () => new Promise((resolve, reject) => pending.push({ resolve, reject }));
  return { run, pending };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('PdfRenderer: a bounded pool of render threads', () => {
  it('when every thread is busy and the queue is full: 503 problem+json `busy` with Retry-After, and the work is not started', async () => {
    const { run, pending } = controlledPool();
    const renderer = new PdfRenderer({ threads: 2, queue: 1 }, run);
    const started: number[] = [];
    const jobs = [1, 2, 3].map((n) =>
      renderer.withSlot(async (render) => {
        started.push(n);
        return render(MODEL);
      }),
    );
    await settle();
    expect(pending).toHaveLength(3);

    let ran = false;
    const error = await renderer
      .withSlot(async () => {
        ran = true;
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(ran).toBe(false);
    const { problem, headers } = toProblem(error, new Logger('test'));
    expect(problem).toEqual(expect.objectContaining({ status: 503, code: 'busy', title: 'Service Unavailable' }));
    expect(headers).toEqual({ 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) });
    expect(started).toEqual([1, 2, 3]);

    // a render finishing frees its slot
    pending[0].resolve(new Uint8Array([37, 80, 68, 70]));
    expect((await jobs[0]).toString('latin1')).toBe('%PDF');
    await expect(renderer.withSlot(async () => 'ran')).resolves.toBe('ran');
    pending.slice(1).forEach((p) => p.resolve(new Uint8Array()));
    await Promise.all(jobs);
  });

  it('a slot is given back when the work fails', async () => {
    const renderer = new PdfRenderer({ threads: 1, queue: 0 }, controlledPool().run);
    await expect(renderer.withSlot(async () => Promise.reject(new Error('the read failed')))).rejects.toThrow('the read failed');
    await expect(renderer.withSlot(async () => 'ran')).resolves.toBe('ran');
  });

  it("the pool's own queue bound, and a render stopped at its time limit, are `busy` too, never 500", async () => {
    for (const error of [new Error('Task queue is at limit'), Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })]) {
      const renderer = new PdfRenderer({ threads: 1, queue: 0 }, () => Promise.reject(error));
      await expect(renderer.withSlot((render) => render(MODEL))).rejects.toEqual(expect.objectContaining({ kind: 'service_unavailable', code: 'busy' }));
    }
  });

  it('counts the renders handed to the pool while they run', async () => {
    const { run, pending } = controlledPool();
    const renderer = new PdfRenderer({ threads: 1, queue: 0 }, run);
    const job = renderer.withSlot((render) => render(MODEL));
    await settle();
    expect(renderer.rendering).toBe(1);
    pending[0].resolve(new Uint8Array());
    await job;
    expect(renderer.rendering).toBe(0);
  });

  it('renders on a worker thread (the plain-JavaScript worker file, compiling the TypeScript sources under jest)', async () => {
    const renderer = new PdfRenderer({ threads: 1, queue: 0 });
    try {
      const pdf = await renderer.withSlot((render) => render(MODEL));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    } finally {
      await renderer.onModuleDestroy();
    }
  });
});
