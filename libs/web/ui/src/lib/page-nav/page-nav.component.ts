import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe, type TranslationKey } from '@kehittamo/web/core';

/** One link of a {@link PageNavComponent}. */
export interface PageNavLink {
  /** Router commands, e.g. `['/models', id, 'versions']`. */
  link: readonly string[];
  label: TranslationKey;
  testId: string;
  /** Active only on exactly this address (the first page, whose address starts all others). */
  exact?: boolean;
}

/** Links between the pages of one thing (a model description, a workshop); the current one is aria-current. */
@Component({
  selector: 'kh-page-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  template: `
    <nav class="kh-page-nav" [attr.aria-label]="label() | t">
      <ul>
        @for (entry of links(); track entry.testId) {
          <li>
            <a
              [attr.data-testid]="entry.testId"
              [routerLink]="entry.link"
              routerLinkActive="kh-page-nav__active"
              ariaCurrentWhenActive="page"
              [routerLinkActiveOptions]="{ exact: entry.exact ?? false }"
              >{{ entry.label | t }}</a
            >
          </li>
        }
      </ul>
    </nav>
  `,
  styles: `
    .kh-page-nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .kh-page-nav a {
      display: inline-block;
      padding: 0.625rem 0.25rem;
      font-weight: 600;
    }
    /* The current page: a thick underline and bold text, and aria-current for screen readers. */
    .kh-page-nav a.kh-page-nav__active {
      color: var(--mat-sys-on-surface);
      text-decoration: none;
      border-bottom: 4px solid var(--mat-sys-primary);
    }
  `,
})
export class PageNavComponent {
  readonly label = input.required<TranslationKey>();
  readonly links = input.required<readonly PageNavLink[]>();
}
