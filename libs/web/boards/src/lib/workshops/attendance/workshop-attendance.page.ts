import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { DateTimePipe, LabelPipe, remote, TranslatePipe } from '@kehittamo/web/core';
import { ORGANISATION_ROLES, type OrganisationRole } from '@kehittamo/shared/domain';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { FileDownloadsComponent, type FileDownload } from '../shared/file-downloads.component';
import { WorkshopNavComponent } from '../shared/workshop-nav.component';
import { WorkshopApi } from '../workshop.api';

/**
 * Who took part and for how long, for fee and funder reporting. Only facilitators and
 * coordinators get it (the server answers 403/404 to others, shown as an error). Roles are
 * shown here because this list is for them alone.
 */
@Component({
  selector: 'kh-workshop-attendance-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, DateTimePipe, LabelPipe, ErrorMessageComponent, WorkshopNavComponent, FileDownloadsComponent],
  template: `
    <h1>{{ 'workshopAttendance.title' | t }}@if (workshop.value(); as workshop) {: {{ workshop.title }}}</h1>
    @if (workshop.value(); as workshop) {
      <kh-workshop-nav [workshopId]="workshop.id" [role]="workshop.myRole" />
    }
    <kh-error-message [error]="attendance.error()" />

    @if (attendance.value(); as records) {
      <p class="kh-lead">{{ 'workshopAttendance.intro' | t }}</p>
      <kh-file-downloads [downloads]="downloads()" />
      @if (records.length) {
        <div class="kh-table-scroll" role="region" tabindex="0" aria-labelledby="attendance-caption">
          <table class="kh-table" data-testid="attendance-table">
            <caption id="attendance-caption">{{ 'workshopAttendance.caption' | t: { count: records.length, minutes: totalMinutes() } }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'workshopAttendance.name' | t }}</th>
                <th scope="col">{{ 'workshopAttendance.organisation' | t }}</th>
                <th scope="col">{{ 'workshopAttendance.role' | t }}</th>
                <th scope="col">{{ 'workshopAttendance.facilitator' | t }}</th>
                <th scope="col">{{ 'workshopAttendance.joined' | t }}</th>
                <th scope="col">{{ 'workshopAttendance.left' | t }}</th>
                <th scope="col">{{ 'workshopAttendance.minutes' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (record of records; track record.userId) {
                <tr data-testid="attendance-row">
                  <th scope="row">{{ record.displayName }}</th>
                  <td>{{ record.organisation ?? ('common.dash' | t) }}</td>
                  <td>
                    @if (record.role; as role) {
                      {{ isRole(role) ? (role | label: 'roles') : role }}
                    } @else {
                      {{ 'common.dash' | t }}
                    }
                  </td>
                  <td>{{ (record.facilitator ? 'workshopAttendance.yes' : 'workshopAttendance.no') | t }}</td>
                  <td>{{ record.firstJoinedAt | dateTime }}</td>
                  <td>{{ record.lastLeftAt ? (record.lastLeftAt | dateTime) : ('workshopAttendance.stillHere' | t) }}</td>
                  <td>{{ record.minutes }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p>{{ 'workshopAttendance.none' | t }}</p>
      }
    } @else if (attendance.loading()) {
      <p role="status">{{ 'common.loading' | t }}</p>
    }
  `,
})
export class WorkshopAttendancePage {
  private readonly api = inject(WorkshopApi);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly workshop = remote({ params: () => this.id(), load: (id: string) => this.api.get(id) });
  protected readonly attendance = remote({ params: () => this.id(), load: (id: string) => this.api.attendance(id) });
  protected readonly totalMinutes = computed(() => (this.attendance.value() ?? []).reduce((sum, record) => sum + record.minutes, 0));
  protected readonly isRole = (role: string): role is OrganisationRole => (ORGANISATION_ROLES as readonly string[]).includes(role);
  protected readonly downloads = computed<FileDownload[]>(() => {
    const id = this.id();
    return [
      {
        key: 'csv',
        label: 'workshopAttendance.csv',
        fetch: () => this.api.attendanceCsv(id),
        fallbackName: `${this.workshop.value()?.title ?? 'workshop'}-attendance.csv`,
      },
    ];
  });

  constructor() {
    effect(() => this.title.setDetail(this.workshop.value()?.title ?? null));
  }
}
