import { Module } from '@nestjs/common';
import { DataAccessModule } from '@kehittamo/server/data-access';
import { CollabTokenController } from './auth/collab-token.controller';
import { CollabTokenService } from './auth/collab-token.service';
import { CollabServer } from './collab-server';
import { DocumentStore } from './persistence/document-store';

/** The collaboration server: tokens over REST, documents over /collab WebSockets. */
@Module({
  imports: [DataAccessModule],
  controllers: [CollabTokenController],
  providers: [CollabTokenService, CollabServer, DocumentStore],
  exports: [CollabServer],
})
export class CollabModule {}
