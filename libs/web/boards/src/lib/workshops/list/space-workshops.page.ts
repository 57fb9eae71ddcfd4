import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { remote, SpaceApi, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { WorkshopApi } from '../workshop.api';
import { WorkshopListComponent } from './workshop-list.component';

/** One space's workshops; people with edit rights there can plan a new one. */
@Component({
  selector: 'kh-space-workshops-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, ErrorMessageComponent, WorkshopListComponent],
  template: `
    <p><a [routerLink]="['/spaces', spaceId()]">{{ 'workshops.backToSpace' | t }}</a></p>
    <h1>{{ 'workshops.title' | t }}@if (space.value(); as space) {: {{ space.name }}}</h1>
    <p class="kh-lead">{{ 'workshops.spaceIntro' | t }}</p>
    <p><a routerLink="/workshops" data-testid="all-workshops-link">{{ 'workshops.allWorkshops' | t }}</a></p>

    @if (canEdit()) {
      <p>
        <a class="kh-workshop-plan" [routerLink]="['/spaces', spaceId(), 'workshops', 'new']" data-testid="workshop-plan-link">
          {{ 'workshops.plan' | t }}
        </a>
      </p>
    }

    <kh-error-message [error]="space.error() ?? workshops.error()" />
    @if (workshops.value(); as list) {
      <kh-workshop-list [workshops]="list" />
    } @else if (workshops.loading()) {
      <p role="status">{{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    /* A link that starts something, drawn like a filled button with a 44 px target. */
    .kh-workshop-plan {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0 1.25rem;
      border-radius: 22px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font: var(--mat-sys-label-large);
      text-decoration: none;
    }
  `,
})
export class SpaceWorkshopsPage {
  private readonly api = inject(WorkshopApi);
  private readonly spaces = inject(SpaceApi);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:spaceId`. */
  readonly spaceId = input.required<string>();

  protected readonly space = remote({ params: () => this.spaceId(), load: (id: string) => this.spaces.get(id) });
  protected readonly workshops = remote({ params: () => this.spaceId(), load: (id: string) => this.api.list(id) });
  protected readonly canEdit = computed(() => this.space.value()?.access === 'edit');

  constructor() {
    effect(() => this.title.setDetail(this.space.value()?.name ?? null));
  }
}
