import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';
import { EvidenceStore } from './evidence-store';

/** Advisory-lock namespace for "content with this SHA-256 is being placed or removed". */
const CONTENT_LOCK = 0x45564944; // 'EVID'

/** Serialises placing and removing one content (two uploads of the same bytes, or an upload and a clean-up). */
export async function lockContent(em: EntityManager, sha256: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [CONTENT_LOCK, sha256]);
}

/**
 * Removes stored content no evidence row uses any more: after a failed upload, and after
 * retention erases a case (§13). Content is shared between items with the same bytes, so
 * a file goes only when its last reference has gone.
 */
@Injectable()
export class EvidenceReaper {
  private readonly logger = new Logger('EvidenceReaper');

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
  ) {}

  async removeUnreferenced(sha256s: Iterable<string>): Promise<void> {
    for (const sha256 of new Set(sha256s)) {
      try {
        await this.dataSource.transaction(async (em) => {
          await lockContent(em, sha256);
          const used = await queryOne(em, `SELECT 1 FROM evidence WHERE sha256 = $1 LIMIT 1`, [sha256]);
          if (!used) await this.store.remove(sha256);
        });
      } catch (error) {
        this.logger.error(`could not remove the unreferenced evidence file ${sha256}: ${(error as Error).message}`);
      }
    }
  }
}
