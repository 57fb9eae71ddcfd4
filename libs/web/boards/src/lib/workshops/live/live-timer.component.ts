import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { WORKSHOP_LIMITS, type LiveCommand, type LiveTimer } from '@kehittamo/shared/domain';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';
import { Chime } from './chime';
import { formatRemaining, timerMilestone, timerPhase, timerRemainingMs, ONE_MINUTE_MS } from './live-state';

const MAX_MINUTES = WORKSHOP_LIMITS.timerMaxMs / ONE_MINUTE_MS;

/**
 * The shared timer, the same on every screen (server time, corrected for this device's clock).
 * Screen readers hear it only when it starts, at one minute left and at the end; the digits
 * themselves are not a live region. At the end: a clear visual state, words, and a chime that
 * can be muted. Facilitators get start (minutes), pause, resume, extend and clear.
 */
@Component({
  selector: 'kh-live-timer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe],
  providers: [Chime],
  template: `
    <section class="kh-timer" [class.kh-timer--ended]="phase() === 'ended'" aria-labelledby="live-timer-heading" data-testid="live-timer">
      <h2 id="live-timer-heading">{{ 'workshopLive.timer' | t }}</h2>
      @if (remaining() !== null) {
        <p class="kh-timer__digits" role="timer" aria-atomic="true" data-testid="live-timer-digits">
          <span class="kh-visually-hidden">{{ 'workshopLive.timeLeft' | t }}</span>
          {{ digits() }}
        </p>
        <p class="kh-timer__state" data-testid="live-timer-state">
          @switch (phase()) {
            @case ('paused') {
              <span aria-hidden="true">⏸ </span>{{ 'workshopLive.timerPaused' | t }}
            }
            @case ('ended') {
              <span aria-hidden="true">🔔 </span>{{ 'workshopLive.timerEnded' | t }}
            }
            @default {
              {{ 'workshopLive.timerRunning' | t }}
            }
          }
        </p>
      } @else {
        <p class="kh-muted">{{ 'workshopLive.noTimer' | t }}</p>
      }
      <p class="kh-visually-hidden" role="status" data-testid="live-timer-announcement">{{ announcement() }}</p>

      <button
        matButton="text"
        type="button"
        data-testid="live-timer-mute"
        [attr.aria-pressed]="chime.muted()"
        (click)="chime.setMuted(!chime.muted())"
      >
        <span aria-hidden="true">{{ chime.muted() ? '🔇' : '🔔' }}</span>
        {{ 'workshopLive.muteChime' | t }}
      </button>

      @if (facilitator()) {
        <div class="kh-timer__controls">
          <form class="kh-timer__start" (submit)="start($event)">
            <label for="live-timer-minutes">{{ 'workshopLive.timerMinutes' | t }}</label>
            <input
              id="live-timer-minutes"
              type="number"
              inputmode="numeric"
              min="1"
              [max]="maxMinutes"
              data-testid="live-timer-minutes"
              [value]="minutes()"
              (input)="minutes.set(number($event))"
            />
            <button matButton="outlined" type="submit" data-testid="live-timer-start">{{ 'workshopLive.timerStart' | t }}</button>
          </form>
          @if (phase() === 'running') {
            <button matButton="outlined" type="button" data-testid="live-timer-pause" (click)="liveCommand.emit({ type: 'timer.pause' })">
              {{ 'workshopLive.timerPause' | t }}
            </button>
          }
          @if (phase() === 'paused') {
            <button matButton="outlined" type="button" data-testid="live-timer-resume" (click)="liveCommand.emit({ type: 'timer.resume' })">
              {{ 'workshopLive.timerResume' | t }}
            </button>
          }
          @if (remaining() !== null) {
            <button matButton="outlined" type="button" data-testid="live-timer-plus1" (click)="liveCommand.emit({ type: 'timer.extend', ms: oneMinute })">
              {{ 'workshopLive.timerExtend' | t: { minutes: 1 } }}
            </button>
            <button matButton="outlined" type="button" data-testid="live-timer-plus5" (click)="liveCommand.emit({ type: 'timer.extend', ms: 5 * oneMinute })">
              {{ 'workshopLive.timerExtend' | t: { minutes: 5 } }}
            </button>
            <button matButton="outlined" type="button" data-testid="live-timer-clear" (click)="liveCommand.emit({ type: 'timer.clear' })">
              {{ 'workshopLive.timerClear' | t }}
            </button>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .kh-timer {
      padding: 0.75rem 1rem;
      border: 2px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .kh-timer h2 {
      margin: 0;
    }
    .kh-timer__digits {
      margin: 0.25rem 0 0;
      font: var(--mat-sys-display-small);
      font-variant-numeric: tabular-nums;
    }
    .kh-timer__state {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    /* The end: a thick border, inverted colours and the words "Time is up". */
    .kh-timer--ended {
      border: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .kh-timer__controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .kh-timer__start {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      width: 100%;
    }
    .kh-timer__start input {
      width: 5rem;
      min-height: 44px;
      padding: 0 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      font: inherit;
    }
  `,
})
export class LiveTimerComponent {
  protected readonly chime = inject(Chime);
  private readonly i18n = inject(I18nService);

  readonly timer = input.required<LiveTimer | null>();
  /** Server clock minus this device's clock. */
  readonly clockOffset = input(0);
  readonly facilitator = input(false);
  readonly liveCommand = output<LiveCommand>();

  protected readonly oneMinute = ONE_MINUTE_MS;
  protected readonly maxMinutes = MAX_MINUTES;
  protected readonly minutes = signal(5);
  private readonly now = signal(Date.now());
  protected readonly remaining = computed(() => timerRemainingMs(this.timer(), this.now() + this.clockOffset()));
  protected readonly phase = computed(() => timerPhase(this.timer(), this.remaining()));
  protected readonly digits = computed(() => formatRemaining(this.remaining() ?? 0));
  protected readonly announcement = signal('');

  constructor() {
    const tick = setInterval(() => this.now.set(Date.now()), 250);
    inject(DestroyRef).onDestroy(() => clearInterval(tick));

    let previous: number | null = null;
    effect(() => {
      const current = this.remaining();
      const milestone = timerMilestone(previous, current);
      previous = current;
      if (!milestone) return;
      untracked(() => {
        if (milestone === 'started') {
          this.announcement.set(this.i18n.translate('workshopLive.timerAnnounceStart', {
              // The set length, not the first reading (which network delay can push a second over).
              time: formatRemaining(Math.min(current ?? 0, this.timer()?.durationMs ?? Infinity)),
            }));
        } else if (milestone === 'oneMinute') {
          this.announcement.set(this.i18n.translate('workshopLive.timerAnnounceMinute'));
        } else {
          this.announcement.set(this.i18n.translate('workshopLive.timerEnded'));
          this.chime.play();
        }
      });
    });
  }

  protected start(event: Event): void {
    event.preventDefault();
    const minutes = Math.min(MAX_MINUTES, Math.max(1, Math.round(this.minutes() || 0)));
    this.minutes.set(minutes);
    this.liveCommand.emit({ type: 'timer.start', durationMs: minutes * ONE_MINUTE_MS });
  }

  protected number(event: Event): number {
    return Number((event.target as HTMLInputElement).value);
  }
}
