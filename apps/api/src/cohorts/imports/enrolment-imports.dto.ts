import { ApiProperty, ApiPropertyOptional, type ApiBodyOptions } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination/page.dto.js';
import { IMPORT_COLUMNS } from './import-columns.js';
import {
  IMPORT_STATUSES,
  ROW_OUTCOMES,
  type AppliedCounts,
  type ImportRowView,
  type ImportStatus,
  type ImportView,
  type RowOutcome,
  type StoredProblem,
} from './import-view.js';
import { IMPORT_LANGUAGES, type ImportLanguage } from './import-words.js';
import { ROW_PROBLEM_CODES, type RowProblem, type RowProblemCode } from './validate-import-row.js';

export const IMPORT_UPLOAD_BODY: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      language: {
        type: 'string',
        enum: [...IMPORT_LANGUAGES],
        description:
          'Language of the headers and of the invitations of rows that give none (send it before the file ' +
          "part). Defaults to the caller's preferred language.",
      },
      file: { type: 'string', format: 'binary', description: 'The CSV file (UTF-8, comma or semicolon).' },
    },
  },
};

export class TemplateQuery {
  @ApiPropertyOptional({
    enum: IMPORT_LANGUAGES,
    description: "Defaults to the caller's preferred language.",
  })
  @IsOptional()
  @IsIn(IMPORT_LANGUAGES, { message: `language must be one of ${IMPORT_LANGUAGES.join(', ')}` })
  language?: ImportLanguage;
}

export class UploadQuery extends TemplateQuery {}

export class ImportRowsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROW_OUTCOMES, enumName: 'EnrolmentImportRowOutcome' })
  @IsOptional()
  @IsIn(ROW_OUTCOMES, { message: `outcome must be one of ${ROW_OUTCOMES.join(', ')}` })
  outcome?: RowOutcome;
}

export class ConfirmImportBody {
  @ApiPropertyOptional({
    description: 'Enrol everyone else when some rows have problems (those rows are left out). Required then.',
  })
  @IsOptional()
  @IsBoolean({ message: 'skipInvalidRows must be a boolean' })
  skipInvalidRows?: boolean;

  @ApiPropertyOptional({
    description:
      'The institution attests that the people whose rows give sex, age band, disability or island/region ' +
      'agreed to these facts being recorded for anonymous reports (ADR 0019). Required when any row gives one.',
  })
  @IsOptional()
  @IsBoolean({ message: 'reportingConsent must be a boolean' })
  reportingConsent?: boolean;
}

export class ImportCounts {
  @ApiProperty({ description: 'Rows of people without an account: they will be invited.' })
  newAccounts!: number;

  @ApiProperty({ description: 'Rows of people with an account: they will be enrolled and notified.' })
  existingAccounts!: number;

  @ApiProperty({ description: 'Rows of people already members or invitees of the cohort: nothing to do.' })
  alreadyEnrolled!: number;

  @ApiProperty({ description: 'Rows with problems.' })
  invalid!: number;
}

export class ImportPerson {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;
}

export class ImportResult implements AppliedCounts {
  @ApiProperty({ description: 'People with an account who joined the cohort.' })
  enrolled!: number;

  @ApiProperty({ description: 'People invited (an invitation e-mail was sent).' })
  invited!: number;

  @ApiProperty()
  alreadyMember!: number;

  @ApiProperty()
  alreadyInvited!: number;

  @ApiProperty({ description: 'Rows with problems left out.' })
  skippedInvalid!: number;
}

/** Something said about the file as a whole. */
export class ImportNoticeView {
  @ApiProperty({
    enum: ['columns-ignored', 'column-repeated'],
    description:
      'columns-ignored: headings not used; column-repeated: a heading given twice, only its first column read.',
  })
  code!: 'columns-ignored' | 'column-repeated';

  @ApiProperty({ type: [String], description: 'The headings concerned, as the file wrote them.' })
  columns!: string[];

  @ApiProperty({ description: 'The same in English.' })
  message!: string;
}

export class ImportResponse implements ImportView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  cohortId!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty({ enum: IMPORT_LANGUAGES })
  language!: ImportLanguage;

  @ApiProperty({ enum: IMPORT_STATUSES, enumName: 'EnrolmentImportStatus' })
  status!: ImportStatus;

  @ApiProperty({ description: 'Data rows (final once previewed; while validating, the rows read so far).' })
  totalRows!: number;

  @ApiProperty({ description: 'Rows gone through by the current step (reading, or applying).' })
  processedRows!: number;

  @ApiProperty({ type: ImportCounts })
  counts!: ImportCounts;

  @ApiProperty({ description: 'Some rows give reporting fields: confirming needs reportingConsent.' })
  hasReportingFields!: boolean;

  @ApiProperty({
    type: [ImportNoticeView],
    description: 'About the file as a whole, such as columns that were ignored.',
  })
  notices!: ImportNoticeView[];

  @ApiProperty({
    type: Object,
    nullable: true,
    description: 'Why the file was refused (status rejected, with `code`) or the job failed (status failed).',
  })
  problem!: StoredProblem | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: ImportPerson, nullable: true })
  createdBy!: ImportPerson | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  appliedAt!: string | null;

  @ApiProperty({ type: ImportResult, nullable: true })
  result!: ImportResult | null;
}

export class ImportPage extends PageMeta {
  @ApiProperty({ type: [ImportResponse], description: 'Newest first.' })
  items!: ImportResponse[];
}

export class ImportRowProblem implements RowProblem {
  @ApiProperty({ enum: IMPORT_COLUMNS, description: 'The column, by its canonical key.' })
  column!: RowProblem['column'];

  @ApiProperty({ enum: ROW_PROBLEM_CODES, enumName: 'EnrolmentImportRowProblemCode' })
  code!: RowProblemCode;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({ description: 'For a duplicate: the row that has the address first.' })
  otherRowNumber?: number;
}

export class ImportRowResponse implements ImportRowView {
  @ApiProperty({ description: '1 = the first row after the header (spreadsheet line = rowNumber + 1).' })
  rowNumber!: number;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  givenName!: string;

  @ApiProperty()
  familyName!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'ISO alpha-2, or the cell as typed when unknown.',
  })
  country!: string | null;

  @ApiProperty({ type: String, nullable: true })
  department!: string | null;

  @ApiProperty({ type: String, nullable: true })
  jobTitle!: string | null;

  @ApiProperty({ description: 'en, es or fr; the cell as typed when unknown.' })
  language!: string;

  @ApiProperty({ enum: ROW_OUTCOMES, enumName: 'EnrolmentImportRowOutcome' })
  outcome!: RowOutcome;

  @ApiProperty({ type: [ImportRowProblem] })
  problems!: ImportRowProblem[];
}

export class ImportRowPage extends PageMeta {
  @ApiProperty({ type: [ImportRowResponse], description: 'In file order.' })
  items!: ImportRowResponse[];
}
