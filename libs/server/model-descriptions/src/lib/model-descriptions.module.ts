import { Module } from '@nestjs/common';
import { DataAccessModule } from '@kehittamo/server/data-access';
import { ModelDescriptionController } from './model-description.controller';
import { ModelDescriptionService } from './model-description.service';
import { ModelExportService } from './model-export.service';
import { ModelLifecycleService } from './model-lifecycle.service';
import { ModelVersionService } from './model-version.service';

@Module({
  // CollabDocuments is bound globally by the collaboration server's module.
  imports: [DataAccessModule],
  controllers: [ModelDescriptionController],
  providers: [ModelDescriptionService, ModelVersionService, ModelLifecycleService, ModelExportService],
})
export class ModelDescriptionsModule {}
