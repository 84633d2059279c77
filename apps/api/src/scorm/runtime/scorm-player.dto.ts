import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

const COMPLETIONS = ['not attempted', 'incomplete', 'completed', 'unknown'] as const;
const SUCCESSES = ['passed', 'failed', 'unknown'] as const;
export const NAV_REQUESTS = [
  'start',
  'resumeAll',
  'continue',
  'previous',
  'choice',
  'exit',
  'exitAll',
] as const;

/** One item of the organization as the learner's table of contents shows it. */
export class ScormTocItem {
  @ApiProperty()
  identifier!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['sco', 'asset'], nullable: true, type: String, description: 'null for a container.' })
  scormType!: 'sco' | 'asset' | null;

  @ApiProperty({ description: 'isvisible: false items are delivered by flow but not listed.' })
  visible!: boolean;

  @ApiProperty({ description: 'It opens a page (a SCO or an asset), not only groups others.' })
  launchable!: boolean;

  @ApiProperty({
    description: 'Sequencing does not let it be delivered now (a rule, a 1.2 prerequisite, a limit).',
  })
  disabled!: boolean;

  @ApiProperty({ description: 'The learner may not choose it from the table of contents.' })
  hiddenFromChoice!: boolean;

  @ApiProperty({ enum: COMPLETIONS })
  completion!: (typeof COMPLETIONS)[number];

  @ApiProperty({ enum: SUCCESSES })
  success!: (typeof SUCCESSES)[number];

  @ApiProperty({ type: Number, nullable: true })
  scoreScaled!: number | null;

  @ApiProperty({ type: () => [ScormTocItem] })
  children!: ScormTocItem[];
}

export class ScormControls {
  @ApiProperty({ description: 'The learner may choose items from the table of contents.' })
  choice!: boolean;

  @ApiProperty({ description: 'Previous / continue may be used.' })
  flow!: boolean;

  @ApiProperty({ description: 'Previous is never allowed.' })
  forwardOnly!: boolean;
}

export class ScormPlayerView {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['1.2', '2004-2nd', '2004-3rd', '2004-4th'] })
  scormVersion!: string;

  @ApiProperty({ format: 'uuid' })
  packageId!: string;

  @ApiProperty({ type: [ScormTocItem] })
  tree!: ScormTocItem[];

  @ApiProperty({
    type: ScormControls,
    description: "The organization's control mode (1.2: choice and flow).",
  })
  controls!: ScormControls;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The SCO with a suspended attempt, which start resumes.',
  })
  resumeScoId!: string | null;

  @ApiProperty({ enum: ['not-started', 'started', 'completed'] })
  activityStatus!: 'not-started' | 'started' | 'completed';
}

export class ScormLaunchSettings {
  @ApiProperty({
    description:
      "scorm-again's mastery_override: false, because the server decides passed/failed from the mastery score.",
  })
  masteryOverride!: boolean;
}

export class ScormLaunch {
  @ApiProperty({ format: 'uuid', description: 'This launch’s session: commits name it.' })
  sessionId!: string;

  @ApiProperty()
  scoId!: string;

  @ApiProperty({ description: "The attempt's number for this SCO, from 1." })
  attemptNumber!: number;

  @ApiProperty({ enum: ['ab-initio', 'resume', ''] })
  entry!: 'ab-initio' | 'resume' | '';

  @ApiProperty({
    description:
      "The page to open in the frame: the package's file route with the item's parameters, or an http(s) address.",
  })
  launchUrl!: string;

  @ApiProperty({ enum: ['sco', 'asset'] })
  scormType!: 'sco' | 'asset';

  @ApiProperty({ description: 'Where scorm-again posts its commits (lmsCommitUrl).' })
  commitUrl!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "For scorm-again's api.loadFromJSON(cmi, '') before the frame loads: the elements under `cmi.` (LMS-owned values, and a resumed attempt's location, suspend data, statuses and objectives).",
  })
  cmi!: Record<string, unknown>;

  @ApiProperty({ type: ScormLaunchSettings })
  settings!: ScormLaunchSettings;

  @ApiProperty({
    type: [String],
    description:
      "The item's adlnav hideLMSUI values (previous, continue, exit, exitAll, …): the player controls the package asks to hide; [] for 1.2.",
  })
  hideLmsUi!: string[];
}

export class ScormNavigationRequest {
  @ApiProperty({ enum: NAV_REQUESTS })
  @IsIn(NAV_REQUESTS)
  request!: (typeof NAV_REQUESTS)[number];

  @ApiPropertyOptional({ description: 'The item to go to, for choice.' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  target?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The session being left: its final commit is waited for (briefly) before sequencing.',
  })
  @IsOptional()
  @IsUUID()
  fromSessionId?: string;
}

export class ScormNavigationResult {
  @ApiProperty({
    type: ScormLaunch,
    nullable: true,
    description: 'The SCO to open now; null when nothing is.',
  })
  delivery!: ScormLaunch | null;

  @ApiProperty({ description: 'The learner left the package (exit, exitAll, or flow ran past the end).' })
  ended!: boolean;

  @ApiProperty({ type: ScormPlayerView })
  player!: ScormPlayerView;
}

export class ScormCommitResult {
  @ApiProperty({ enum: ['true', 'false'], description: 'What LMSCommit / Commit returns to the SCO.' })
  result!: 'true' | 'false';

  @ApiProperty({ description: '0, or the SCORM error code the SCO reads from GetLastError.' })
  errorCode!: number;
}
