import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { WORKSHOP_LIMITS, type BoardItem, type LiveCommand, type LiveVoting } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';

/**
 * Dot voting for facilitators: set it up (votes per person, an optional limit per note, the
 * frame), then close, reveal and clear. While it runs, the number of votes cast shows progress
 * without giving away the results.
 */
@Component({
  selector: 'kh-voting-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe],
  template: `
    @if (voting(); as voting) {
      <p data-testid="voting-status">
        {{ (voting.open ? 'workshopLive.votingOpen' : voting.revealed ? 'workshopLive.votingRevealed' : 'workshopLive.votingClosed') | t }}
      </p>
      <p data-testid="voting-progress">{{ 'workshopLive.votesCast' | t: { count: votesCast(), people: voters() } }}</p>
      <div class="kh-form-actions">
        @if (voting.open) {
          <button matButton="outlined" type="button" data-testid="voting-close" (click)="liveCommand.emit({ type: 'voting.close' })">
            {{ 'workshopLive.votingClose' | t }}
          </button>
        } @else if (!voting.revealed) {
          <button matButton="outlined" type="button" data-testid="voting-reveal" (click)="liveCommand.emit({ type: 'voting.reveal' })">
            {{ 'workshopLive.votingReveal' | t }}
          </button>
        }
        <button matButton="outlined" type="button" data-testid="voting-clear" (click)="liveCommand.emit({ type: 'voting.clear' })">
          {{ 'workshopLive.votingClear' | t }}
        </button>
      </div>
    } @else {
      <form class="kh-live-form" (submit)="start($event)">
        <label for="voting-votes">{{ 'workshopLive.votesPerPerson' | t }}</label>
        <input
          id="voting-votes"
          type="number"
          inputmode="numeric"
          min="1"
          [max]="votesMax"
          data-testid="voting-votes"
          [value]="votes()"
          (input)="votes.set(number($event))"
        />
        <label for="voting-limit">{{ 'workshopLive.perNoteLimit' | t }} ({{ 'common.optional' | t }})</label>
        <input
          id="voting-limit"
          type="number"
          inputmode="numeric"
          min="1"
          [max]="votesMax"
          aria-describedby="voting-limit-hint"
          data-testid="voting-limit"
          [value]="limit() ?? ''"
          (input)="limit.set(number($event) || null)"
        />
        <p id="voting-limit-hint" class="kh-muted">{{ 'workshopLive.perNoteLimitHint' | t }}</p>
        <label for="voting-frame">{{ 'workshopLive.votingFrame' | t }}</label>
        <select id="voting-frame" data-testid="voting-frame" (change)="frameId.set(text($event))">
          <option value="" [selected]="!frameId()">{{ 'workshopForm.wholeBoard' | t }}</option>
          @for (frame of frames(); track frame.id) {
            <option [value]="frame.id" [selected]="frame.id === frameId()">{{ frame.text || ('workshopForm.untitledFrame' | t) }}</option>
          }
        </select>
        <div class="kh-form-actions">
          <button matButton="filled" type="submit" data-testid="voting-start">{{ 'workshopLive.votingStart' | t }}</button>
        </div>
      </form>
    }
  `,
  styleUrls: ['./live-form.scss'],
  styles: `
  `,
})
export class VotingControlsComponent {
  readonly voting = input.required<LiveVoting | null>();
  readonly votesCast = input(0);
  /** People who could vote (for "12 of 30 votes"). */
  readonly voters = input(0);
  readonly boardId = input.required<string>();
  readonly frames = input.required<readonly BoardItem[]>();
  readonly liveCommand = output<LiveCommand>();

  protected readonly votesMax = WORKSHOP_LIMITS.votesPerPersonMax;
  protected readonly votes = signal(3);
  protected readonly limit = signal<number | null>(null);
  protected readonly frameId = signal('');

  protected start(event: Event): void {
    event.preventDefault();
    const votesPerPerson = clamp(this.votes(), 1, this.votesMax);
    const limit = this.limit();
    this.votes.set(votesPerPerson);
    this.liveCommand.emit({
      type: 'voting.start',
      boardId: this.boardId(),
      frameId: this.frameId() || null,
      votesPerPerson,
      perNoteLimit: limit ? clamp(limit, 1, votesPerPerson) : null,
    });
  }

  protected number(event: Event): number {
    return Number((event.target as HTMLInputElement).value);
  }

  protected text(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(Number.isFinite(value) ? value : min)));
}
