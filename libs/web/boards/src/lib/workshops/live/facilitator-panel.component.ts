import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type {
  BoardItem,
  BreakoutGroup,
  LiveCommand,
  LiveFacilitatorEvent,
  LiveStateEvent,
  Viewport,
} from '@kehittamo/shared/domain';
import { DateTimePipe, TranslatePipe } from '@kehittamo/web/core';
import { ConfirmButtonComponent } from '@kehittamo/web/ui';
import { BreakoutControlsComponent } from './breakout-controls.component';
import { VotingControlsComponent } from './voting-controls.component';

/**
 * Facilitators' tools, each behind a disclosure (<details>) so the panel stays short on a
 * phone and every tool is reachable with Tab and Enter: start and end, bring everyone to me,
 * locks, private writing, dot voting, breakouts and pause requests.
 */
@Component({
  selector: 'kh-facilitator-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, DateTimePipe, ConfirmButtonComponent, VotingControlsComponent, BreakoutControlsComponent],
  templateUrl: './facilitator-panel.component.html',
  styleUrls: ['./live-form.scss'],
  styles: `
    .kh-facilitator-panel details {
      margin-block: 0.5rem;
      padding: 0 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .kh-facilitator-panel details[open] {
      padding-bottom: 0.75rem;
    }
    .kh-facilitator-panel summary {
      padding-block: 0.625rem;
      font-weight: 600;
      cursor: pointer;
    }
    .kh-lock-list {
      margin: 0.5rem 0;
      padding: 0;
      list-style: none;
    }
    .kh-lock-list li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 0.75rem;
      padding-block: 0.25rem;
    }
    .kh-check {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 44px;
    }
    .kh-check input {
      width: 1.25rem;
      height: 1.25rem;
    }
    .kh-facilitator-panel button[aria-pressed='true'] {
      border-width: 3px;
      font-weight: 700;
    }
  `,
})
export class FacilitatorPanelComponent {
  readonly event = input.required<LiveStateEvent>();
  readonly facilitatorEvent = input<LiveFacilitatorEvent | null>(null);
  readonly boardId = input.required<string>();
  readonly boardTitle = input.required<string>();
  readonly frames = input.required<readonly BoardItem[]>();
  /** Where this facilitator's canvas is now, for "bring everyone to me". */
  readonly viewport = input<Viewport | null>(null);
  readonly liveCommand = output<LiveCommand>();
  readonly visit = output<BreakoutGroup>();

  protected readonly state = computed(() => this.event().state);
  protected readonly boardLocked = computed(() => this.state().lockedBoards.includes(this.boardId()));
  protected readonly lockedFrames = computed(() => new Set(this.state().lockedFrames));
  protected readonly participants = computed(() => this.event().presence.filter((person) => !person.facilitator));
  protected readonly writingFrame = signal('');
  protected readonly writingAnonymous = signal(true);

  protected frameLocked(frameId: string): boolean {
    return this.lockedFrames().has(`${this.boardId()}:${frameId}`);
  }

  protected bringEveryone(): void {
    this.liveCommand.emit({ type: 'follow', boardId: this.boardId(), frameId: null, viewport: this.viewport() });
  }

  protected startWriting(): void {
    this.liveCommand.emit({
      type: 'private.start',
      boardId: this.boardId(),
      frameId: this.writingFrame() || null,
      anonymous: this.writingAnonymous(),
    });
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected text(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}
