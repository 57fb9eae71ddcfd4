import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ShellComponent } from '@kehittamo/web/ui';

@Component({
  selector: 'kh-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, ShellComponent],
  template: `<kh-shell><router-outlet /></kh-shell>`,
})
export class App {}
