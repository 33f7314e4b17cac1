import type { EntityManager } from 'typeorm';
import type { Waiting } from '../notifications/notification.types';

/**
 * Where "something now waits for a person" goes (process.md §6 notifications): the
 * notifications module, which stores it in-app and e-mails it per the person's preference.
 * A token, so the tasks module names what it needs and not who provides it.
 */
export interface WaitingSink {
  notify(em: EntityManager, waiting: Waiting[]): Promise<void>;
}
export const WAITING_SINK = Symbol('WAITING_SINK');
