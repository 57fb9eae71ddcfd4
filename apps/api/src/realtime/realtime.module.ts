import { Module } from '@nestjs/common';
import { AuthModule } from '@kehittamo/server/auth';
import { DataAccessModule } from '@kehittamo/server/data-access';
import { RealtimeGateway } from './realtime.gateway';

@Module({
  imports: [AuthModule, DataAccessModule],
  providers: [RealtimeGateway],
})
export class RealtimeModule {}
