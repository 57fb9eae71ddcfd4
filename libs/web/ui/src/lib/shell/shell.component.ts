import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { NavigationEnd, Router, RouterLink, RouterLinkActive } from '@angular/router';
import { AuthStore, NotificationStore, TranslatePipe } from '@kehittamo/web/core';
import { filter } from 'rxjs';
import { LanguageSelectComponent } from './language-select.component';

/**
 * The frame around every page: skip link, header with navigation, language and
 * logout, and the <main> landmark the pages render into. On narrow screens the
 * navigation collapses behind a menu button (a disclosure, not an ARIA menu:
 * it holds ordinary links).
 */
@Component({
  selector: 'kh-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, RouterLink, RouterLinkActive, TranslatePipe, LanguageSelectComponent],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  // Escape closes the open mobile menu, as users expect of anything that pops open.
  host: { '(keydown.escape)': 'closeNav()' },
})
export class ShellComponent {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly navToggle = viewChild<ElementRef<HTMLButtonElement>>('navToggle');

  protected readonly me = this.auth.me;
  /** Unread notifications, live while logged in. */
  protected readonly unread = inject(NotificationStore).unread;
  protected readonly navOpen = signal(false);

  constructor() {
    let previousPath: string | null = null;
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        this.navOpen.set(false);
        const path = event.urlAfterRedirects.split(/[?#]/)[0];
        // The first page load starts at the top like any web page; later page changes
        // move focus to the new h1 so screen readers announce where the user is.
        // Query-only changes (same page) keep focus where it is.
        if (previousPath !== null && path !== previousPath) this.focusHeadingAfterRender();
        previousPath = path;
      });
  }

  protected toggleNav(): void {
    this.navOpen.update((open) => !open);
  }

  protected closeNav(): void {
    if (!this.navOpen()) return;
    this.navOpen.set(false);
    this.navToggle()?.nativeElement.focus();
  }

  /** `<base href="/">` would turn href="#main" into a navigation to the home page. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    const main = this.main().nativeElement;
    main.focus();
    main.scrollIntoView();
  }

  protected logout(): void {
    this.auth.logout().subscribe({
      complete: () => void this.router.navigateByUrl('/login'),
      error: () => void this.router.navigateByUrl('/login'),
    });
  }

  private focusHeadingAfterRender(): void {
    afterNextRender(
      () => {
        const heading = this.document.querySelector<HTMLElement>('main h1');
        if (!heading) return;
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
      },
      { injector: this.injector },
    );
  }
}
