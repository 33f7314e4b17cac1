import type { Actor } from '../access/actor';
import { SqlParams } from '../database/sql';
import { sanctionInForceSql } from '../outcomes/outcome-rows';
import { CASES_CSV_COLUMNS, casesCsvCopySql, casesCsvSelect, csvSafeText } from './cases-csv.sql';

const HR: Actor = {
  userId: '11111111-1111-4111-8111-111111111111',
  organisationId: '22222222-2222-4222-8222-222222222222',
  email: 'hr@demo.school',
  name: 'Harriet HR',
  roles: ['hr'],
  staffIds: ['33333333-3333-4333-8333-333333333333'],
};

describe('cases CSV SQL (issue 5 item 4)', () => {
  describe('csvSafeText: CSV-injection-safe cells', () => {
    it('prefixes a single quote to a cell starting with =, +, -, @, TAB or CR, and leaves others alone', () => {
      expect(csvSafeText('x.reference')).toBe(
        `CASE WHEN left(x.reference, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || x.reference ELSE x.reference END`,
      );
    });
  });

  it("the sanction in force is the outcomes module's one statement of the rule (sanctionInForceSql), not a copy", () => {
    expect(casesCsvSelect(HR, {}, new SqlParams())).toContain(`${sanctionInForceSql('o', 'a')} AS sanction_in_force`);
  });

  describe('casesCsvSelect', () => {
    it('selects the columns in order, every text column through csvSafeText', () => {
      const sql = casesCsvSelect(HR, {}, new SqlParams());
      const head = sql.slice(0, sql.indexOf('\nFROM ('));
      const cells = head.replace(/^SELECT /, '').split(',\n  ');
      expect(cells).toHaveLength(CASES_CSV_COLUMNS.length);
      expect(cells.map((cell) => cell.split(' AS ').pop()!.replace(/^x\./, ''))).toEqual([...CASES_CSV_COLUMNS]);
      for (const column of [
        'reference',
        'status',
        'categories',
        'policy_standards',
        'triage_decision',
        'outcome_sanction',
        'sanction_in_force',
        'appeal_result',
      ]) {
        expect(head).toContain(`${csvSafeText(`x.${column}`)} AS ${column}`);
      }
    });

    it('is limited to the cases the caller may see, with the filters as parameters', () => {
      const params = new SqlParams();
      const sql = casesCsvSelect(HR, { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z'), status: 'closed' }, params);
      expect(sql).toContain(`c.organisation_id = $`);
      expect(sql).toMatch(/c\.created_at >= \$\d+::timestamptz/);
      expect(sql).toMatch(/c\.created_at < \$\d+::timestamptz/);
      expect(sql).toMatch(/c\.status = \$\d+::case_status/);
      expect(params.values).toEqual(expect.arrayContaining([HR.organisationId, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'closed']));
    });

    it('no filters, no filter clauses', () => {
      const sql = casesCsvSelect(HR, {}, new SqlParams());
      expect(sql).not.toContain('c.created_at >=');
      expect(sql).not.toContain('c.created_at <');
      expect(sql).not.toContain('::case_status');
    });

    it('an erased case keeps its tombstone only: what it was about is blank', () => {
      const sql = casesCsvSelect(HR, {}, new SqlParams());
      expect(sql).toContain('CASE WHEN c.erased_at IS NOT NULL THEN NULL WHEN c.safeguarding');
      expect(sql.match(/CASE WHEN c\.erased_at IS NULL THEN \(SELECT string_agg/g)).toHaveLength(2);
    });

    it('oldest first', () => {
      expect(casesCsvSelect(HR, {}, new SqlParams())).toMatch(/ORDER BY x\.created_at, x\.id$/);
    });
  });

  it('casesCsvCopySql: a COPY … TO STDOUT in CSV with a header, every value written in and escaped', () => {
    const sql = casesCsvCopySql({ ...HR, staffIds: [] }, { status: 'closed', from: new Date('2026-01-01T00:00:00Z') });
    expect(sql.startsWith('COPY (SELECT ')).toBe(true);
    expect(sql.endsWith(') TO STDOUT WITH (FORMAT csv, HEADER true)')).toBe(true);
    expect(sql).not.toMatch(/\$\d/);
    expect(sql).toContain(`'${HR.organisationId}'::uuid`);
    expect(sql).toContain(`'2026-01-01T00:00:00.000Z'::timestamptz`);
    expect(sql).toContain(`'closed'::case_status`);
    expect(sql).toContain(`'{}'::uuid[]`);
  });
});
