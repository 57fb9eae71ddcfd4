export * from './lib/materials.module';
export * from './lib/material-processing.service';
export * from './lib/storage/object-storage';
