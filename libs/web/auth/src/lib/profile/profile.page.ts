import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthStore, LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { ChangePasswordFormComponent } from './change-password-form.component';
import { ProfileDetailsFormComponent } from './profile-details-form.component';
import { RoleVisibilityComponent } from './role-visibility.component';
import { SignOutEverywhereComponent } from './sign-out-everywhere.component';

@Component({
  selector: 'kh-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    TranslatePipe,
    LabelPipe,
    ProfileDetailsFormComponent,
    ChangePasswordFormComponent,
    SignOutEverywhereComponent,
    RoleVisibilityComponent,
  ],
  templateUrl: './profile.page.html',
})
export class ProfilePage {
  protected readonly me = inject(AuthStore).me;
}
