import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';
import { StoredFile } from './stored-file.entity.js';
import { FILE_STORAGE } from './file-storage.js';
import { fileStorageProvider } from './storage.provider.js';

/**
 * Uploaded images and PDFs: a storage interface (local disk by default, S3-compatible when
 * configured), uploads checked by content, and serving. Courses use the service for covers.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StoredFile]), InstitutionsModule],
  controllers: [FilesController],
  providers: [FilesService, fileStorageProvider],
  exports: [FilesService, FILE_STORAGE],
})
export class FilesModule {}
