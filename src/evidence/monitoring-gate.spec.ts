import { DomainError } from '../common/errors/domain-error';
import { MonitoringGate, obtainedByMonitoring } from './monitoring-gate';
import type { CaseFacts } from '../access/case-access.policy';
import type { EntityManager } from 'typeorm';

const at = new Date('2026-11-20T18:30:00Z');
const facts = { id: 'case-1', organisationId: 'org-1' } as CaseFacts;
/** An EntityManager whose one query answers `rows` (the gate's single lookup). */
const em = (rows: unknown[]) => ({ query: async () => rows }) as unknown as EntityManager;

describe('monitoring gate (§9, §11; domain.md "Evidence": monitoring evidence needs an authorisation)', () => {
  it('monitoring extracts and items citing an authorisation are monitoring evidence', () => {
    expect(obtainedByMonitoring({ kind: 'monitoring_extract', monitoringAuthorisationId: null, capturedAt: at })).toBe(true);
    expect(obtainedByMonitoring({ kind: 'screenshot', monitoringAuthorisationId: 'a6c1b0de-0000-4000-8000-000000000001', capturedAt: at })).toBe(true);
    expect(obtainedByMonitoring({ kind: 'screenshot', monitoringAuthorisationId: null, capturedAt: at })).toBe(false);
  });

  it('a monitoring extract citing no authorisation is refused with 409 monitoring_authorisation_required', async () => {
    const refused = await new MonitoringGate()
      .check(em([]), facts, { kind: 'monitoring_extract', monitoringAuthorisationId: null, capturedAt: at })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toEqual(expect.objectContaining({ status: 409, code: 'monitoring_authorisation_required', message: expect.stringContaining('§9, §11') }));
  });

  it('ordinary evidence passes without a lookup', async () => {
    await expect(
      new MonitoringGate().check({} as EntityManager, facts, { kind: 'document', monitoringAuthorisationId: null, capturedAt: at }),
    ).resolves.toBeUndefined();
  });

  it('an approved, unexpired authorisation of the case covering capturedAt lets it in; an unknown one does not', async () => {
    const approved = {
      case_id: 'case-1',
      status: 'approved',
      period_from: new Date('2026-11-01'),
      period_to: new Date('2026-11-30'),
      expires_at: new Date('2027-01-01'),
    };
    const item = { kind: 'monitoring_extract' as const, monitoringAuthorisationId: 'a', capturedAt: at };
    await expect(new MonitoringGate().check(em([approved]), facts, item, new Date('2026-11-23'))).resolves.toBeUndefined();
    await expect(new MonitoringGate().check(em([approved]), facts, item, new Date('2027-02-01'))).rejects.toThrow(/expired/);
    await expect(new MonitoringGate().check(em([]), facts, item)).rejects.toThrow(/not one of this case/);
  });
});
