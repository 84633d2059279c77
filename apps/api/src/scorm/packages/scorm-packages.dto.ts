import { ApiProperty, ApiPropertyOptional, type ApiBodyOptions } from '@nestjs/swagger';

/** The OpenAPI description of the upload body: one part named `file`, the package's zip. */
export const SCORM_UPLOAD_BODY: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'The SCORM package as a .zip file.' },
    },
  },
};

/** Something wrong with a package: errors refuse it, warnings are kept with it (ADR 0015). */
export class ScormPackageProblem {
  @ApiProperty({ enum: ['error', 'warning'] })
  severity!: 'error' | 'warning';

  @ApiProperty({
    description:
      'Stable code for clients to translate: manifest-missing, manifest-not-well-formed, item-resource-missing, ' +
      'sco-without-href, file-missing, … or an unzip refusal: not-a-zip, unsafe-path, symlink, zip-bomb, ' +
      'too-many-entries, too-large, duplicate-entry, encrypted-entry, entry-size-mismatch, corrupt-entry.',
    example: 'item-resource-missing',
  })
  code!: string;

  @ApiProperty({ description: 'English, for a trainer: what is wrong and where.' })
  detail!: string;

  @ApiPropertyOptional()
  itemId?: string;

  @ApiPropertyOptional()
  resourceId?: string;

  @ApiPropertyOptional({ description: 'Line of imsmanifest.xml, for XML that is not well-formed.' })
  line?: number;

  @ApiPropertyOptional({ description: 'The zip entry at fault, for unzip refusals.' })
  entry?: string;
}

export class ScormPerson {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

/** An organization item: a container (scormType null) or something that opens a page. */
export class ScormItemView {
  @ApiProperty()
  identifier!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['sco', 'asset'], nullable: true, type: String })
  scormType!: 'sco' | 'asset' | null;

  @ApiProperty()
  isVisible!: boolean;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Relative to the package root (or an http(s) address); null for containers.',
  })
  launchUrl!: string | null;

  @ApiProperty({ type: () => [ScormItemView] })
  children!: ScormItemView[];
}

export class ScormReplacement {
  @ApiProperty({ type: [String], description: 'SCO identifiers in both packages: learners keep their data.' })
  kept!: string[];

  @ApiProperty({ type: [String], description: 'SCOs of the previous package that this one lacks.' })
  dropped!: string[];

  @ApiProperty({ type: [String], description: 'SCOs new in this package.' })
  added!: string[];
}

/** An older upload of the activity. */
export class ScormPackageSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['1.2', '2004-2nd', '2004-3rd', '2004-4th'] })
  scormVersion!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: "The zip's name on the uploader's computer." })
  originalName!: string;

  @ApiProperty()
  zipBytes!: number;

  @ApiProperty()
  unpackedBytes!: number;

  @ApiProperty()
  fileCount!: number;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;

  @ApiProperty({ type: ScormPerson, nullable: true })
  uploadedBy!: ScormPerson | null;
}

export class ScormPackageView extends ScormPackageSummary {
  @ApiProperty({ type: [ScormPackageProblem], description: 'Kept from the import; none block playing.' })
  warnings!: ScormPackageProblem[];

  @ApiProperty({ type: [ScormItemView], description: 'The organization learners take, as a tree.' })
  items!: ScormItemView[];

  @ApiProperty({
    type: ScormReplacement,
    nullable: true,
    description: 'SCO identifiers compared with the package this one replaced; null for the first.',
  })
  replacement!: ScormReplacement | null;
}

export class ScormDraftView {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty({ description: "The activity's title." })
  title!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ description: 'An archived course is read-only: uploads answer 409 until it is restored.' })
  courseArchived!: boolean;

  @ApiProperty({ type: ScormPackageView, nullable: true, description: 'Null until a package is uploaded.' })
  package!: ScormPackageView | null;

  @ApiProperty({ type: [ScormPackageSummary], description: 'Older uploads, newest first.' })
  history!: ScormPackageSummary[];
}
