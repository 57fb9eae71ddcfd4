import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { DateTimePipe, InvitationApi, LabelPipe, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { AcceptInvitationFormComponent } from './accept-invitation-form.component';

/** Opened from the invitation link `/invitation?token=…`; works logged out. */
@Component({
  selector: 'kh-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LabelPipe, DateTimePipe, ErrorMessageComponent, AcceptInvitationFormComponent],
  templateUrl: './invitation.page.html',
})
export class InvitationPage {
  private readonly api = inject(InvitationApi);

  readonly token = input<string>();

  protected readonly preview = remote({
    params: () => this.token() || undefined,
    load: (token: string) => this.api.preview(token),
  });
}
