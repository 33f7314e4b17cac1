import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { instantRange } from '../calendar/period';
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
    // Dates are whole days in the school's time zone, `to` included (an empty period is refused by the query's validation).
    const { start, end } = instantRange(query);
    const filters: CasesCsvFilters = { from: start, to: end, status: query.status };
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
