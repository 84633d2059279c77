import { ApiProperty } from '@nestjs/swagger';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ example: 42, description: 'Seconds since this process started.' })
  uptimeSeconds!: number;
}

class ComponentStatus {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';
}

class ReadinessComponents {
  @ApiProperty({ type: ComponentStatus })
  database!: ComponentStatus;
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ type: ReadinessComponents })
  info!: ReadinessComponents;
}
