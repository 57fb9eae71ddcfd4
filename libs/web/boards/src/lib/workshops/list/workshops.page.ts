import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthStore, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { WorkshopApi } from '../workshop.api';
import { FeedbackTrendComponent } from './feedback-trend.component';
import { WorkshopListComponent } from './workshop-list.component';

/** Every workshop the user can see, across spaces: live now, upcoming, past. */
@Component({
  selector: 'kh-workshops-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorMessageComponent, WorkshopListComponent, FeedbackTrendComponent],
  template: `
    <h1>{{ 'workshops.title' | t }}</h1>
    <p class="kh-lead">{{ 'workshops.intro' | t }}</p>

    <kh-error-message [error]="workshops.error()" />
    @if (workshops.value(); as list) {
      <kh-workshop-list [workshops]="list" />
    } @else if (workshops.loading()) {
      <p role="status">{{ 'common.loading' | t }}</p>
    }

    @if (canManage()) {
      <kh-feedback-trend />
    }
  `,
})
export class WorkshopsPage {
  private readonly api = inject(WorkshopApi);

  protected readonly canManage = inject(AuthStore).canManage;
  protected readonly workshops = remote({ params: () => true, load: () => this.api.list() });
}
