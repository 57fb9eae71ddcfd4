import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { attachmentDisposition, CurrentUser, type AuthenticatedUser } from '@kehittamo/server/core';
import type {
  AttendanceRecord,
  FeedbackTrend,
  LiveStateEvent,
  SendToModelResult,
  Workshop,
  WorkshopFeedbackSummary,
  WorkshopListItem,
  WorkshopPerson,
  WorkshopSummary,
} from '@kehittamo/shared/domain';
import type { Response } from 'express';
import { AttendanceService } from './after/attendance.service';
import { FeedbackService } from './after/feedback.service';
import { summaryMarkdown, summaryPdf } from './after/summary-export';
import { SummaryService } from './after/summary.service';
import {
  CreateWorkshopDto,
  FeedbackTrendQueryDto,
  PeopleQueryDto,
  SendToModelDto,
  UpdateWorkshopDto,
  WorkshopFeedbackDto,
  WorkshopListQueryDto,
} from './dto/workshop.dto';
import { LiveService } from './live/live.service';
import { WorkshopService } from './workshop.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** A file name from the workshop's title: letters, digits and dashes. */
const fileName = (title: string, extension: string) =>
  `${title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'workshop'}.${extension}`;

@ApiTags('workshops')
@Controller('workshops')
export class WorkshopController {
  constructor(
    private readonly workshops: WorkshopService,
    private readonly live: LiveService,
    private readonly attendance: AttendanceService,
    private readonly feedback: FeedbackService,
    private readonly summaries: SummaryService,
  ) {}

  /** Workshops the user can see (in one space with `spaceId`): upcoming and live first, soonest first; then past ones. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: WorkshopListQueryDto): Promise<WorkshopListItem[]> {
    return this.workshops.list(user, query.spaceId);
  }

  /** People who can be invited: everyone with access to the space. */
  @Get('people')
  people(@CurrentUser() user: AuthenticatedUser, @Query() query: PeopleQueryDto): Promise<WorkshopPerson[]> {
    return this.workshops.people(user, query.spaceId, query.q);
  }

  @Get('feedback/trend')
  trend(@CurrentUser() user: AuthenticatedUser, @Query() query: FeedbackTrendQueryDto): Promise<FeedbackTrend> {
    return this.feedback.trend(user, query.organisationId);
  }

  /** Needs edit rights in the space; the creator facilitates. */
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateWorkshopDto): Promise<Workshop> {
    return this.workshops.create(user, dto);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<Workshop> {
    return this.workshops.get(user, id);
  }

  /** Facilitators only. */
  @Patch(':id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: UpdateWorkshopDto): Promise<Workshop> {
    return this.workshops.update(user, id, dto);
  }

  /** Facilitators only. The workshop's board stays in the space. */
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<void> {
    await this.workshops.remove(user, id);
  }

  /** The live state as everyone in live mode sees it (a reload shows the same). */
  @Get(':id/live')
  async liveState(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<LiveStateEvent> {
    await this.workshops.access(user, id);
    return this.live.stateEvent(id);
  }

  @Get(':id/attendance')
  attendanceList(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<AttendanceRecord[]> {
    return this.attendance.list(user, id);
  }

  @Get(':id/attendance.csv')
  async attendanceCsv(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    const { row } = await this.workshops.access(user, id);
    const body = Buffer.from(`\uFEFF${await this.attendance.csv(user, id)}`, 'utf8');
    this.send(res, body, 'text/csv; charset=utf-8', fileName(`${row.title}-attendance`, 'csv'));
  }

  @Get(':id/feedback')
  feedbackSummary(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<WorkshopFeedbackSummary> {
    return this.feedback.summary(user, id);
  }

  /** Once per invited person; anonymous (only averages from three answers up are ever shown). */
  @Post(':id/feedback')
  @HttpCode(204)
  async giveFeedback(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: WorkshopFeedbackDto): Promise<void> {
    await this.feedback.give(user, id, dto);
  }

  @Get(':id/summary')
  summary(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<WorkshopSummary> {
    return this.summaries.summary(user, id);
  }

  @Get(':id/summary.md')
  async summaryMd(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    const summary = await this.summaries.summary(user, id);
    const body = Buffer.from(summaryMarkdown(summary, user.language), 'utf8');
    this.send(res, body, 'text/markdown; charset=utf-8', fileName(summary.workshop.title, 'md'));
  }

  @Get(':id/summary.pdf')
  async summaryPdfFile(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    const summary = await this.summaries.summary(user, id);
    const body = await summaryPdf(summary, user.language);
    this.send(res, body, 'application/pdf', fileName(summary.workshop.title, 'pdf'));
  }

  /** Chosen notes to a model description's section (edit rights to the description). */
  @Post(':id/send-to-model')
  sendToModel(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: SendToModelDto): Promise<SendToModelResult> {
    return this.summaries.sendToModel(user, id, dto);
  }

  private send(res: Response, body: Buffer, contentType: string, name: string): void {
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', attachmentDisposition(name));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', String(body.byteLength));
    res.end(body);
  }
}
