import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { casesCsvCopySql, CasesCsvFilters } from './cases-csv.sql';
import { copyOut } from './copy-out';
import { CasesCsvQuery } from './dto/cases-csv.dto';

export interface CasesCsv {
  stream: Readable;
  filename: string;
}

/**
 * The CSV of cases over a period for HR records (domain.md "HR exports"): streamed straight
 * from PostgreSQL's COPY, so memory does not grow with the number of cases. The export is
 * audited, with its filters, before the first row goes.
 */
@Injectable()
export class CasesCsvService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, query: CasesCsvQuery, now = new Date()): Promise<CasesCsv> {
    const filters: CasesCsvFilters = {
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      status: query.status,
    };
    if (filters.from && filters.to && filters.from >= filters.to) throw DomainError.invalidField('to', 'must be after from');
    await this.dataSource.transaction((em) =>
      this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'exports:read'),
        action: 'export.cases_csv',
        payload: { from: query.from ?? null, to: query.to ?? null, status: query.status ?? null },
      }),
    );
    const stream = await copyOut(this.dataSource, casesCsvCopySql(actor, filters));
    return { stream, filename: `cases-${now.toISOString().slice(0, 10)}.csv` };
  }
}
