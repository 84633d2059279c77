import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { InstitutionPage, InstitutionSummary, type InstitutionListQuery } from './institution.dto.js';
import { Institution, type InstitutionKind } from './institution.entity.js';

export interface InstitutionSeed {
  slug: string;
  name: string;
  country: string;
  kind: InstitutionKind;
}

@Injectable()
export class InstitutionsService {
  constructor(@InjectRepository(Institution) private readonly institutions: Repository<Institution>) {}

  async list(query: InstitutionListQuery): Promise<InstitutionPage> {
    const [rows, total] = await this.institutions.findAndCount({
      where: query.country ? { country: query.country } : {},
      order: { country: 'ASC', name: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(InstitutionSummary.from), page: query.page, pageSize: query.pageSize, total };
  }

  /** Names of the given institutions, by id, in one query. */
  async namesById(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.institutions.find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Creates the institution unless one with the slug exists; returns its id either way. */
  async ensure(seed: InstitutionSeed): Promise<{ id: string; created: boolean }> {
    const inserted = await this.institutions
      .createQueryBuilder()
      .insert()
      .values(seed)
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (id) return { id, created: true };
    const found = await this.institutions.findOneByOrFail({ slug: seed.slug });
    return { id: found.id, created: false };
  }
}
