import { Global, Module } from '@nestjs/common';
import { CollabDocuments, DataAccessModule } from '@kehittamo/server/data-access';
import { CollabTokenController } from './auth/collab-token.controller';
import { CollabTokenService } from './auth/collab-token.service';
import { CollabServer } from './collab-server';
import { DocumentStore } from './persistence/document-store';

/**
 * The collaboration server: tokens over REST, documents over /collab WebSockets. Global, so
 * features reach documents through `CollabDocuments` without depending on this library.
 */
@Global()
@Module({
  imports: [DataAccessModule],
  controllers: [CollabTokenController],
  providers: [CollabTokenService, CollabServer, DocumentStore, { provide: CollabDocuments, useExisting: CollabServer }],
  exports: [CollabServer, CollabDocuments],
})
export class CollabModule {}
