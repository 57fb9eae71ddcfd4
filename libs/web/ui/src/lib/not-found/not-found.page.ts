import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@kehittamo/web/core';

/** Shown for unknown addresses. */
@Component({
  selector: 'kh-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  template: `
    <h1>{{ 'notFound.title' | t }}</h1>
    <p>{{ 'notFound.text' | t }}</p>
    <p><a routerLink="/">{{ 'notFound.home' | t }}</a></p>
  `,
})
export class NotFoundPage {}
