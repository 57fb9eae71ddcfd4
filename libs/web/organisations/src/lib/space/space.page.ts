import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LabelPipe, remote, SpaceApi, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { SpaceBoardsComponent } from './space-boards.component';
import { SpaceMembersComponent } from './space-members.component';

/** One space: what it is, what the user may do in it, its boards, and who else is there. */
@Component({
  selector: 'kh-space-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LabelPipe, ErrorMessageComponent, SpaceBoardsComponent, SpaceMembersComponent],
  templateUrl: './space.page.html',
})
export class SpacePage {
  private readonly api = inject(SpaceApi);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly space = remote({ params: () => this.id(), load: (id: string) => this.api.get(id) });

  constructor() {
    effect(() => this.title.setDetail(this.space.value()?.name ?? null));
  }
}
