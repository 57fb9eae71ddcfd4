import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { AgendaItem } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { agendaMinutes } from '../shared/people';

/**
 * The agenda in live mode. The current item is marked with aria-current, a thick border and
 * the word "now" (not colour alone); facilitators move everyone to another item from here.
 */
@Component({
  selector: 'kh-live-agenda',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe],
  template: `
    <section aria-labelledby="live-agenda-heading" data-testid="live-agenda">
      <h2 id="live-agenda-heading">{{ 'workshopLive.agenda' | t }}</h2>
      @if (agenda().length) {
        <ol class="kh-live-agenda">
          @for (item of agenda(); track item.id) {
            <li
              [class.kh-live-agenda__current]="item.id === currentId()"
              [attr.aria-current]="item.id === currentId() ? 'step' : null"
              data-testid="live-agenda-item"
            >
              <span class="kh-live-agenda__title">
                @if (item.id === currentId()) {
                  <span class="kh-badge">{{ 'workshopLive.now' | t }}</span>
                }
                {{ item.title }}
              </span>
              <span class="kh-muted">{{ 'workshop.minutes' | t: { minutes: item.minutes } }}</span>
              @if (facilitator() && item.id !== currentId()) {
                <button
                  matButton="outlined"
                  type="button"
                  data-testid="live-agenda-set"
                  [attr.aria-label]="'workshopLive.makeCurrentLabel' | t: { title: item.title }"
                  (click)="setCurrent.emit(item.id)"
                >
                  {{ 'workshopLive.makeCurrent' | t }}
                </button>
              }
            </li>
          }
        </ol>
        <p class="kh-muted">{{ 'workshop.totalTime' | t: { minutes: total() } }}</p>
        @if (facilitator() && currentId()) {
          <button matButton="text" type="button" data-testid="live-agenda-clear" (click)="setCurrent.emit(null)">
            {{ 'workshopLive.clearCurrent' | t }}
          </button>
        }
      } @else {
        <p>{{ 'workshop.noAgenda' | t }}</p>
      }
    </section>
  `,
  styles: `
    .kh-live-agenda {
      margin: 0;
      padding-inline-start: 1.5rem;
    }
    .kh-live-agenda li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      margin-block: 0.25rem;
      padding: 0.25rem 0.5rem;
      border-inline-start: 4px solid transparent;
    }
    .kh-live-agenda__current {
      border-inline-start-color: var(--mat-sys-primary) !important;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      font-weight: 700;
    }
    .kh-live-agenda__title {
      flex: 1 1 10rem;
    }
  `,
})
export class LiveAgendaComponent {
  readonly agenda = input.required<readonly AgendaItem[]>();
  readonly currentId = input<string | null>(null);
  readonly facilitator = input(false);
  readonly setCurrent = output<string | null>();

  protected readonly total = computed(() => agendaMinutes(this.agenda()));
}
