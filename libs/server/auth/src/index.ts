export * from './lib/auth.module';
export * from './lib/session.service';
export { hashPassword, verifyPassword } from './lib/password-hasher';
