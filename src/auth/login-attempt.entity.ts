import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Login attempts, kept in PostgreSQL so every API instance enforces one limit.
 * Failures drive the throttle; successes mark an address as known for that account.
 */
@Entity('login_attempts')
@Index(['email', 'at'])
@Index(['ip', 'at'])
@Index(['email', 'ip', 'succeeded', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: number;

  @Column('text')
  email: string;

  @Column('text')
  ip: string;

  @Column('boolean')
  succeeded: boolean;

  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;
}
