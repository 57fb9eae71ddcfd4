import { FoundationSchema1764000000000 } from './1764000000000-foundation-schema';

/** Every migration in order. Listed explicitly so the webpack bundle carries them. */
export const MIGRATIONS = [FoundationSchema1764000000000];
