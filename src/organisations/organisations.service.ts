import { EntityManager } from 'typeorm';
import { Role } from '../access/roles';
import { AuditService } from '../audit/audit.service';
import { queryOne } from '../database/sql';
import { accountForMembership } from '../auth/accounts.sql';
import { insertMembership } from '../people/memberships.sql';

/**
 * Creating organisations and their people outside any request: the CLI for a real
 * deployment and the demo seed. Each step is a system event in the new chain.
 */
export class OrganisationSetup {
  constructor(
    private readonly em: EntityManager,
    private readonly audit = new AuditService(),
  ) {}

  async createOrganisation(name: string): Promise<string> {
    const org = await queryOne<{ id: string }>(this.em, `INSERT INTO organisations (name) VALUES ($1) RETURNING id`, [name]);
    await this.audit.startChain(this.em, org!.id);
    await this.audit.record(this.em, {
      organisationId: org!.id,
      actor: null,
      role: null,
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: org!.id,
      payload: { name },
    });
    return org!.id;
  }

  /** A user and their staff-directory entry. */
  async createPerson(
    organisationId: string,
    person: { email: string; name: string; roles: Role[]; passwordHash: string; jobTitle: string },
  ): Promise<{ userId: string; staffId: string }> {
    const email = person.email.toLowerCase();
    // set up from the command line (the demo, a new organisation's first admin): the password is the person's own
    const account = await accountForMembership(this.em, email, { passwordHash: person.passwordHash, confinedTo: null, at: new Date() });
    const userId = await insertMembership(this.em, { organisationId, accountId: account.id, email, name: person.name, roles: person.roles });
    const user = { id: userId! };
    const staffId = await this.createStaff(organisationId, { name: person.name, email, jobTitle: person.jobTitle, userId: user.id });
    await this.audit.record(this.em, {
      organisationId,
      actor: null,
      role: null,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      payload: { email, name: person.name, roles: person.roles },
    });
    return { userId: user.id, staffId };
  }

  async createStaff(organisationId: string, staff: { name: string; email?: string; jobTitle: string; userId?: string }): Promise<string> {
    const row = await queryOne<{ id: string }>(
      this.em,
      `INSERT INTO staff_members (organisation_id, name, email, job_title, user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [organisationId, staff.name, staff.email ?? null, staff.jobTitle, staff.userId ?? null],
    );
    await this.audit.record(this.em, {
      organisationId,
      actor: null,
      role: null,
      action: 'staff.created',
      entityType: 'staff_member',
      entityId: row!.id,
      payload: staff,
    });
    return row!.id;
  }
}
