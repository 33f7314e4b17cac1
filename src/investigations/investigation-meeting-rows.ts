import { EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';

/** The investigations module's SQL on `investigation_meetings` (process.md §2: the meetings arranged). */

export interface MeetingInsert {
  organisationId: string;
  caseId: string;
  userId: string;
  staffId: string;
  scheduledFor: Date;
  place: string;
  purpose: string;
  accompaniedAllowed: boolean;
}

export async function insertMeeting(em: EntityManager, m: MeetingInsert): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO investigation_meetings (organisation_id, case_id, recorded_by_user_id, staff_id, scheduled_for, place, purpose, accompanied_allowed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [m.organisationId, m.caseId, m.userId, m.staffId, m.scheduledFor, m.place, m.purpose, m.accompaniedAllowed],
  );
  return row!.id;
}
