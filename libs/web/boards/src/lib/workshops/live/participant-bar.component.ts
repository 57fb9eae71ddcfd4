import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { QUICK_REACTIONS, type LiveCommand, type QuickReaction } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { REACTION_EMOJI, REACTION_LABEL } from '../shared/labels';

/**
 * What every participant can do: raise a hand, react (anonymously), quietly ask for a pause
 * (only facilitators see it) and stop sharing their pointer. Toggles are aria-pressed buttons
 * whose words also change, so the state is never shown by colour alone.
 */
@Component({
  selector: 'kh-participant-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe],
  template: `
    <section class="kh-participant-bar" aria-labelledby="live-participant-heading" data-testid="participant-bar">
      <h2 id="live-participant-heading" class="kh-visually-hidden">{{ 'workshopLive.myTools' | t }}</h2>
      <div class="kh-participant-bar__row">
        <button
          matButton="outlined"
          type="button"
          data-testid="live-hand"
          [attr.aria-pressed]="handRaised()"
          (click)="liveCommand.emit({ type: 'hand', raised: !handRaised() })"
        >
          <span aria-hidden="true">✋ </span>{{ (handRaised() ? 'workshopLive.lowerHand' : 'workshopLive.raiseHand') | t }}
        </button>
        <button
          matButton="outlined"
          type="button"
          data-testid="live-pause"
          aria-describedby="live-pause-hint"
          [attr.aria-pressed]="pauseRequested()"
          (click)="pauseToggle.emit(!pauseRequested())"
        >
          {{ (pauseRequested() ? 'workshopLive.pauseRequested' : 'workshopLive.needPause') | t }}
        </button>
        <button
          matButton="outlined"
          type="button"
          data-testid="live-hide-cursor"
          [attr.aria-pressed]="hideCursor()"
          (click)="hideCursorChange.emit(!hideCursor())"
        >
          {{ 'workshopLive.hideCursor' | t }}
        </button>
      </div>
      <p id="live-pause-hint" class="kh-muted kh-participant-bar__hint">{{ 'workshopLive.pauseHint' | t }}</p>
      <div class="kh-participant-bar__row" role="group" [attr.aria-label]="'workshopLive.reactions' | t">
        @for (reaction of reactions; track reaction) {
          <button
            type="button"
            class="kh-reaction"
            [attr.data-testid]="'live-react-' + reaction"
            [attr.aria-label]="'workshopLive.sendReaction' | t: { reaction: (reactionLabel[reaction] | t) }"
            (click)="liveCommand.emit({ type: 'react', reaction })"
          >
            <span aria-hidden="true">{{ reactionEmoji[reaction] }}</span>
          </button>
        }
      </div>
      <ul class="kh-reaction-stream" data-testid="live-reactions" [attr.aria-label]="'workshopLive.recentReactions' | t">
        @for (shown of shownReactions(); track shown.id) {
          <li><span aria-hidden="true">{{ reactionEmoji[shown.reaction] }}</span> {{ reactionLabel[shown.reaction] | t }}</li>
        }
      </ul>
    </section>
  `,
  styles: `
    .kh-participant-bar__row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .kh-participant-bar__hint {
      margin: 0.25rem 0 0.5rem;
      font: var(--mat-sys-body-medium);
    }
    .kh-participant-bar button[aria-pressed='true'] {
      border-width: 3px;
      font-weight: 700;
    }
    .kh-reaction {
      min-width: 44px;
      min-height: 44px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 22px;
      background: var(--mat-sys-surface);
      font-size: 1.25rem;
      cursor: pointer;
    }
    .kh-reaction-stream {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      min-height: 2rem;
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
    }
    .kh-reaction-stream li {
      padding: 0.125rem 0.5rem;
      border-radius: 999px;
      background: var(--mat-sys-surface-container-high);
      animation: kh-reaction-in 200ms ease-out;
    }
    @keyframes kh-reaction-in {
      from {
        transform: translateY(0.5rem);
        opacity: 0;
      }
    }
  `,
})
export class ParticipantBarComponent {
  readonly handRaised = input(false);
  readonly pauseRequested = input(false);
  readonly hideCursor = input(false);
  readonly shownReactions = input<readonly { id: number; reaction: QuickReaction }[]>([]);
  readonly liveCommand = output<LiveCommand>();
  readonly pauseToggle = output<boolean>();
  readonly hideCursorChange = output<boolean>();

  protected readonly reactions = QUICK_REACTIONS;
  protected readonly reactionLabel = REACTION_LABEL;
  protected readonly reactionEmoji = REACTION_EMOJI;
}
