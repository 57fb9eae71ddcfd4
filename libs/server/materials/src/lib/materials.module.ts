import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@kehittamo/server/core';
import { DataAccessModule } from '@kehittamo/server/data-access';
import { join } from 'node:path';
import { CollectionController } from './collection.controller';
import { CollectionService } from './collection.service';
import { MaterialController } from './material.controller';
import { MaterialFileService } from './material-file.service';
import { MaterialProcessingService } from './material-processing.service';
import { MaterialService } from './material.service';
import { LocalDiskStorage } from './storage/local-disk-storage';
import { OBJECT_STORAGE, type ObjectStorage } from './storage/object-storage';
import { S3Storage } from './storage/s3-storage';

/** S3-compatible storage when S3_BUCKET is set, otherwise DATA_DIR/materials on local disk. */
export function createObjectStorage(config: AppConfig): ObjectStorage {
  if (config.S3_BUCKET) {
    new Logger('Materials').log(`Material files in S3 bucket ${config.S3_BUCKET}${config.S3_ENDPOINT ? ` at ${config.S3_ENDPOINT}` : ''}`);
    return new S3Storage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      prefix: config.S3_PREFIX,
      tempDir: join(config.DATA_DIR, 'materials-tmp'),
    });
  }
  return new LocalDiskStorage(join(config.DATA_DIR, 'materials'));
}

/** The peer-learning material library: files, links, notes, search, collections. */
@Module({
  imports: [DataAccessModule],
  controllers: [MaterialController, CollectionController],
  providers: [
    { provide: OBJECT_STORAGE, inject: [APP_CONFIG], useFactory: createObjectStorage },
    MaterialService,
    MaterialFileService,
    MaterialProcessingService,
    CollectionService,
  ],
  exports: [OBJECT_STORAGE, MaterialProcessingService],
})
export class MaterialsModule {}
