import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@kehittamo/web/core';

/** Links between a model's pages (description, versions, download and copy); the current one is aria-current. */
@Component({
  selector: 'kh-model-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  template: `
    <nav class="kh-model-nav" [attr.aria-label]="'models.pagesLabel' | t">
      <ul>
        <li>
          <a
            data-testid="model-nav-editor"
            [routerLink]="['/models', modelId()]"
            routerLinkActive="kh-model-nav__active"
            ariaCurrentWhenActive="page"
            [routerLinkActiveOptions]="{ exact: true }"
            >{{ 'models.editorPage' | t }}</a
          >
        </li>
        <li>
          <a
            data-testid="model-nav-versions"
            [routerLink]="['/models', modelId(), 'versions']"
            routerLinkActive="kh-model-nav__active"
            ariaCurrentWhenActive="page"
            >{{ 'models.versionsPage' | t }}</a
          >
        </li>
        <li>
          <a
            data-testid="model-nav-export"
            [routerLink]="['/models', modelId(), 'export']"
            routerLinkActive="kh-model-nav__active"
            ariaCurrentWhenActive="page"
            >{{ 'models.exportPage' | t }}</a
          >
        </li>
      </ul>
    </nav>
  `,
  styles: `
    .kh-model-nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .kh-model-nav a {
      display: inline-block;
      padding: 0.625rem 0.25rem;
      font-weight: 600;
    }
    /* The current page: a thick underline and bold text, and aria-current for screen readers. */
    .kh-model-nav a.kh-model-nav__active {
      color: var(--mat-sys-on-surface);
      text-decoration: none;
      border-bottom: 4px solid var(--mat-sys-primary);
    }
  `,
})
export class ModelNavComponent {
  readonly modelId = input.required<string>();
}
