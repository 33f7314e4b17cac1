import { DataSource } from 'typeorm';
import { Role } from '../access/roles';
import { hashPassword } from '../auth/password';
import { OrganisationSetup } from '../organisations/organisations.service';
import { DEFAULT_SIGN_IN_SETTINGS, saveSignInSettings } from '../auth/sign-in-settings.sql';

/** The demo of api.md "Running, configuration and the demo". */
export const DEMO_ORGANISATIONS: ReadonlyArray<{
  name: string;
  people: ReadonlyArray<{ email: string; name: string; roles: Role[]; jobTitle: string }>;
  /** Staff without a login: people a report can be about. */
  staff: ReadonlyArray<{ name: string; jobTitle: string }>;
}> = [
  {
    name: 'Werrington Primary School (demo)',
    people: [
      { email: 'admin@demo.school', name: 'Ada Admin', roles: ['admin'], jobTitle: 'School Business Manager' },
      { email: 'deputy@demo.school', name: 'Dee Deputy', roles: ['deputy_head'], jobTitle: 'Deputy Headteacher' },
      { email: 'investigator@demo.school', name: 'Ian Investigator', roles: ['investigating_manager'], jobTitle: 'Assistant Headteacher' },
      { email: 'investigator2@demo.school', name: 'Ivy Investigator', roles: ['investigating_manager'], jobTitle: 'Key Stage 2 Lead' },
      { email: 'head@demo.school', name: 'Helen Head', roles: ['headteacher'], jobTitle: 'Headteacher' },
      { email: 'governor@demo.school', name: 'Gavin Governor', roles: ['governor'], jobTitle: 'Chair of Governors' },
      { email: 'hr@demo.school', name: 'Harriet HR', roles: ['hr'], jobTitle: 'HR Adviser' },
    ],
    staff: [
      { name: 'Sam Teacher', jobTitle: 'Class Teacher, Year 4' },
      { name: 'Taylor Assistant', jobTitle: 'Teaching Assistant' },
    ],
  },
  {
    name: 'Northfield Primary (demo)',
    people: [
      { email: 'admin@northfield.demo', name: 'Nina Admin', roles: ['admin'], jobTitle: 'Office Manager' },
      { email: 'head@northfield.demo', name: 'Noel Head', roles: ['headteacher'], jobTitle: 'Headteacher' },
      // process.md §7: one person in two schools (the trust's HR adviser), one account, a membership in each
      { email: 'hr@demo.school', name: 'Harriet HR', roles: ['hr'], jobTitle: 'Trust HR Adviser' },
    ],
    staff: [{ name: 'Robin Teacher', jobTitle: 'Class Teacher, Year 2' }],
  },
];

export async function hasOrganisation(dataSource: DataSource): Promise<boolean> {
  const rows = await dataSource.query(`SELECT 1 FROM organisations LIMIT 1`);
  return rows.length > 0;
}

/** Seeds both demo organisations in one transaction. Returns the logins to print. */
export async function seedDemo(
  dataSource: DataSource,
  password: string,
  passwordCost: number,
): Promise<Array<{ email: string; roles: Role[]; organisation: string }>> {
  const logins: Array<{ email: string; roles: Role[]; organisation: string }> = [];
  const people = DEMO_ORGANISATIONS.flatMap((o) => o.people);
  const hashes = await Promise.all(people.map(() => hashPassword(password, passwordCost)));
  await dataSource.transaction(async (em) => {
    const setup = new OrganisationSetup(em);
    let i = 0;
    for (const organisation of DEMO_ORGANISATIONS) {
      const organisationId = await setup.createOrganisation(organisation.name);
      // The demo asks no second factor, so that anyone can try it with the printed passwords; a real school's default
      // asks it of every role that reads casework (process.md §7; docs/sign-in.md). Its admin turns it on at /app/admin/sign-in.
      await saveSignInSettings(em, organisationId, { ...DEFAULT_SIGN_IN_SETTINGS, secondFactorRoles: [] });
      for (const person of organisation.people) {
        await setup.createPerson(organisationId, { ...person, passwordHash: hashes[i++] });
        logins.push({ email: person.email, roles: person.roles, organisation: organisation.name });
      }
      for (const staff of organisation.staff) await setup.createStaff(organisationId, staff);
    }
  });
  return logins;
}

export function formatLogins(logins: Array<{ email: string; roles: Role[]; organisation: string }>, password: string, passwordFromEnv: boolean): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  const lines = logins.map((l) => `  ${l.email.padEnd(width)}  ${l.roles.join(', ').padEnd(22)}  ${l.organisation}`);
  return [
    'Demo organisations seeded. Sign in with POST /auth/login as:',
    ...lines,
    `  password: ${passwordFromEnv ? '(the DEMO_PASSWORD you set)' : password}`,
  ].join('\n');
}
