import { OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import Piscina from 'piscina';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';
import { boundDocument } from './document-bounds';
import { DEFAULT_LIMITS, PdfDocumentModel } from './document-model';

/** The render thread's entry (plain JavaScript: see its header). */
export const WORKER_FILE = join(__dirname, 'pdf-render.worker.js');

/** A render that takes longer than this is stopped (its thread ended): the bounds make it unexpected. */
export const RENDER_TIMEOUT_MS = 60_000;

/** Said in Retry-After when every render thread is busy and the queue is full. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** Runs one render on a thread, or rejects; what PdfRenderer needs of the pool. */
export type RunRender = (model: PdfDocumentModel, signal: AbortSignal) => Promise<Uint8Array>;

export function busy(): DomainError {
  return new DomainError('service_unavailable', 'busy', 'Every PDF render thread is busy; try again shortly.', [], {
    'Retry-After': String(BUSY_RETRY_AFTER_SECONDS),
  });
}

/**
 * Renders document models to PDF (render-pdf.ts) on a fixed pool of worker threads
 * (PDF_RENDER_THREADS, default 2) so that a big document never holds up the event loop — nor
 * /health, nor any other school's requests. At most PDF_RENDER_QUEUE renders wait for a
 * thread; past that a caller gets 503 problem+json `busy` with Retry-After. A slot is taken
 * before the caller's work starts (withSlot), so a refusal comes before the database is read.
 *
 * The pool is piscina: bounded threads and queue, a task that is aborted (timeout) ends its
 * thread and a new one replaces it, a thread that crashes is replaced. Tests give their own
 * `run` in its place. Provided by DocumentsModule.
 */
export class PdfRenderer implements OnModuleDestroy {
  private readonly pool?: Piscina;
  private readonly run: RunRender;
  /** Slots held: renders running, waiting for a thread, or about to be asked for. */
  private held = 0;
  /** Renders handed to the pool and not settled. */
  private inPool = 0;
  readonly capacity: number;

  constructor({ threads, queue }: AppConfig['pdfRender'], run?: RunRender) {
    this.capacity = threads + queue;
    if (run) this.run = run;
    else {
      const pool = new Piscina<PdfDocumentModel, Uint8Array>({
        filename: WORKER_FILE,
        minThreads: 1,
        maxThreads: threads,
        maxQueue: Math.max(queue, 1),
        idleTimeout: 60_000,
        // below the event loop's priority: when the CPUs are busy, requests are served first
        niceIncrement: 10,
        // one render's memory stays in its thread
        resourceLimits: { maxOldGenerationSizeMb: 512 },
      });
      this.pool = pool;
      this.run = (model, signal) => pool.run(model, { signal });
    }
  }

  /** Renders handed to a thread (running or queued) and not finished: what the tests look at. */
  get rendering(): number {
    return this.inPool;
  }

  /**
   * Takes a render slot for `work`, which is given `render`; 503 `busy` (nothing run) when all
   * slots are held. The slot is given back when `work` settles.
   */
  async withSlot<T>(work: (render: (model: PdfDocumentModel) => Promise<Buffer>) => Promise<T>): Promise<T> {
    if (this.held >= this.capacity) throw busy();
    this.held++;
    try {
      return await work((model) => this.render(model));
    } finally {
      this.held--;
    }
  }

  private async render(model: PdfDocumentModel): Promise<Buffer> {
    const bounded = boundDocument(model, DEFAULT_LIMITS); // small enough to hand over
    this.inPool++;
    try {
      const bytes = await this.run(bounded, AbortSignal.timeout(RENDER_TIMEOUT_MS));
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      // The pool's own queue bound (a second guard) or the timeout: the server is too busy.
      if (error instanceof Error && (/queue is at limit/i.test(error.message) || error.name === 'AbortError' || error.name === 'TimeoutError')) {
        throw busy();
      }
      throw error;
    } finally {
      this.inPool--;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
