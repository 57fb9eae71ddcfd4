import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProgressTask, WorkPackageProgress } from '@kehittamo/shared/domain';
import { I18nService, LabelPipe, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { ProgressApi } from '../progress.api';
import { DayPipe, formatDay, formatPercent, PercentagePipe } from '../shared/format';
import { ProgressNavComponent } from '../shared/progress-nav.component';
import { isoDay, PROJECT_END, PROJECT_START } from '../shared/quarters';

const DAY = 24 * 60 * 60 * 1000;
const dayNumber = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY;
};
const START = dayNumber(PROJECT_START);
/** The project's length in days, the end day included. */
const SPAN = dayNumber(PROJECT_END) + 1 - START;

/** Where a day falls on the timeline, 0–100 % (clamped to the project). */
export function position(iso: string): number {
  const offset = Math.min(SPAN, Math.max(0, dayNumber(iso) - START));
  return Math.round((offset / SPAN) * 10_000) / 100;
}

interface Bar {
  task: ProgressTask;
  /** % from the left and width in % (a milestone or a task without a start is a point). */
  left: number;
  width: number;
  point: boolean;
  name: string;
}

interface Row {
  wp: WorkPackageProgress;
  bars: Bar[];
}

interface Tick {
  key: string;
  left: number;
  label: string;
  quarter: boolean;
}

/**
 * A Gantt-style timeline of the project (1.8.2024–31.12.2026): a row per work package with its
 * tasks and milestones as bars and diamonds over a month and quarter grid, and today's line.
 * Status is in each bar's name and beside it in words, and shown by pattern, not colour alone.
 * Every bar is a link to its work package; the same items follow as a table.
 */
@Component({
  selector: 'kh-timeline-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LabelPipe, DayPipe, PercentagePipe, ErrorMessageComponent, ProgressNavComponent],
  templateUrl: './timeline.page.html',
  styleUrls: ['../shared/progress.scss', './timeline.page.scss'],
})
export class TimelinePage {
  private readonly api = inject(ProgressApi);
  private readonly i18n = inject(I18nService);

  protected readonly permissions = remote({ params: () => true, load: () => this.api.permissions() });
  protected readonly workPackages = remote({ params: () => true, load: () => this.api.workPackages() });

  /** Today's line, only while the project runs. */
  protected readonly today = (() => {
    const day = isoDay(new Date());
    return day >= PROJECT_START && day <= PROJECT_END ? { day, left: position(day) } : null;
  })();

  /** A line at the start of each month; quarters are labelled ("2025-Q1"). */
  protected readonly ticks: readonly Tick[] = (() => {
    const ticks: Tick[] = [];
    for (let year = 2024, month = 8; year < 2027; month === 12 ? ((month = 1), year++) : month++) {
      const key = `${year}-${String(month).padStart(2, '0')}-01`;
      const quarter = month % 3 === 1;
      ticks.push({ key, left: position(key), quarter, label: quarter ? `${year}-Q${(month + 2) / 3}` : '' });
    }
    return ticks;
  })();

  protected readonly rows = computed<Row[]>(() =>
    (this.workPackages.value() ?? []).map((wp) => ({ wp, bars: wp.tasks.map((task) => this.bar(task)) })),
  );

  private bar(task: ProgressTask): Bar {
    const point = task.kind === 'milestone' || !task.startsOn;
    const end = position(task.dueOn);
    const left = point ? end : Math.min(end, position(task.startsOn ?? task.dueOn));
    return { task, point, left, width: point ? 0 : Math.max(0.4, end - left), name: this.name(task) };
  }

  /** "TP1 Monialaisen tiimin pilotti, 1.1.2025–30.6.2026, ajallaan, 55 %". */
  private name(task: ProgressTask): string {
    const locale = this.i18n.locale();
    const due = formatDay(task.dueOn, locale);
    const dates = task.startsOn && task.kind === 'task' ? `${formatDay(task.startsOn, locale)}–${due}` : due;
    const status = this.i18n.label('taskStatuses', task.status).toLocaleLowerCase(locale);
    const kind = task.kind === 'milestone' ? `${this.i18n.label('taskKinds', 'milestone')}: ` : '';
    return `${task.workPackageCode} ${kind}${task.title}, ${dates}, ${status}, ${formatPercent(task.percent, locale)}`;
  }
}
