import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { WORKSHOP_LIMITS, type BoardItem, type BreakoutGroup, type LiveCommand, type PresenceEntry } from '@kehittamo/shared/domain';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';

interface DraftGroup {
  key: number;
  name: string;
  frameId: string;
}

/**
 * Breakouts for facilitators: by organisation (one step) or hand-made groups (name, frame and
 * members chosen with plain selects). While they run: who is in which group, "visit" a group's
 * frame, and end them (everyone comes back).
 */
@Component({
  selector: 'kh-breakout-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe],
  template: `
    @if (groups(); as groups) {
      <ul class="kh-breakouts" data-testid="breakout-groups">
        @for (group of groups; track group.id) {
          <li>
            <h4>{{ group.name }}</h4>
            <p>{{ memberNames(group) || ('workshopLive.groupEmpty' | t) }}</p>
            <button
              matButton="outlined"
              type="button"
              data-testid="breakout-visit"
              [attr.aria-label]="'workshopLive.visitGroupLabel' | t: { name: group.name }"
              (click)="visit.emit(group)"
            >
              {{ 'workshopLive.visitGroup' | t }}
            </button>
          </li>
        }
      </ul>
      <button matButton="filled" type="button" data-testid="breakouts-end" (click)="liveCommand.emit({ type: 'breakouts.end' })">
        {{ 'workshopLive.breakoutsEnd' | t }}
      </button>
    } @else {
      <p>{{ 'workshopLive.breakoutsIntro' | t }}</p>
      <button matButton="outlined" type="button" data-testid="breakouts-by-organisation" (click)="startByOrganisation()">
        {{ 'workshopLive.breakoutsByOrganisation' | t }}
      </button>

      <fieldset class="kh-live-form">
        <legend>{{ 'workshopLive.manualGroups' | t }}</legend>
        @for (group of drafts(); track group.key; let i = $index) {
          <div class="kh-breakout-draft">
            <label [for]="'breakout-name-' + group.key">{{ 'workshopLive.groupName' | t: { number: i + 1 } }}</label>
            <input [id]="'breakout-name-' + group.key" type="text" [value]="group.name" (input)="rename(group.key, $event)" />
            <label [for]="'breakout-frame-' + group.key">{{ 'workshopLive.groupFrame' | t: { number: i + 1 } }}</label>
            <select [id]="'breakout-frame-' + group.key" (change)="setFrame(group.key, $event)">
              <option value="" [selected]="!group.frameId">{{ 'workshopForm.wholeBoard' | t }}</option>
              @for (frame of frames(); track frame.id) {
                <option [value]="frame.id" [selected]="frame.id === group.frameId">{{ frame.text || ('workshopForm.untitledFrame' | t) }}</option>
              }
            </select>
            <button
              matButton="text"
              type="button"
              [attr.aria-label]="'workshopLive.removeGroupLabel' | t: { number: i + 1 }"
              (click)="removeGroup(group.key)"
            >
              {{ 'workshopForm.remove' | t }}
            </button>
          </div>
        }
        <button matButton="outlined" type="button" data-testid="breakout-add-group" [disabled]="drafts().length >= maxGroups" (click)="addGroup()">
          {{ 'workshopLive.addGroup' | t }}
        </button>
        @if (drafts().length) {
          <h4>{{ 'workshopLive.whoGoesWhere' | t }}</h4>
          @for (person of people(); track person.userId) {
            <div class="kh-inline-field">
              <label [for]="'breakout-person-' + person.userId">{{ person.displayName }}</label>
              <select [id]="'breakout-person-' + person.userId" (change)="assign(person.userId, $event)">
                <option value="" [selected]="!assignments()[person.userId]">{{ 'workshopLive.noGroup' | t }}</option>
                @for (group of drafts(); track group.key; let i = $index) {
                  <option [value]="group.key" [selected]="assignments()[person.userId] === group.key">
                    {{ group.name || ('workshopLive.defaultGroupName' | t: { number: i + 1 }) }}
                  </option>
                }
              </select>
            </div>
          }
          <button matButton="filled" type="button" data-testid="breakouts-start" (click)="startManual()">
            {{ 'workshopLive.breakoutsStart' | t }}
          </button>
        }
      </fieldset>
    }
  `,
  styleUrls: ['./live-form.scss'],
  styles: `
    .kh-breakouts {
      margin: 0 0 0.75rem;
      padding: 0;
      list-style: none;
    }
    .kh-breakouts li {
      margin-block: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-low);
    }
    .kh-breakouts h4,
    .kh-breakouts p {
      margin: 0 0 0.25rem;
    }
    .kh-breakout-draft {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      padding-block: 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class BreakoutControlsComponent {
  private readonly i18n = inject(I18nService);

  readonly groups = input.required<readonly BreakoutGroup[] | null>();
  /** Everyone present who is not a facilitator. */
  readonly people = input.required<readonly PresenceEntry[]>();
  readonly boardId = input.required<string>();
  readonly frames = input.required<readonly BoardItem[]>();
  readonly liveCommand = output<LiveCommand>();
  readonly visit = output<BreakoutGroup>();

  protected readonly maxGroups = WORKSHOP_LIMITS.breakoutGroups;
  protected readonly drafts = signal<DraftGroup[]>([]);
  /** userId → draft group key. */
  protected readonly assignments = signal<Record<string, number>>({});
  private nextKey = 1;
  private readonly names = computed(() => new Map(this.people().map((person) => [person.userId, person.displayName])));

  protected memberNames(group: BreakoutGroup): string {
    return group.userIds.map((id) => this.names().get(id)).filter((name): name is string => !!name).join(', ');
  }

  protected startByOrganisation(): void {
    this.liveCommand.emit({ type: 'breakouts.start', byOrganisation: true, boardId: this.boardId() });
  }

  protected addGroup(): void {
    this.drafts.update((list) => [...list, { key: this.nextKey++, name: '', frameId: '' }]);
  }

  protected removeGroup(key: number): void {
    this.drafts.update((list) => list.filter((group) => group.key !== key));
    this.assignments.update((map) => Object.fromEntries(Object.entries(map).filter(([, value]) => value !== key)));
  }

  protected rename(key: number, event: Event): void {
    const name = (event.target as HTMLInputElement).value;
    this.drafts.update((list) => list.map((group) => (group.key === key ? { ...group, name } : group)));
  }

  protected setFrame(key: number, event: Event): void {
    const frameId = (event.target as HTMLSelectElement).value;
    this.drafts.update((list) => list.map((group) => (group.key === key ? { ...group, frameId } : group)));
  }

  protected assign(userId: string, event: Event): void {
    const value = Number((event.target as HTMLSelectElement).value);
    this.assignments.update((map) => {
      const next = { ...map };
      if (value) next[userId] = value;
      else delete next[userId];
      return next;
    });
  }

  protected startManual(): void {
    const assignments = this.assignments();
    const groups = this.drafts().map((group, index) => ({
      name: group.name.trim() || this.i18n.translate('workshopLive.defaultGroupName', { number: index + 1 }),
      userIds: Object.keys(assignments).filter((userId) => assignments[userId] === group.key),
      boardId: this.boardId(),
      frameId: group.frameId || null,
    }));
    this.liveCommand.emit({ type: 'breakouts.start', groups });
  }
}
