import { EntityManager } from 'typeorm';
import { AUDIT_REASON_MAX_LENGTH, auditReasonProblem, isAuditReasonCode } from './audit-reason';
import { AuditService } from './audit.service';

/** Codes the services record today: a sanction, a triage decision, an appeal result, a monitoring decision, and the rest. */
const REASON_CODES = [
  'separation_waived',
  'rejected',
  'approved',
  'final_written_warning',
  'no_further_action',
  'varied',
  'integrity_failure',
  'retention_period_ended',
  'x',
  'a1',
  'section_13',
];

/** Free text, and strings that only look like codes. */
const NOT_REASON_CODES = [
  'retention period ended (§13)',
  'Not proportionate',
  'Employment tribunal claim',
  'Two-teacher school: no other manager can decide',
  'Rejected',
  'separation-waived',
  'separation waived',
  '_rejected',
  'rejected_',
  'double__underscore',
  '13_section',
  'rejected\n',
  'rejected\nSam Teacher posted it',
  ' rejected',
  'réjected',
  '',
  'a'.repeat(AUDIT_REASON_MAX_LENGTH + 1),
];

describe('the audit reason is a code (domain.md "Data protection": no free text in the chain)', () => {
  it.each(REASON_CODES)('%j is a code', (reason) => {
    expect(auditReasonProblem(reason)).toBeNull();
    expect(isAuditReasonCode(reason)).toBe(true);
  });

  it.each(NOT_REASON_CODES)('%j is not', (reason) => {
    expect(auditReasonProblem(reason)).toEqual(expect.any(String));
    expect(isAuditReasonCode(reason)).toBe(false);
  });

  it('no reason at all is fine', () => {
    expect(auditReasonProblem(null)).toBeNull();
    expect(auditReasonProblem(undefined)).toBeNull();
  });

  it('a code may be as long as the limit', () => {
    expect(auditReasonProblem('a'.repeat(AUDIT_REASON_MAX_LENGTH))).toBeNull();
  });

  it('the problem never repeats the text (it may be personal data, and errors are logged)', () => {
    const text = 'Sam Teacher admitted posting it';
    expect(auditReasonProblem(text)).not.toContain('Sam');
  });
});

describe('AuditService.record refuses free text as the reason', () => {
  const em = () => {
    const query = jest.fn().mockResolvedValue([{ seq: '1', id: 'e' }]);
    return { em: { query } as unknown as EntityManager, query };
  };
  const input = (reason: string | null) => ({ organisationId: 'o', actor: null, role: null, action: 'case.closed', reason, payload: { reason: 'words' } });

  it('records a code', async () => {
    const { em: manager, query } = em();
    await expect(new AuditService().record(manager, input('closed_by_decision_maker'))).resolves.toEqual({ seq: 1, id: 'e' });
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('refuses free text before anything reaches the database, without echoing it', async () => {
    const { em: manager, query } = em();
    const refused = new AuditService().record(manager, input('Appeal window passed, Sam informed'));
    await expect(refused).rejects.toThrow(/audit reason .*not a snake_case code/);
    await expect(refused).rejects.not.toThrow(/Sam/);
    expect(query).not.toHaveBeenCalled();
  });
});
