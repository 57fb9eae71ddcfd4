import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Space } from '@kehittamo/shared/domain';
import { LabelPipe, TranslatePipe } from '@kehittamo/web/core';

/** One space in the list: its name links to it; the user's own access is spelled out. */
@Component({
  selector: 'kh-space-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LabelPipe],
  template: `
    <h3 class="kh-space-card__title">
      <a [routerLink]="['/spaces', space().id]" data-testid="space-link">{{ space().name }}</a>
    </h3>
    @if (space().description) {
      <p class="kh-space-card__description">{{ space().description }}</p>
    }
    <p class="kh-space-card__facts">
      <span class="kh-badge" data-testid="space-access">
        {{ 'spaces.yourAccess' | t: { access: (space().access | label: 'access') } }}
      </span>
      <span>{{ 'spaces.memberCount' | t: { count: space().memberCount } }}</span>
      @if (organisationName(); as name) {
        <span>{{ 'spaces.organisation' | t: { name } }}</span>
      }
    </p>
  `,
  styles: `
    .kh-space-card__title {
      margin: 0 0 0.5rem;
    }
    .kh-space-card__title a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
    }
    .kh-space-card__description {
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
      white-space: pre-line;
    }
    .kh-space-card__facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin-bottom: 0;
    }
  `,
})
export class SpaceCardComponent {
  readonly space = input.required<Space>();
  readonly organisationName = input<string | undefined>();
}
