import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { Workshop } from '@kehittamo/shared/domain';
import { remote, SpaceApi, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { WorkshopFormComponent } from './workshop-form.component';

/** Plans a new workshop in a space (edit rights there); opens it once saved. */
@Component({
  selector: 'kh-new-workshop-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, ErrorMessageComponent, WorkshopFormComponent],
  template: `
    <p><a [routerLink]="['/spaces', spaceId(), 'workshops']">{{ 'workshopForm.backToList' | t }}</a></p>
    <h1>{{ 'workshopForm.newTitle' | t }}</h1>
    <kh-error-message [error]="space.error()" />
    @if (space.value(); as space) {
      @if (space.access === 'edit') {
        <p class="kh-lead">{{ 'workshopForm.newIntro' | t: { space: space.name } }}</p>
        <kh-workshop-form [spaceId]="space.id" (saved)="open($event)" (cancelled)="back()" />
      } @else {
        <kh-error-message [message]="'workshopForm.noEditRights' | t" />
      }
    } @else if (space.loading()) {
      <p role="status">{{ 'common.loading' | t }}</p>
    }
  `,
})
export class NewWorkshopPage {
  private readonly spaces = inject(SpaceApi);
  private readonly router = inject(Router);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:spaceId`. */
  readonly spaceId = input.required<string>();

  protected readonly space = remote({ params: () => this.spaceId(), load: (id: string) => this.spaces.get(id) });
  protected readonly spaceName = computed(() => this.space.value()?.name ?? null);

  constructor() {
    effect(() => this.title.setDetail(this.spaceName()));
  }

  protected open(workshop: Workshop): void {
    void this.router.navigate(['/workshops', workshop.id]);
  }

  protected back(): void {
    void this.router.navigate(['/spaces', this.spaceId(), 'workshops']);
  }
}
