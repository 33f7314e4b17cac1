/**
 * KCSIE 4 (process.md §3 "Reference check"): what may be said in a reference about a staff
 * member — substantiated safeguarding findings and warnings still in force — and nothing
 * else: never a malicious, false, unsubstantiated or unfounded allegation (nor an ordinary
 * finding short of substantiated), never a spent warning, never anything of a case that is
 * not yet concluded or whose sanction was withdrawn on appeal.
 */

/** What the rule reads of one case in which the person is a subject (the case view, as the reader may read it). */
export interface ReferenceCaseInput {
  caseId: string;
  reference: string;
  status: string;
  safeguarding: boolean;
  erased: boolean;
  allegations: ReadonlyArray<{
    id: string;
    policyStandard: string | null;
    category: string | null;
    summary: string;
    finding: { finding: string; recordedAt: string } | null;
  }>;
  outcome: { sanction: string; decidedAt: string; warningExpiresAt: string | null } | null;
  appeals: ReadonlyArray<{ result: string | null; newSanction: string | null; newWarningExpiresAt: string | null; decidedAt: string | null }>;
  sanctionInForce: string | null;
}

export interface SubstantiatedFinding {
  caseId: string;
  reference: string;
  allegationId: string;
  policyStandard: string | null;
  category: string | null;
  summary: string;
  finding: 'substantiated';
  recordedAt: string;
}

export interface LiveWarning {
  caseId: string;
  reference: string;
  sanction: 'first_written_warning' | 'final_written_warning';
  decidedAt: string;
  expiresAt: string;
}

export interface ReferenceEntries {
  substantiatedSafeguardingFindings: SubstantiatedFinding[];
  liveWarnings: LiveWarning[];
}

const WARNINGS: ReadonlySet<string> = new Set(['first_written_warning', 'final_written_warning']);

/** The appeal decided last (one per outcome today), or null. */
function decidedAppeal(c: ReferenceCaseInput) {
  return c.appeals.filter((a) => a.result !== null).at(-1) ?? null;
}

/**
 * KCSIE 4: substantiated findings of a concluded safeguarding case (closed, and not withdrawn
 * on appeal). `substantiated` is the same test in KCSIE's categories and the ordinary ones
 * ("sufficient evidence to prove the allegation"), so a finding recorded before the case
 * became a safeguarding matter counts too; every other category is left out.
 */
export function referableFindings(c: ReferenceCaseInput): SubstantiatedFinding[] {
  if (c.erased || !c.safeguarding || c.status !== 'closed') return [];
  if (decidedAppeal(c)?.result === 'upheld') return [];
  return c.allegations.flatMap((a) =>
    a.finding?.finding === 'substantiated'
      ? [
          {
            caseId: c.caseId,
            reference: c.reference,
            allegationId: a.id,
            policyStandard: a.policyStandard,
            category: a.category,
            summary: a.summary,
            finding: 'substantiated' as const,
            recordedAt: a.finding.recordedAt,
          },
        ]
      : [],
  );
}

/** §12: the warning in force after any appeal, while it has not expired (a spent warning is never mentioned). */
export function liveWarning(c: ReferenceCaseInput, now: Date): LiveWarning | null {
  if (c.erased || c.outcome === null || c.sanctionInForce === null || !WARNINGS.has(c.sanctionInForce)) return null;
  const appeal = decidedAppeal(c);
  const varied = appeal?.result === 'varied';
  const expiresAt = varied ? appeal!.newWarningExpiresAt : c.outcome.warningExpiresAt;
  if (expiresAt === null || new Date(expiresAt).getTime() <= now.getTime()) return null;
  return {
    caseId: c.caseId,
    reference: c.reference,
    sanction: c.sanctionInForce as LiveWarning['sanction'],
    decidedAt: varied && appeal!.decidedAt ? appeal!.decidedAt : c.outcome.decidedAt,
    expiresAt,
  };
}

/** Everything that may be said in a reference, over the cases in which the person is a subject. */
export function referenceEntries(cases: readonly ReferenceCaseInput[], now: Date): ReferenceEntries {
  return {
    substantiatedSafeguardingFindings: cases.flatMap(referableFindings),
    liveWarnings: cases.flatMap((c) => liveWarning(c, now) ?? []),
  };
}
