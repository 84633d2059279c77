import { Module } from '@nestjs/common';
import { RichTextService } from './rich-text.service.js';

/** No routes and no state: import it where documents are stored or shown. */
@Module({ providers: [RichTextService], exports: [RichTextService] })
export class RichTextModule {}
