import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformSetting } from './platform-setting.entity.js';
import { PlatformSettingsService } from './platform-settings.service.js';
import { SettingsController } from './settings.controller.js';

/** Global: sign-up (and later features) read platform switches here. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PlatformSetting])],
  controllers: [SettingsController],
  providers: [PlatformSettingsService],
  exports: [PlatformSettingsService],
})
export class SettingsModule {}
